# Texts of the admin pages (it).

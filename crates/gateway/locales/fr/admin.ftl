# Texts of the admin pages (fr).

# Texts of the admin pages (de).

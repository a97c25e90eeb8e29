# Texts of the concerns pages (de).

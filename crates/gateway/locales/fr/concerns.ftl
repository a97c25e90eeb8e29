# Texts of the concerns pages (fr).

# Texts of the concerns pages (it).

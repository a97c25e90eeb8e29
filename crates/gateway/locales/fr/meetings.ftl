# Texts of the meetings pages (fr).

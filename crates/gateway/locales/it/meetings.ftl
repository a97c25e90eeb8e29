# Texts of the meetings pages (it).

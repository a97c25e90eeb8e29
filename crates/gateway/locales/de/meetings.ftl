# Texts of the meetings pages (de).

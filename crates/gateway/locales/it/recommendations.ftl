# Texts of the recommendations pages (it).

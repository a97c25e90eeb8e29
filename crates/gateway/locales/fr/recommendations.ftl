# Texts of the recommendations pages (fr).

# Texts of the recommendations pages (de).

# Texts of the charts pages (de).

# Texts of the charts pages (fr).

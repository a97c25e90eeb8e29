# Texts of the charts pages (it).

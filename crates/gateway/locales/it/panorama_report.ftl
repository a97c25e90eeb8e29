# The panorama reports: the published panorama, print, comparisons (web/panorama/report).

# The panorama: profiles, key figures, rounds (web/panorama/canton).

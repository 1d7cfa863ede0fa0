"""One blueprint per page; each view serves its HTML page and its JSON twin."""

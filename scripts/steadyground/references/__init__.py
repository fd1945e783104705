"""References as data: references.yml, each page's list of sources, the citation rules."""

"""Markdown pages: their author rules (front matter, headings, reading level, wording,
accuracy, safety planning, discreet titles, source files, rendered content) and the HTML
steps on a built page."""

"""The language sites: building each, linking a page to its translations, and the words of
one variety of Spanish."""

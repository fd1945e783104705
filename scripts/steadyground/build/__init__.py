"""The build doors' own parts: the Zensical adapter (the same steps as the MkDocs hooks,
around `zensical build`) and the preview's problem page."""

"""Test harness: build the site, serve it statically under a subpath, drive Chromium."""

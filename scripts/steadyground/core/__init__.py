"""The core every feature stands on: problems, errors, paths, the one config reader, the
languages, YAML with positions, typed front matter, limits, the Project and the rule registry.
It imports no feature (tests/architecture/test_layers.py)."""

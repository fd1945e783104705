"""Steady Ground's code, by feature over a small core; the layers are in ARCHITECTURE.md."""

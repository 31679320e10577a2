"""Live editing: rebuild on save (watch.py) and the loopback preview (preview.py)."""

"""The command line: typer commands (app.py, thin) and the progress display (progress.py)."""

from .app import app, main

__all__ = ["app", "main"]

"""handout: lecture Markdown → print-ready PDF handouts."""

__version__ = "0.1.0"

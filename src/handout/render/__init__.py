"""Render stage: an enriched Lecture -> HTML per edition (html.py), through the sanitizer, the URL policy and the theme."""

EDITIONS = ("student", "teacher", "worksheet")
"""The editions of a lecture, in the order they are built (here so naming them imports no renderer)."""

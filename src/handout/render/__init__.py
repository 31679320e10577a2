"""Render stage: an enriched Lecture -> HTML per edition (html.py), through the sanitizer, the URL policy and the theme."""

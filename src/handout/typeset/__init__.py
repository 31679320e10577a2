"""Typeset stage: HTML -> PDF bytes with WeasyPrint (engine.py); paper, layouts and variants (printing.py); imposition; accessibility checks."""

"""Publish stage: files on disk (atomic writes, locks), the download page and the chronology exports."""

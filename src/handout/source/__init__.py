"""Load stage: a lecture file -> Lecture with source lines (lecture.py); handout.toml -> settings (manifest.py); bounds (limits.py)."""

"""The manifest's file name, shared by the manifest reader and the sandbox (which must not import each other)."""

MANIFEST_NAME = "handout.toml"

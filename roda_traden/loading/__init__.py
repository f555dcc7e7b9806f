"""Reading a goal tree from disk: files, text checks, YAML, models."""

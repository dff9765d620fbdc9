"""The quiz: scoring (pure), answers files and saved progress."""

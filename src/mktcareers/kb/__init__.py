"""Find, read, validate and compile a knowledge base."""

"""The Typer app: app.py (the root command and the lazy command table), common.py
(shared options, opening the knowledge base, resolving a name or failing with
suggestions) and one module per command noun, each with an `app`: parse, call the
domain, hand the result to a view. app.py imports a command's module only when it
is used.

These modules do not use `from __future__ import annotations`: Typer reads every
parameter's annotation, and annotations evaluated once at definition spare it
from evaluating strings on every run.
"""

"""One module per mktcareers subcommand, each with an `app`: parse, call the domain,
hand the result to a view. mktcareers.cli imports a module only when it is used.

These modules do not use `from __future__ import annotations`: Typer reads every
parameter's annotation, and annotations evaluated once at definition spare it
from evaluating strings on every run.
"""

"""What the subcommands share: the --format option, the knowledge base, resolving
a role by name, and printing a result as a Rich view or in a machine format."""

from typing import Annotated

import typer

from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

CONTEXT = {"help_option_names": ["-h", "--help"]}

FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format", "-f", help="Output format: a table for reading, or json, yaml, csv, md."
    ),
]


def store(ctx: typer.Context):
    """The knowledge base chosen by --data (cached when unchanged), or exit 1 listing
    its problems. It is closed when the command ends."""
    from mktcareers.kb import location
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.store import Store

    root = location.resolve_dir(ctx.obj)
    try:
        opened = Store.open(root, _parse)
    except KbError as problem:
        count = len(problem.problems)
        output.problems(
            f"the knowledge base at {root} has {count} problem{'s' if count != 1 else ''}:",
            problem.problems,
            f"run 'mktcareers kb validate {root}' after fixing them.",
        )
        raise typer.Exit(1) from None
    ctx.call_on_close(opened.close)
    return opened


def _parse(root):
    """Parse the YAML (no cache yet, or an edit since): a progress bar on a terminal
    when that is slow, and how long it took when over a second."""
    from mktcareers.kb.loading import load
    from mktcareers.views.progress import LoadFeedback

    feedback = LoadFeedback()
    try:
        knowledge = load(root, progress=feedback)
    except BaseException:
        feedback.finish(None)  # its problems are reported instead
        raise
    feedback.finish(f"the knowledge base at {root} ({len(knowledge.roles):,} roles)")
    return knowledge


def resolve(finder, name: str) -> int:
    """The position of the role `name` means, or exit 1 with suggestions."""
    match = finder.resolve(name)
    if match.position is not None:
        return match.position
    if match.suggestions:
        output.error(f"Unknown role '{name}'. Did you mean: {', '.join(match.suggestions)}?")
    else:
        output.error(f"Unknown role '{name}'.", "run 'mktcareers roles list' to see every role.")
    raise typer.Exit(1)


def present(fmt: OutputFormat, view, data) -> None:
    """Print a Rich view (`view(render)`) for tables, else `data()` in the machine format.

    Only the chosen path is imported: machine formats never load Rich.
    """
    if fmt is OutputFormat.table:
        from mktcareers.views import render

        output.show(view(render))
        return
    from mktcareers.views import formats

    output.write(formats.render(data(), fmt))

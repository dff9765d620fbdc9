"""mktcareers questions."""

import typer

from mktcareers.cli.ask import load
from mktcareers.cli.common import APP_SETTINGS, FormatOption, present
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


@app.command()
def questions(ctx: typer.Context, fmt: FormatOption = OutputFormat.table) -> None:
    """List the questions 'mktcareers ask' answers, with the id that asks each.

    Examples:

      mktcareers questions

      mktcareers questions --format csv
    """
    from mktcareers.questions import TOPICS
    from mktcareers.views import answers

    listed = load(ctx.obj)
    present(
        fmt,
        lambda: answers.questions_view(listed, TOPICS),
        lambda: answers.questions_rows(listed),
    )

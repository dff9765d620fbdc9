"""mktcareers ask; what `questions`, `search` and the start screen share about questions."""

from typing import Annotated

import typer

from mktcareers.cli.common import (
    APP_SETTINGS,
    FormatOption,
    NameWordsCommand,
    name_argument,
    present,
    store,
)
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(**APP_SETTINGS)


@app.command(cls=NameWordsCommand)
def ask(
    ctx: typer.Context,
    question: Annotated[
        str,
        name_argument(
            "QUESTION",
            "A question in your own words, or its id or number from 'mktcareers questions'.",
        ),
    ],
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Answer a common question about digital marketing careers from the numbers.

    The answer is computed from the knowledge base each time, so it follows the
    data; typos and other wordings are forgiven, and quotes are optional.
    'mktcareers questions' lists them.

    Examples:

      mktcareers ask "are digital marketing jobs remote?"

      mktcareers ask "is it an IT job"

      mktcareers ask which role pays most

      mktcareers ask beginner-roles

      mktcareers ask 3 --format json
    """
    from mktcareers.questions import Catalogue, Unanswerable, answer
    from mktcareers.views import answers

    catalogue = Catalogue(load(ctx.obj))
    match = catalogue.match(question)
    if match.question is None:
        if match.suggestions:
            output.problems(
                f"no single question matches '{question}'. The closest:",
                answers.no_match_lines(match),
                "run one of those, or 'mktcareers questions' to see them all.",
            )
        else:
            output.error(
                f"no question matches '{question}'.",
                "run 'mktcareers questions' to see the questions answered, or "
                f'mktcareers search "{question}" for roles and jobs of that name.',
            )
        raise typer.Exit(1)
    knowledge = store(ctx).knowledge()
    try:
        result = answer(match.question, knowledge)
    except Unanswerable as problem:
        output.error(f"cannot answer '{match.question.text}': {problem.reason}.")
        raise typer.Exit(1) from None
    present(fmt, lambda: answers.answer_view(result), lambda: answers.answer_record(result))


def load(data):
    """The questions of the knowledge base chosen by --data (`data`, the root's
    ctx.obj), MKTCAREERS_DATA or the bundled ones, or exit 1 listing the problems of
    its questions.yaml."""
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.location import resolve_dir
    from mktcareers.kb.questionfile import load_questions

    root = resolve_dir(data)
    try:
        return load_questions(root)
    except KbError as problem:
        output.problems(
            "the questions file has problems:",
            problem.problems,
            f"run 'mktcareers kb validate {root}' after fixing them.",
        )
        raise typer.Exit(1) from None


def point_to_answer(ctx: typer.Context, query: str) -> str | None:
    """For `search`: "it reads as the question ...: run ..." when `query` matches a
    question clearly, else None (also when the questions file has problems: search
    has its own answer then)."""
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.location import resolve_dir
    from mktcareers.kb.questionfile import load_questions
    from mktcareers.questions import Catalogue
    from mktcareers.views.answers import ask_command

    try:
        questions = load_questions(resolve_dir(ctx.obj))
    except (KbError, OSError):
        return None
    match = Catalogue(questions).match(query)
    if match.question is None:
        return None
    return f"it reads as the question '{match.question.text}': {ask_command(match.question)}"


def start(data) -> None:
    """The start screen (`mktcareers` alone): the questions marked `start` and the
    commands that answer them."""
    from mktcareers.views.answers import start_view

    questions = load(data)
    output.show(start_view([q for q in questions if q.start]))

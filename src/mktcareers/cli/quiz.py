"""mktcareers quiz and quiz items."""

from pathlib import Path
from typing import Annotated

import typer

from mktcareers.cli.common import APP_SETTINGS, FormatOption, present, store
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(no_args_is_help=False, invoke_without_command=True, **APP_SETTINGS)


def _load_quiz(knowledge):
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.quizfile import load_quiz

    try:
        return load_quiz(knowledge)
    except KbError as problem:
        output.problems("the quiz items cannot be used:", problem.problems)
        raise typer.Exit(1) from None


def _save_results(path: Path, record: dict) -> None:
    """Write results to `path` in the format its suffix names (JSON otherwise)."""
    from mktcareers.userdata import write_atomic
    from mktcareers.views import formats

    suffix = path.suffix.lower()
    fmt = {".yaml": OutputFormat.yaml, ".yml": OutputFormat.yaml, ".md": OutputFormat.md}.get(
        suffix, OutputFormat.json
    )
    try:
        write_atomic(path, formats.render(record, fmt))
    except OSError as error:
        output.error(
            f"cannot save the results to {path}: {error.strerror or error}",
            "choose a file in a folder you can write to.",
        )
        raise typer.Exit(1) from None
    output.note(f"Results saved to {path}.")


def _interactive_answers(quiz, short: bool, resume: bool) -> tuple[dict[str, int], int] | None:
    """Run the quiz in the terminal; the answers and how many items were asked.

    None when the person quit with q. Ctrl-C and end of input exit 130 after saving.
    The rules (what to do with saved progress, where to start) are quiz.session's.
    """
    from mktcareers.cli import quiz_prompts as interactive
    from mktcareers.quiz import progress as state
    from mktcareers.quiz import session as sessions

    path = state.progress_path()
    try:
        found = sessions.find_saved(path)
    except sessions.StuckProgress as stuck:
        output.error(
            f"your saved quiz at {path} cannot be used ({stuck.problem}) "
            f"nor moved aside ({stuck.error.strerror or stuck.error}).",
            "move or delete that file, then try again.",
        )
        raise typer.Exit(1) from None
    if found.problem is not None:
        output.note(f"Warning: your saved quiz at {path} cannot be used: {found.problem}.")
        output.note(
            f"It was kept as {found.kept_as}." + ("" if resume else " Starting a new quiz.")
        )
    console = output.console(stderr=True)
    start = sessions.how_to_start(found.progress, resume)
    if start is sessions.Start.NOTHING_TO_RESUME:
        output.error("there is no quiz in progress to resume.", "start one with 'mktcareers quiz'.")
        raise typer.Exit(1)
    if start is sessions.Start.ASK and not _continue_saved(found.progress, console):
        start = sessions.Start.NEW
    if start is sessions.Start.NEW:
        session = sessions.begin(quiz, short)
        console.print(
            f"mktcareers quiz: {len(session.items)} items, about "
            f"{max(1, len(session.items) // 8)} minutes. "
            "Answer with 1-5; b goes back, s skips, q saves and quits.",
            markup=False,
        )
    else:
        session = sessions.begin(quiz, short, found.progress)
        if short and not session.short:
            output.note("Continuing your saved full quiz (--short is ignored).")

    def save(current) -> None:
        try:
            state.save_progress(path, current.progress())
        except OSError as error:
            output.note(f"Warning: cannot save progress to {path}: {error.strerror or error}")

    hint = "Continue with: mktcareers quiz --resume"
    try:
        finished = interactive.run(session, console, save)
    except interactive.Interrupted:
        output.note(f"{_paused(session)} {hint}")
        raise typer.Exit(130) from None
    if not finished:
        output.note(f"{_paused(session)} {hint}")
        return None
    state.clear_progress(path)
    return session.answers, len(session.items)


def _continue_saved(saved, console) -> bool:
    """Ask whether to continue the saved quiz (yes by default); Ctrl-C exits 130."""
    from rich.prompt import Confirm

    try:
        return Confirm.ask(
            f"You have a quiz in progress ({len(saved.answers)} answered). Continue it?",
            console=console,
            default=True,
        )
    except (KeyboardInterrupt, EOFError):
        output.note("")
        raise typer.Exit(130) from None


def _paused(session) -> str:
    return (
        f"Quiz paused at item {session.position + 1} of {len(session.items)} "
        f"({session.answered()} answered); progress saved."
    )


@app.callback()
def quiz(
    ctx: typer.Context,
    short: Annotated[
        bool, typer.Option("--short", help="The short quiz (18 items) instead of the full one.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the quiz you stopped.")
    ] = False,
    answers_file: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            help="Score a YAML or JSON file of item id -> 1..5 instead of asking.",
            show_default=False,
        ),
    ] = None,
    top: Annotated[
        int, typer.Option("--top", "-n", min=1, max=100, help="How many roles to recommend.")
    ] = 5,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save",
            help="Also write the results to FILE (.json, .yaml or .md).",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Take a self-assessment and see which roles fit you, and why.

    Answer how much you would like a set of work activities, what you want from
    work, and (optionally) how good you are at some skills. The items are our own
    and are not a validated psychometric instrument; the scoring follows the
    method of the O*NET Interest Profiler.

    Examples:

      mktcareers quiz --short

      mktcareers quiz --resume

      mktcareers quiz --answers my-answers.yaml --format json

      mktcareers quiz items --format yaml
    """
    if ctx.invoked_subcommand is not None:
        return
    if answers_file is not None and resume:
        output.error("--answers and --resume cannot be used together.")
        raise typer.Exit(2)
    from mktcareers.quiz import scoring
    from mktcareers.views import quiz as quiz_view

    knowledge = store(ctx).knowledge()
    items = _load_quiz(knowledge)
    if answers_file is not None:
        from mktcareers.quiz.answers import AnswersError, read_answers

        try:
            answers = read_answers(answers_file, items)
        except AnswersError as problem:
            output.problems(
                f"the answers in {answers_file} cannot be used:",
                problem.problems,
                "see the item ids with 'mktcareers quiz items'.",
            )
            raise typer.Exit(1) from None
        asked = len(items.items)
    else:
        taken = _interactive_answers(items, short, resume)
        if taken is None:
            return
        answers, asked = taken
    result = scoring.score(items, answers, knowledge.roles, limit=top, asked=asked)
    record = quiz_view.quiz_result_record(result)
    present(fmt, lambda: quiz_view.quiz_result(result), lambda: record)
    if save is not None:
        _save_results(save, record)


@app.command("items")
def quiz_items(
    ctx: typer.Context,
    short: Annotated[bool, typer.Option("--short", help="Only the short quiz's items.")] = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List the quiz items (id, kind, area, text) in the order they are asked.

    Examples:

      mktcareers quiz items

      mktcareers quiz items --short --format json
    """
    from mktcareers.quiz.items import ordered_items
    from mktcareers.views import quiz as quiz_view

    knowledge = store(ctx).knowledge()
    chosen = ordered_items(_load_quiz(knowledge), short=short)
    present(
        fmt,
        lambda: quiz_view.quiz_items(chosen),
        lambda: [quiz_view.quiz_item(item) for item in chosen],
    )

"""mktcareers quiz and quiz items."""

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from mktcareers.cli.common import APP_SETTINGS, FormatOption, number_option, present, store
from mktcareers.views import console as output
from mktcareers.views.formats import OutputFormat

app = typer.Typer(no_args_is_help=False, invoke_without_command=True, **APP_SETTINGS)

# What --save writes, by the file's extension (any case); a name without one of these
# takes --format's machine format, else it is a usage error.
SAVE_FORMATS = {
    ".md": OutputFormat.md,
    ".json": OutputFormat.json,
    ".yaml": OutputFormat.yaml,
    ".yml": OutputFormat.yaml,
    ".csv": OutputFormat.csv,
}
SAVE_SUFFIXES = f"{', '.join(list(SAVE_FORMATS)[:-1])} or {list(SAVE_FORMATS)[-1]}"

# --save's name for standard output: the results in --format's format, once.
STDOUT = "-"


def _save_path(value: Path | None) -> Path | None:
    """The callback of --save: a usage error, before any question is asked, for a
    folder. '-' is standard output. The format is checked with --format's value
    (save_format)."""
    if value is None or str(value) == STDOUT:
        return value
    if not value.name:  # '', '.', '/': a folder
        raise typer.BadParameter(f"needs a file name ending in {SAVE_SUFFIXES}.")
    kind = _not_a_file(value)
    if kind:
        raise typer.BadParameter(
            f"'{value}' is {kind}, not a file: give a file name ending in {SAVE_SUFFIXES}."
        )
    return value


def _not_a_file(path: Path) -> str | None:
    """What is at `path` when it is there but is not a regular file (links followed):
    'a folder', 'a device', 'a FIFO' or 'a socket'; None for a file or nothing."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # nothing there yet (or unreadable: writing says why)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _extension(path: Path) -> str:
    """The extension that names --save's format, lower case with its dot: '.md' for
    notes.md, and for a file called just '.md' too (Path calls that a hidden file
    without an extension)."""
    if path.suffix:
        return path.suffix.lower()
    return path.name.lower() if path.name.count(".") == 1 and path.name.startswith(".") else ""


def save_format(path: Path, fmt: OutputFormat) -> OutputFormat:
    """The format --save writes `path` in: the one its extension names (SAVE_FORMATS;
    a file called just '.md' counts as ending in .md),
    else --format's when it is a machine format; typer.BadParameter (exit 2) naming
    the extension and the choices otherwise."""
    extension = _extension(path)
    if extension in SAVE_FORMATS:
        return SAVE_FORMATS[extension]
    if fmt is not OutputFormat.table:
        return fmt
    shown = path.suffix or extension
    what = f"ends in '{shown}', which" if extension else "has no extension, so it"
    raise typer.BadParameter(
        f"'{path.name}' {what} names no format: use {SAVE_SUFFIXES}, "
        "or give the format with --format json|yaml|csv|md.",
        param_hint="'--save'",
    )


SaveOption = Annotated[
    Path | None,
    typer.Option(
        "--save",
        help=(
            f"Also write the results to this file: {SAVE_SUFFIXES} (the format it names; "
            "another name takes --format's); - writes them to stdout in --format's format."
        ),
        show_default=False,
        callback=_save_path,
    ),
]


def _load_quiz(knowledge):
    from mktcareers.kb.errors import KbError
    from mktcareers.kb.quizfile import load_quiz

    try:
        return load_quiz(knowledge)
    except KbError as problem:
        output.problems("the quiz items cannot be used:", problem.problems)
        raise typer.Exit(1) from None


def _save_results(path: Path, record: dict, fmt: OutputFormat, kept: bool) -> None:
    """Write results to `path` in `fmt` (save_format), or exit 1; `kept` when they are
    kept for 'mktcareers quiz results' to show and save again."""
    from mktcareers.userdata import write_atomic
    from mktcareers.views import quiz as quiz_view

    try:
        written = write_atomic(path, quiz_view.quiz_result_text(record, fmt), make_folder=False)
    except OSError as error:
        hint = "choose a file in a folder you can write to"
        if kept:
            hint += "; your results are kept: 'mktcareers quiz results --save FILE' saves them"
        output.error(f"cannot save the results to {path}: {_reason(error)}", f"{hint}.")
        raise typer.Exit(1) from None
    link = "" if written == path else f" (a link to {written})"
    output.note(f"Results saved to {path}{link}.")


def _reason(error: OSError) -> str:
    return str(error.strerror or error)


def _show_results(fmt: OutputFormat, record: dict) -> None:
    """The results record on stdout: panels for a table, else in the machine format."""
    from mktcareers.views import quiz as quiz_view

    if fmt is OutputFormat.table:
        output.show(quiz_view.quiz_result(record))
    else:
        output.write(quiz_view.quiz_result_text(record, fmt))


def _keep_results(record: dict) -> bool:
    """Keep the results, durably, for 'mktcareers quiz results'; whether that worked
    (a warning says why not)."""
    from mktcareers.quiz import last_result

    path = last_result.results_path()
    try:
        last_result.save_results(path, record)
    except OSError as error:
        output.note(
            f"Warning: cannot keep the results at {path} for 'mktcareers quiz results': "
            f"{_reason(error)}"
        )
        return False
    return True


def _completed_now() -> str:
    """Now, in UTC, to the second, as ISO 8601."""
    from datetime import UTC, datetime

    return datetime.now(UTC).replace(microsecond=0).isoformat()


class _Saving:
    """Saves a session's progress to `path` after each reply (quiz_prompts.run calls
    it) and remembers whether the last save worked: `error` is None when it did, so
    what the quiz says when it stops is true. A failure is reported when it starts,
    not after every reply."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error: OSError | None = None

    def __call__(self, session) -> None:
        from mktcareers.quiz import progress as state

        if session.position == 0 and not session.answered():
            return  # nothing to keep: a saved quiz (one the person declined) stays as it was
        try:
            state.save_progress(self.path, session.progress())
        except OSError as error:
            report = self.error is None
            self.error = error
            if report:
                output.note(f"Warning: cannot save progress to {self.path}: {self.reason()}")
        else:
            self.error = None

    def reason(self) -> str:
        """Why the last save failed, naming the file in the way when it is not in the
        progress folder (a file where that folder should be)."""
        reason = _reason(self.error)
        if self.error.filename and Path(self.error.filename).parent != self.path.parent:
            reason += f": {self.error.filename}"
        return reason

    def stopped(self, session) -> str:
        """What to say when the quiz stops before its end: where, and whether
        --resume can continue it."""
        where = (
            f"Quiz paused at item {session.position + 1} of {len(session.items)} "
            f"({session.answered()} answered)"
        )
        if session.position == 0 and not session.answered():
            return "Quiz stopped before the first answer; nothing to save."
        if self.error is not None:
            return f"{where}; your answers could not be saved ({self.reason()})."
        return f"{where}; progress saved. Continue with: mktcareers quiz --resume"

    def forget(self) -> None:
        """Delete the progress of a quiz whose results are out. Results still in
        stdout's buffer are written first: until they are, a failure leaves
        --resume able to show them again."""
        from mktcareers.quiz import progress as state

        sys.stdout.flush()
        try:
            state.clear_progress(self.path)
        except OSError as error:
            output.note(
                f"Warning: cannot delete the finished quiz's progress at {self.path}: "
                f"{_reason(error)}"
            )


def _interactive_answers(
    quiz, short: bool, resume: bool
) -> tuple[dict[str, int], int, _Saving] | None:
    """Run the quiz in the terminal; the answers, how many items were asked, and the
    saving whose `forget` deletes the progress once the results are out.

    None when the person quit with q (exit 1 when that could not save). Ctrl-C
    exits 130 after trying to save; the end of standard input exits 1 (saved too).
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
    start = sessions.how_to_start(found.progress, resume)
    if start is sessions.Start.NOTHING_TO_RESUME and found.problem is not None:
        output.error(
            f"your saved quiz at {path} cannot be resumed: {found.problem}.",
            f"it was kept as {found.kept_as}; start a new quiz with 'mktcareers quiz'.",
        )
        raise typer.Exit(1)
    if start is sessions.Start.NOTHING_TO_RESUME:
        output.error("there is no quiz in progress to resume.", "start one with 'mktcareers quiz'.")
        raise typer.Exit(1)
    if found.problem is not None:
        output.note(f"Warning: your saved quiz at {path} cannot be used: {found.problem}.")
        output.note(f"It was kept as {found.kept_as}. Starting a new quiz.")
    console = output.console(stderr=True)
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

    saving = _Saving(path)
    try:
        finished = interactive.run(session, console, saving)
    except interactive.Interrupted:
        output.note(saving.stopped(session))
        raise typer.Exit(130) from None
    except interactive.InputEnded as ended:
        _input_ended(session, saving, ended.closed)
    if not finished:
        output.note(saving.stopped(session))
        if saving.error is not None:  # q asked to save and quit: the save failed
            raise typer.Exit(1)
        return None
    return session.answers, len(session.items), saving


NO_INPUT_HINT = (
    "to answer without a terminal, answer from a file with 'mktcareers quiz --answers FILE' "
    "(item ids: 'mktcareers quiz items')."
)


def _input_ended(session, saving: _Saving, closed: bool = False) -> NoReturn:
    """Exit 1 for standard input that ended (or was closed) before the quiz's end:
    how far it got and what to do, whether progress was saved or not."""
    total, answered = len(session.items), session.answered()
    if session.position == 0 and not answered:
        how = "is closed" if closed or sys.stdin is None or sys.stdin.closed else "ended"
        output.error(
            f"no input: standard input {how} before the first of {total} answers.",
            NO_INPUT_HINT,
        )
        raise typer.Exit(1)
    said = f"input ended after {answered} of {total} answers"
    if saving.error is not None:
        output.error(f"{said}; your answers could not be saved ({saving.reason()}).", NO_INPUT_HINT)
    else:
        output.error(
            f"{said}; progress saved: run 'mktcareers quiz --resume', "
            "or answer from a file with '--answers FILE'."
        )
    raise typer.Exit(1)


def _continue_saved(saved, console) -> bool:
    """Ask whether to continue the saved quiz (yes by default); Ctrl-C exits 130, the
    end of input (nothing to answer with) exits 1."""
    from rich.prompt import Confirm

    try:
        return Confirm.ask(
            f"You have a quiz in progress ({len(saved.answers)} answered). Continue it?",
            console=console,
            default=True,
        )
    except KeyboardInterrupt:
        output.note("")
        raise typer.Exit(130) from None
    except (EOFError, RuntimeError, OSError, ValueError):
        output.note("")
        output.error(
            "no input: standard input ended before the question was answered; "
            "your saved quiz is kept.",
            "continue it in a terminal with 'mktcareers quiz --resume', "
            "or answer from a file with 'mktcareers quiz --answers FILE'.",
        )
        raise typer.Exit(1) from None


def _answers_path(value: str | None) -> Path | None:
    """The callback of --answers (given as text: Path('') would be the current folder):
    an empty name is a usage error; '-' is standard input."""
    if value is None:
        return None
    if not value.strip():
        raise typer.BadParameter(
            f"the path {value!r} is empty: give an answers file (YAML or JSON), "
            "or - for standard input."
        )
    return Path(value)


def _file_answers(path: Path, items) -> dict[str, int]:
    """The answers of --answers: the file at `path`, or standard input for '-';
    exit 1 with every problem (the item list is suggested only when an id or an
    answer is wrong)."""
    from mktcareers.quiz.answers import (
        STDIN,
        STDIN_NAME,
        AnswersError,
        read_answers,
        read_answers_text,
    )

    from_stdin = str(path) == STDIN
    name = STDIN_NAME if from_stdin else str(path)
    try:
        if from_stdin:
            answers = read_answers_text(_read_stdin(), items)
        else:
            answers = read_answers(path, items)
    except AnswersError as problem:
        hint = "see the item ids and their answers with 'mktcareers quiz items'."
        output.problems(
            f"the answers in {name} cannot be used:",
            problem.problems,
            hint if problem.about_items else None,
        )
        raise typer.Exit(1) from None
    return answers


def _read_stdin() -> bytes:
    """Standard input's bytes, up to one more than the answers limit (so that a
    larger input is refused, not cut); exit 1 when there is no standard input."""
    from mktcareers.kb.yamldoc import MAX_FILE_BYTES

    stream = getattr(sys.stdin, "buffer", None)
    if stream is None or sys.stdin.closed:
        output.error(
            "--answers - reads standard input, but it is closed.",
            "give the answers as a file: 'mktcareers quiz --answers FILE'.",
        )
        raise typer.Exit(1)
    if sys.stdin.isatty():
        output.note("Reading answers (YAML or JSON) from standard input; end with Ctrl-D.")
    try:
        return stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        output.error(f"cannot read standard input: {_reason(error)}.")
        raise typer.Exit(1) from None


def _nothing_answered(asked: int, saving: _Saving | None) -> NoReturn:
    """Exit 1 for a quiz with no answer at all (every item skipped): nothing to score,
    so the last results are kept as they were and a finished quiz's progress, which
    holds nothing to resume, is deleted."""
    if saving is not None:
        saving.forget()
    how = f"every one of the {asked} items was skipped" if saving else "the file answers no item"
    output.error(
        f"nothing was answered: {how}, so there is nothing to score; your last results, "
        "if any, are kept.",
        "take the quiz again with 'mktcareers quiz' and answer at least one item in "
        "every interest area.",
    )
    raise typer.Exit(1)


@app.callback()
def quiz(
    ctx: typer.Context,
    short: Annotated[
        bool, typer.Option("--short", help="The short quiz (19 items) instead of the full one.")
    ] = False,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the quiz you stopped.")
    ] = False,
    answers_file: Annotated[
        str | None,
        typer.Option(
            "--answers",
            help=(
                "Score a YAML or JSON file of item id -> 1..5 instead of asking; "
                "- reads it from standard input."
            ),
            show_default=False,
            callback=_answers_path,
        ),
    ] = None,
    top: Annotated[
        int, number_option("--top", "-n", low=1, high=100, help="How many roles to recommend.")
    ] = 5,
    save: SaveOption = None,
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

      mktcareers quiz --short --save results.md

      mktcareers quiz results

      mktcareers quiz items --format yaml
    """
    if ctx.invoked_subcommand is not None:
        return
    if answers_file is not None and resume:
        output.error("--answers and --resume cannot be used together.")
        raise typer.Exit(2)
    save_as = None if save is None or str(save) == STDOUT else save_format(save, fmt)
    from mktcareers.quiz import scoring
    from mktcareers.views import quiz as quiz_view

    knowledge = store(ctx).knowledge()
    items = _load_quiz(knowledge)
    if answers_file is not None:
        answers = _file_answers(answers_file, items)
        asked, saving = len(items.items), None
    else:
        taken = _interactive_answers(items, short, resume)
        if taken is None:
            return
        answers, asked, saving = taken
    if not answers:
        _nothing_answered(asked, saving)
    result = scoring.score(items, answers, knowledge.roles, limit=top, asked=asked)
    record = quiz_view.quiz_result_record(result, _completed_now())
    # Kept first, durably: from here 'quiz results' has them, whatever happens next.
    kept = _keep_results(record)
    _show_results(fmt, record)
    if save_as is not None:  # '-' means stdout, which has them already
        _save_results(save, record, save_as, kept)
    if saving is not None and kept:  # only now: results not kept, shown or saved keep the answers
        saving.forget()


@app.command("results")
def quiz_results(
    ctx: typer.Context,
    save: SaveOption = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """Show the results of the last quiz you completed again.

    Every completed quiz (asked, resumed or scored with --answers) keeps its results
    in your state folder; this shows them as they were, without asking anything.

    Examples:

      mktcareers quiz results

      mktcareers quiz results --save results.md

      mktcareers quiz results --format json
    """
    from mktcareers.quiz import last_result

    save_as = None if save is None or str(save) == STDOUT else save_format(save, fmt)
    path = last_result.results_path()
    try:
        record = last_result.read_results(path)
    except last_result.ResultsError as problem:
        output.error(
            f"your last quiz results at {path} cannot be shown: {problem}.",
            "take the quiz again with 'mktcareers quiz' (the file is replaced).",
        )
        raise typer.Exit(1) from None
    if record is None:
        output.error(
            "there are no quiz results yet.",
            "take the quiz with 'mktcareers quiz' (or 'mktcareers quiz --short').",
        )
        raise typer.Exit(1)
    _show_results(fmt, record)
    if save_as is not None:
        _save_results(save, record, save_as, kept=True)


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

"""Where output goes: data to stdout, messages to stderr. Rich is imported only for views."""

from __future__ import annotations

import sys


def write(text: str) -> None:
    sys.stdout.write(text)


def error(message: str, hint: str | None = None) -> None:
    """An error on stderr, with an optional hint, each wrapped to the width (wrapped)."""
    from mktcareers.views.inert import inert  # messages only: data needs no escaping here

    sys.stderr.write(wrapped(f"Error: {inert(message)}"))
    if hint:
        sys.stderr.write(wrapped(f"Hint: {inert(hint)}"))


def problems(message: str, lines, hint: str | None = None) -> None:
    """An error followed by one indented line per problem, and an optional hint."""
    error(message)
    for line in lines:
        note(f"  {line}")
    if hint:
        note(f"Hint: {hint}")


def write_wrapped(line: str) -> None:
    """`line` and a newline on stdout, wrapped between words to the width views use
    (a word longer than the width, such as a long path, stays whole on its own line)."""
    import textwrap

    wrapped = textwrap.wrap(
        line, width(), break_long_words=False, break_on_hyphens=False, subsequent_indent="  "
    )
    write("\n".join(wrapped) + "\n")


def note(line: str) -> None:
    """A message line on stderr (it may quote a knowledge base: made inert), wrapped
    to the width (wrapped)."""
    from mktcareers.views.inert import inert

    sys.stderr.write(wrapped(inert(line)))


# Where a wrapped message line goes on: past the two columns that indent a list's lines.
CONTINUED = 4


def wrapped(message: str) -> str:
    """`message` and a newline, each of its lines wrapped between words to the width
    views use (COLUMNS or the terminal's; 80 in a pipe). A line that wraps goes on
    indented CONTINUED columns (or two more than it starts, if more), so each line of
    a list (a problem, a candidate, indented two) still starts on a line of its own;
    a word longer than the width, such as a path, stays whole."""
    import textwrap

    columns = width()
    out = []
    for line in message.split("\n"):
        body = line.lstrip(" ")
        lead = " " * (len(line) - len(body))
        pieces = textwrap.wrap(
            body,
            columns,
            initial_indent=lead,
            subsequent_indent=" " * max(len(lead) + 2, CONTINUED),
            break_long_words=False,
            break_on_hyphens=False,
        )
        out.append("\n".join(pieces) if pieces else line)
    return "\n".join(out) + "\n"


# The widest layout drawn: a COLUMNS of 99999 would otherwise pad every line of a
# panel or an expanded table with thousands of spaces.
MAX_WIDTH = 200


def console(stderr: bool = False):
    """A Rich console for views: it honours NO_COLOR, COLUMNS and a non-terminal
    stdout, and lays out at most MAX_WIDTH columns."""
    from rich.console import Console

    made = Console(stderr=stderr, highlight=False, emoji=False)
    if made.width > MAX_WIDTH:
        made.width = MAX_WIDTH
    return made


def show(renderable) -> None:
    console().print(renderable)


def width() -> int:
    """The columns views lay out in: the terminal's (or COLUMNS), at most MAX_WIDTH."""
    return console().width


def encoding() -> str:
    """The encoding data is written in (PYTHONIOENCODING=ascii makes it ASCII)."""
    return getattr(sys.stdout, "encoding", None) or "utf-8"


def can_show(characters: str) -> bool:
    """Whether stdout can write every one of `characters` as itself, not as '?'."""
    try:
        characters.encode(encoding())
    except (UnicodeEncodeError, LookupError):
        return False
    return True

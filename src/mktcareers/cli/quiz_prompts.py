"""The interactive quiz: one item at a time, prompts on stderr, answers from stdin.

Prompts go to stderr so that `mktcareers quiz --format json > results.json`
still writes only the results to stdout. What a reply does is the session's
business (mktcareers.quiz.session); this module only asks and prints.
"""

from __future__ import annotations

from collections.abc import Callable

from mktcareers.models import RIASEC_NAMES, QuizItem
from mktcareers.quiz.session import Reply, Session
from mktcareers.views.inert import InertText  # quiz items come from a knowledge base

SECTIONS = {
    "interest": "How much would you like doing this?",
    "preference": "What you want from work",
    "background": "Your education and experience",
    "skill": "Your skills today (optional: s skips)",
}
HELP = "Type a number from 1 to 5, or b (back), s (skip) or q (save and quit)."


class Interrupted(Exception):
    """Ctrl-C: `save` has been called (whether it worked is its business)."""


class InputEnded(Exception):
    """Standard input ended (or is closed) before the last item: `save` has been
    called, as for Interrupted. Not an interruption: nobody pressed Ctrl-C.
    `closed` is True when there was no input to read at all."""

    def __init__(self, closed: bool = False) -> None:
        self.closed = closed
        super().__init__("standard input is closed" if closed else "standard input ended")


def _legend(item: QuizItem, width: int) -> InertText:
    """The scale's numbered labels on one line when it fits `width` columns, else one
    label a line (a long label never splits between two numbers)."""
    from rich.cells import cell_len

    gap = "   "
    inline = gap.join(f"{number} {label}" for number, label in enumerate(item.scale, start=1))
    text = InertText()
    for number, label in enumerate(item.scale, start=1):
        if number > 1:
            text.append(gap if cell_len(inline) <= width else "\n")
        text.append(f"{number}", style="bold cyan")
        text.append(f" {label}")
    return text


def _section_titles(session: Session) -> dict[str, str]:
    """Each kind of item the session asks, with its title: "Part 2 of 4 · ..."."""
    kinds = list(dict.fromkeys(item.kind for item in session.items))
    return {
        kind: f"Part {number} of {len(kinds)} · {SECTIONS.get(kind, kind)}"
        for number, kind in enumerate(kinds, start=1)
    }


def _header(session: Session) -> InertText:
    item = session.current
    header = InertText(f"{session.position + 1}/{len(session.items)}", style="bold")
    if item.kind == "interest":
        header.append(f"  {RIASEC_NAMES[item.area]}", style="dim")
    return header


def run(session: Session, console, save: Callable[[Session], None]) -> bool:
    """Ask until the last item (True) or until the person quits with q (False).

    `save(session)` is called after every reply that changes or ends the quiz.
    Ctrl-C calls `save` and raises Interrupted; the end of standard input (or none
    at all: a closed stdin) calls `save` and raises InputEnded.
    """
    section = None
    titles = _section_titles(session)
    while not session.done:
        item = session.current
        if item.kind != section:
            section = item.kind
            console.print()
            console.print(InertText(titles[section], style="bold"))
        console.print()
        console.print(_header(session))
        console.print(InertText(item.text))
        console.print(_legend(item, console.width))
        previous = session.previous_answer()
        prompt = "Answer (1-5, b back, s skip, q quit)"
        prompt += f" [{previous}]: " if previous else ": "
        try:
            typed = console.input(InertText(prompt))
        except KeyboardInterrupt:
            save(session)
            console.print()
            raise Interrupted from None
        except EOFError:
            save(session)
            console.print()
            raise InputEnded from None
        except (RuntimeError, OSError, ValueError):
            # RuntimeError ("lost sys.stdin"), OSError or ValueError (a closed file):
            # there is no input to read at all.
            save(session)
            console.print()
            raise InputEnded(closed=True) from None
        outcome = session.reply(typed)
        if outcome is Reply.INVALID:
            console.print(InertText(HELP, style="yellow"))
            continue
        if outcome is Reply.AT_FIRST:
            console.print(InertText("This is the first item.", style="dim"))
        save(session)
        if outcome is Reply.QUIT:
            return False
    return True

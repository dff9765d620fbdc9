"""The interactive quiz: one item at a time, prompts on stderr, answers from stdin.

Prompts go to stderr so that `mktcareers quiz --format json > results.json`
still writes only the results to stdout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from mktcareers.models import RIASEC_NAMES, QuizItem
from mktcareers.views.inert import InertText  # quiz items come from a knowledge base

SECTIONS = {
    "interest": "Part 1 of 3 · How much would you like doing this?",
    "preference": "Part 2 of 3 · What you want from work",
    "skill": "Part 3 of 3 · Your skills today (optional: s skips)",
}
HELP = "Type a number from 1 to 5, or b (back), s (skip) or q (save and quit)."


class Interrupted(Exception):
    """Ctrl-C or end of input: progress has been saved."""


@dataclass
class Session:
    items: tuple[QuizItem, ...]
    answers: dict[str, int] = field(default_factory=dict)
    position: int = 0

    @property
    def done(self) -> bool:
        return self.position >= len(self.items)

    @property
    def current(self) -> QuizItem:
        return self.items[self.position]

    def answer(self, value: int) -> None:
        self.answers[self.current.id] = value
        self.position += 1

    def skip(self) -> None:
        self.answers.pop(self.current.id, None)
        self.position += 1

    def back(self) -> None:
        self.position = max(0, self.position - 1)

    def answered(self) -> int:
        asked = {item.id for item in self.items}
        return sum(1 for item_id in self.answers if item_id in asked)


def parse_reply(text: str) -> tuple[str, int | None]:
    """('answer', n), ('keep'|'back'|'skip'|'quit', None) or ('invalid', None)."""
    reply = text.strip().lower()
    if reply in {"1", "2", "3", "4", "5"}:
        return "answer", int(reply)
    if reply == "":
        return "keep", None
    for action in ("back", "skip", "quit"):
        if reply in {action, action[0]}:
            return action, None
    return "invalid", None


def _legend(item: QuizItem) -> InertText:
    text = InertText()
    for number, label in enumerate(item.scale, start=1):
        if number > 1:
            text.append("   ")
        text.append(f"{number}", style="bold cyan")
        text.append(f" {label}")
    return text


def _header(session: Session) -> InertText:
    item = session.current
    header = InertText(f"{session.position + 1}/{len(session.items)}", style="bold")
    if item.kind == "interest":
        header.append(f"  {RIASEC_NAMES[item.area]}", style="dim")
    return header


def run(session: Session, console, save: Callable[[Session], None]) -> bool:
    """Ask until the last item (True) or until the person quits with q (False).

    Progress is saved after every answer. Ctrl-C and end of input save and
    raise Interrupted.
    """
    section = None
    while not session.done:
        item = session.current
        if item.kind != section:
            section = item.kind
            console.print()
            console.print(InertText(SECTIONS[section], style="bold"))
        console.print()
        console.print(_header(session))
        console.print(InertText(item.text))
        console.print(_legend(item))
        previous = session.answers.get(item.id)
        prompt = "Answer (1-5, b back, s skip, q quit)"
        prompt += f" [{previous}]: " if previous else ": "
        try:
            reply = console.input(InertText(prompt))
        except (KeyboardInterrupt, EOFError):
            save(session)
            console.print()
            raise Interrupted from None
        action, value = parse_reply(reply)
        if action == "answer":
            session.answer(value)
        elif action == "keep" and previous:
            session.answer(previous)
        elif action == "skip":
            session.skip()
        elif action == "back":
            if session.position == 0:
                console.print(InertText("This is the first item.", style="dim"))
            session.back()
        elif action == "quit":
            save(session)
            return False
        else:
            console.print(InertText(HELP, style="yellow"))
            continue
        save(session)
    return True

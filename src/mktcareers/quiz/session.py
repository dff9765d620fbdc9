"""A quiz being taken: where you are, your answers, and what to do with saved progress.

The rules the interactive quiz follows, without a terminal:

- `find_saved` looks for saved progress; a file that cannot be used is set aside
  (kept, never overwritten) and the reason returned, so a new quiz can start.
- `how_to_start` decides between a new quiz, resuming, asking whether to
  continue, and the error of resuming nothing.
- `begin` builds the session to run: a saved quiz keeps its own length.
- `Session` moves through the items as the person replies; the caller saves its
  `progress()` after every reply and clears it when the quiz is done.

Only `find_saved` touches a file; everything else is pure.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import msgspec

from mktcareers.models import Quiz, QuizItem
from mktcareers.quiz.items import HIGHEST, LOWEST, ordered_items
from mktcareers.quiz.progress import Progress, ProgressError, read_progress, set_aside


class Start(StrEnum):
    """How `mktcareers quiz` begins, given saved progress and --resume."""

    NEW = "new"  # nothing saved, no --resume: a new quiz
    RESUME = "resume"  # --resume and a quiz saved: continue it
    ASK = "ask"  # a quiz saved, no --resume: ask whether to continue it
    NOTHING_TO_RESUME = "nothing-to-resume"  # --resume and nothing saved: an error


def how_to_start(saved: Progress | None, resume: bool) -> Start:
    """What to do with `saved` progress (None when there is none or it was set aside)
    when the person did or did not ask to --resume."""
    if saved is None:
        return Start.NOTHING_TO_RESUME if resume else Start.NEW
    return Start.RESUME if resume else Start.ASK


class Saved(msgspec.Struct, frozen=True):
    """What was found at the progress path.

    `progress` is the usable saved quiz, or None. When a file was there but could
    not be used, `problem` says why and `kept_as` is where it was moved.
    """

    progress: Progress | None
    problem: str | None = None
    kept_as: Path | None = None


class StuckProgress(Exception):
    """Saved progress that can neither be used nor moved aside.

    `problem` says why it cannot be used, `error` why it could not be moved.
    """

    def __init__(self, problem: str, error: OSError) -> None:
        self.problem = problem
        self.error = error
        super().__init__(f"{problem}; {error}")


def find_saved(path: Path) -> Saved:
    """The progress saved at `path`. An unusable file is moved aside (see
    progress.set_aside) and reported; raises StuckProgress when it cannot be moved."""
    try:
        return Saved(read_progress(path))
    except ProgressError as problem:
        try:
            kept_as = set_aside(path)
        except OSError as error:
            raise StuckProgress(str(problem), error) from None
        return Saved(None, str(problem), kept_as)


def begin(quiz: Quiz, short: bool, saved: Progress | None = None) -> Session:
    """The session to run: `saved` continued, else a new quiz (the short one when
    `short`). A saved quiz keeps its own length whatever `short` says; answers to
    items the quiz no longer has are dropped, and a position past its end is
    moved to the end."""
    if saved is None:
        return Session(ordered_items(quiz, short=short), short)
    items = ordered_items(quiz, short=saved.short)
    known = {item.id for item in items}
    answers = {item_id: value for item_id, value in saved.answers.items() if item_id in known}
    return Session(items, saved.short, answers, min(saved.position, len(items)))


# ------------------------------------------------------------------ replies


class Reply(StrEnum):
    """What a reply to one item did (see Session.reply)."""

    MOVED = "moved"  # answered, kept, skipped or went back
    AT_FIRST = "at-first"  # asked to go back from the first item: stays there
    QUIT = "quit"  # save and stop
    INVALID = "invalid"  # not a reply: ask again


def parse_reply(text: str) -> tuple[str, int | None]:
    """What a typed line means: ('answer', 1-5), ('keep'|'back'|'skip'|'quit', None),
    or ('invalid', None). Case and surrounding spaces do not matter; an empty line
    keeps the answer already given."""
    reply = text.strip().lower()
    if reply in {str(value) for value in range(LOWEST, HIGHEST + 1)}:
        return "answer", int(reply)
    if reply == "":
        return "keep", None
    for action in ("back", "skip", "quit"):
        if reply in {action, action[0]}:
            return action, None
    return "invalid", None


class Session(msgspec.Struct):
    """A quiz being taken (mutable: it moves as the person replies).

    `items` in the order asked, `short` whether it is the short quiz, `answers`
    item id -> answer 1-5, `position` the index of the item being asked
    (len(items) when done).
    """

    items: tuple[QuizItem, ...]
    short: bool = False
    answers: dict[str, int] = {}
    position: int = 0

    @property
    def done(self) -> bool:
        """Whether every item has been passed."""
        return self.position >= len(self.items)

    @property
    def current(self) -> QuizItem:
        """The item being asked; IndexError when done."""
        return self.items[self.position]

    def previous_answer(self) -> int | None:
        """The answer already given to the current item (1-5), if any."""
        return self.answers.get(self.current.id)

    def answer(self, value: int) -> None:
        """Answer the current item with `value` (1-5) and move on."""
        self.answers[self.current.id] = value
        self.position += 1

    def skip(self) -> None:
        """Leave the current item unanswered (forgetting an earlier answer) and move on."""
        self.answers.pop(self.current.id, None)
        self.position += 1

    def back(self) -> None:
        """Go back one item (staying at the first)."""
        self.position = max(0, self.position - 1)

    def reply(self, text: str) -> Reply:
        """Act on a typed line (see parse_reply): an empty line keeps the previous
        answer, and is invalid when there is none."""
        action, value = parse_reply(text)
        previous = self.previous_answer()
        if action == "answer":
            self.answer(value)
        elif action == "keep" and previous:
            self.answer(previous)
        elif action == "skip":
            self.skip()
        elif action == "back":
            at_first = self.position == 0
            self.back()
            return Reply.AT_FIRST if at_first else Reply.MOVED
        elif action == "quit":
            return Reply.QUIT
        else:
            return Reply.INVALID
        return Reply.MOVED

    def answered(self) -> int:
        """How many of this quiz's items have an answer."""
        asked = {item.id for item in self.items}
        return sum(1 for item_id in self.answers if item_id in asked)

    def progress(self) -> Progress:
        """What to save so that this quiz can be resumed where it is."""
        return Progress(self.short, dict(self.answers), self.position)

"""The last completed quiz's results, kept so that `mktcareers quiz results` shows them again.

They live beside the quiz progress in the user state folder (quiz.progress), as
JSON: the results record the views show (views.quiz.quiz_result_record), with
its kind and version. The file is written atomically and fsynced before a
finished quiz's progress is deleted, so one of the two always holds the answers.
It is read only when it is a regular file of this user that no one else can
write (progress.read_trusted), and only a record of the expected shape is
returned.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TypedDict

import msgspec

from mktcareers.quiz.progress import ProgressError, read_trusted
from mktcareers.userdata import user_dir, write_atomic

RESULTS_FILE = "quiz-results.json"
RESULTS_KIND = "mktcareers quiz results"
RESULTS_VERSION = 1
MAX_RESULTS_BYTES = 1_000_000


class ResultsError(Exception):
    """Saved results that cannot be used; the message says why."""


class _Gap(TypedDict):
    name: str
    have: int | None
    need: int


class _Match(TypedDict):
    slug: str
    title: str
    fit: int
    interest_match: str | None
    job_zone: int | None
    stretch: bool | None
    reasons: list[str]
    skills_to_build: list[_Gap]


class _Record(TypedDict):
    """The fields of a results record that the views read, with their types."""

    completed: str
    profile: dict[str, float | None]
    holland_code: str
    holland_note: str | None
    status: str
    message: str | None
    weak_match_note: str | None
    answered: int
    asked: int
    job_zone: int | None
    matches: list[_Match]
    disclaimer: str


def results_path() -> Path:
    """Where the last results are kept: quiz-results.json in the user's state folder."""
    return user_dir("state") / RESULTS_FILE


def save_results(path: Path, record: dict) -> None:
    """Write `record` (views.quiz.quiz_result_record) to `path` atomically and durably
    (fsynced, the rename too); OSError when it cannot be written. Whatever is at
    `path` is replaced, a link or a FIFO included: only mktcareers writes this file."""
    text = json.dumps(
        {"kind": RESULTS_KIND, "version": RESULTS_VERSION, "results": record}, indent=2
    )
    write_atomic(path, text + "\n", ours=True)


def read_results(path: Path) -> dict | None:
    """The results record saved at `path`, None when there is none; ResultsError,
    saying why, when the file cannot be trusted (see progress.read_trusted), is not
    results this version wrote, or lacks a field the views read."""
    try:
        raw = read_trusted(path, MAX_RESULTS_BYTES, "a quiz results file")
    except ProgressError as problem:
        raise ResultsError(str(problem)) from None
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise ResultsError(f"it is not valid JSON ({error})") from None
    if not isinstance(data, dict) or data.get("kind") != RESULTS_KIND:
        raise ResultsError("it is not a mktcareers quiz results file")
    if data.get("version") != RESULTS_VERSION:
        raise ResultsError(f"it has an unknown version ({data.get('version')!r})")
    record = data.get("results")
    try:
        msgspec.convert(record, _Record)
    except msgspec.ValidationError as error:
        raise ResultsError(f"its results are not complete ({error})") from None
    return record

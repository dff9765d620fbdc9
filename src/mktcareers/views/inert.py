"""Text from a knowledge base, made inert for a terminal.

Anyone can hand you a knowledge base. Before its text reaches a terminal (the
Rich views, error messages, quiz prompts), control characters (an ANSI escape,
a bell, a carriage return, C1 controls) and bidirectional overrides are shown as
visible escapes such as \\x1b instead of being sent. Rich markup is made inert
separately: the views put text in InertText (a rich.text.Text that applies
inert() to every string it is given), which never parses it. The machine
formats (views/formats.py) use UNSAFE too: json and yaml write these characters
as their own escapes, which decode to the exact text; csv and md cells, which
have no escapes, show them as inert() does.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi marks and overrides.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """`text` with every character that could steer a terminal shown as an escape."""
    return UNSAFE.sub(_escape, text)


def __getattr__(name: str):
    """InertText, defined on first use: it subclasses Rich's Text, and this module is also
    imported for inert() alone by paths that must not load Rich (messages, machine formats)."""
    if name != "InertText":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from rich.text import Text

    class InertText(Text):
        """rich.text.Text whose strings are made inert: every text of a view is one of
        these, so no text from a knowledge base can steer the terminal."""

        def __init__(self, text: str = "", *args, **kwargs) -> None:
            super().__init__(inert(text), *args, **kwargs)

        def append(self, text, style=None):
            return super().append(inert(text) if isinstance(text, str) else text, style)

    InertText.__qualname__ = name  # not __getattr__.<locals>.InertText
    globals()[name] = InertText
    return InertText

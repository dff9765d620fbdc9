"""Text from a knowledge base, made inert for a terminal.

Anyone can hand you a knowledge base. Before its text reaches a terminal (the
Rich views, error messages, quiz prompts), control characters (an ANSI escape,
a bell, a carriage return, C1 controls) and bidirectional overrides are shown as
visible escapes such as \\x1b instead of being sent. Rich markup is made inert
separately: the views put text in rich.text.Text, which never parses it.
Machine formats (json, yaml, csv, md) keep the exact text.
"""

from __future__ import annotations

import re

# C0 controls but tab and newline, DEL, C1 controls, and the bidi marks and overrides.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """`text` with every character that could steer a terminal shown as an escape."""
    return _UNSAFE.sub(_escape, text)

"""Untrusted text made safe for a terminal: control characters shown, never sent.

An ESC in a card or a deck title would otherwise reach the terminal as an escape
sequence. Each control character is drawn as its Unicode control picture (ESC as ␛),
so what is shown is exactly what the file holds.
"""

from __future__ import annotations

import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "␡" if code == 0x7F else "\ufffd"


def visible(text: str) -> str:
    return CONTROL.sub(_picture, text)

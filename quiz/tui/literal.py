"""Untrusted text as Rich Text: no markup (Text is never parsed) and no control sequences."""

from __future__ import annotations

from rich.text import Text

from quiz.literal import visible

__all__ = ["literal", "visible"]


def literal(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)

"""The source of a card: its sentence in the document it came from."""

from __future__ import annotations

from pathlib import Path

import frontmatter
import yaml
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from quiz.deck import CLOZE_BLANK
from quiz.tui.literal import visible

CONTEXT_LINES = 3


def source_context(source: dict, roots: list[Path]) -> list[str] | None:
    """The lines around the source sentence in its seed file, when that file can be found."""
    for root in roots:
        path = root / source.get("file", "")
        if not path.is_file():
            continue
        try:
            body = frontmatter.loads(path.read_text(encoding="utf-8-sig", errors="replace")).content
        except (OSError, ValueError, yaml.YAMLError):
            return None
        lines = [line for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        needle = source.get("text", "")[:40]
        for index, line in enumerate(lines):
            if needle and needle in line:
                return lines[max(index - CONTEXT_LINES, 0) : index + CONTEXT_LINES + 1]
    return None


class SourceScreen(ModalScreen):
    BINDINGS = [Binding("escape,q,s", "app.pop_screen", "Close")]

    def __init__(self, source: dict, roots: list[Path], hide: str | None = None):
        super().__init__()
        self.source = source
        self.roots = roots
        self.hide = hide  # the answer, masked while the card is not yet answered

    def compose(self) -> ComposeResult:
        source = self.source
        text = Text()
        text.append(visible(source.get("title") or "Untitled"), style="bold")
        text.append("\n")
        text.append(visible(" · ".join(filter(None, [source.get("file"), source.get("published")]))), style="dim")
        text.append("\n\n")
        context = source_context(source, self.roots)
        sentence = source.get("text", "")
        if self.hide:
            sentence = sentence.replace(self.hide, CLOZE_BLANK)
        for line in context or [source.get("text", "")]:
            if self.hide:
                line = line.replace(self.hide, CLOZE_BLANK)
            start = line.find(sentence[:40]) if sentence else -1
            if start >= 0:
                text.append(visible(line[:start]))
                text.append(visible(line[start:]), style="bold yellow")
            else:
                text.append(visible(line), style="dim")
            text.append("\n")
        if context is None:
            text.append(
                "\n(the seed file is not next to the deck folder; this is the sentence the card was made from)",
                style="dim italic",
            )
        with VerticalScroll(id="source-view"):
            yield Static(text)
            yield Static(Text("Esc closes.", style="dim"))

"""Reading seed documents: encodings, front matter, and the skips worth reporting."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import charset_normalizer
import frontmatter
import yaml

from quiz.errors import QuizError
from quiz.literal import CONTROL

SEED_SUFFIXES = (".md", ".markdown", ".txt")


@dataclass
class Document:
    path: Path
    name: str
    title: str  # from front matter; empty until the generator finds the headline
    published: str
    text: str
    first_line: int = 1  # the file's line number of the text's first line (after front matter)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Skipped:
    path: Path
    reason: str


def find_seed_files(paths: list[Path]) -> list[Path]:
    """Seed files named directly or found recursively in named folders, in a stable order."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(
                sorted(
                    p
                    for p in path.rglob("*")
                    if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and p.name.lower() != "readme.md"
                )
            )
        elif path.is_file():
            found.append(path)
        else:
            raise QuizError(f"{path}: no such seed file or folder")
    unique = list(dict.fromkeys(found))
    stems: dict[str, Path] = {}
    for path in unique:
        stem = deck_name(path)
        if stem in stems:
            raise QuizError(f"{path}: gives the same deck name {stem!r} as {stems[stem]}; rename one")
        stems[stem] = path
    return unique


NOT_IN_DECK_NAMES = re.compile(r"[^a-z0-9]+")


def deck_name(path: Path) -> str:
    return NOT_IN_DECK_NAMES.sub("-", path.stem.lower()).strip("-") or "deck"


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")  # what Windows editors write for "Unicode" text


def _utf16_as_utf8(raw: bytes) -> bytes | None:
    """UTF-16 text with its byte-order mark, as UTF-8; None if it is no such text."""
    try:
        return raw.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        return None


NON_ASCII_BYTES = bytes(range(0x80, 0x100))


def _decode(raw: bytes, path: Path) -> tuple[str, str | None]:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    # English text with a few accented letters or curly quotes, not UTF-8, is almost always Windows'
    # Western encoding; on so few non-ASCII bytes a detector guesses a Baltic or Mac code page.
    if len(raw.translate(None, NON_ASCII_BYTES)) * 10 >= len(raw) * 9:
        try:
            return raw.decode("cp1252"), "decoded as cp1252 (not UTF-8)"
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(raw).best()
    if best is None:
        raise QuizError(f"{path}: not text in any known encoding")
    return str(best), f"decoded as {best.encoding} (not UTF-8)"


def _published(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip() if value is not None else ""


# Full-width letters, digits and signs ("１２０", "，") and the ideographic full stop, as machine
# translation leaves them in English text: the ASCII they stand for, so numbers read as numbers
# and sentences end where they end. A stop or comma glued to the next word gets its space.
WIDE_FORMS = str.maketrans(
    {**{chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}, "\u3000": " ", "。": ".", "、": ","}
)
# Looked for first: translating costs a dictionary lookup per character of the whole text.
WIDE_FORM = re.compile("[\uff01-\uff5e\u3000。、]")
GLUED_WIDE_STOP = re.compile(r"[。，、](?=\S)")


# Characters that print as nothing or as a space: a zero-width space before a capital hides the
# sentence's start, and a no-break space in "3\u00a0million" is one in a typed answer too.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
ODD_SPACES = "\u00a0\u2007\u2009\u200a\u202f"
# Looked for first, as WIDE_FORM is.
ODD_SPACE = re.compile(f"[{INVISIBLE}{ODD_SPACES}]")


def _plain_spaces(text: str) -> str:
    """A replace per character: each is one fast scan, where `str.translate` looks every character
    of a non-ASCII text up in a dictionary (15 times as long)."""
    for character in INVISIBLE:
        text = text.replace(character, "")
    for character in ODD_SPACES:
        text = text.replace(character, " ")
    return text


HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z]+\d*);")


def _narrow(text: str) -> str:
    return GLUED_WIDE_STOP.sub(r"\g<0> ", text).translate(WIDE_FORMS)


def read_document(path: Path) -> Document | Skipped:
    """The document, or why it was skipped (binary, empty). Unreadable front matter is an error."""
    try:
        read = path.read_bytes()
    except OSError as error:
        raise QuizError(f"{path}: cannot read: {error.strerror}") from None
    raw = _utf16_as_utf8(read) if read.startswith(UTF16_BOMS) else read
    if raw is None or b"\x00" in raw[:8192]:
        return Skipped(path, "binary file")
    if not raw.strip():
        return Skipped(path, "empty file")
    text, note = _decode(raw, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "&" in text and HTML_ENTITY.search(text):
        # Text copied from a web page's source: "Keel Bank &amp; Trust", "Porto&nbsp;in".
        text = html.unescape(text)
    # Control characters are never content: an escape sequence must not ride into a card. A tab
    # parts a table's columns ("Fjord Pay\t2.2 million"), as a run of spaces does.
    text = CONTROL.sub(" ", text.replace("\t", "  "))
    if not text.isascii():
        if WIDE_FORM.search(text):
            text = _narrow(text)
        if ODD_SPACE.search(text):
            text = _plain_spaces(text)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as error:
        # The context mark points at where the broken construct starts (0-based, in the whole file).
        mark = getattr(error, "context_mark", None) or getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark is not None else ""
        raise QuizError(f"{path}{line}: invalid front matter: {getattr(error, 'problem', error)}") from None
    metadata = post.metadata if isinstance(post.metadata, dict) else {}
    body = post.content
    if not body.strip():
        return Skipped(path, "no text after the front matter")
    document = Document(
        path=path,
        name=deck_name(path),
        title=str(metadata.get("title") or "").strip(),
        published=_published(metadata.get("published") or metadata.get("date")),
        text=body,
        # Front matter and leading blank lines are gone from the body; reports name the file's lines.
        first_line=text.count("\n", 0, text.rfind(body)) + 1,
    )
    if note:
        document.notes.append(note)
    return document

"""The generator's hot modules, which setup.py compiles with mypyc where a C compiler is at hand,
and the guard that runs their sources instead when a compiled copy is older than its source (an
edited module is the one that runs) or QUIZ_PURE_PYTHON is set. The decks are the same either way."""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import os
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from pathlib import Path
from types import ModuleType

PACKAGE = Path(__file__).resolve().parent
MODULES = ("boilerplate", "cards", "facts", "garble", "sentences", "spans")
NAMES = frozenset(f"quiz.generate.{module}" for module in MODULES)


def _compiled_copies(module: str) -> list[Path]:
    return [PACKAGE / (module + suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES]


def compiled() -> bool:
    """Whether the generator runs compiled: every hot module has a compiled copy that is current."""
    return not any(isinstance(finder, _Sources) for finder in sys.meta_path) and all(
        any(copy.exists() for copy in _compiled_copies(module)) for module in MODULES
    )


class _Sources(importlib.abc.MetaPathFinder):
    """Finds the hot modules' sources before the compiled copies the next finder would find."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname not in NAMES:
            return None
        return importlib.util.spec_from_file_location(fullname, PACKAGE / (fullname.rsplit(".", 1)[1] + ".py"))


def run_sources_if_stale() -> None:
    """All or none: the compiled modules call each other directly, so a stale one among current
    ones would still run."""
    if os.environ.get("QUIZ_PURE_PYTHON"):
        sys.meta_path.insert(0, _Sources())
        return
    for module in MODULES:
        source = (PACKAGE / (module + ".py")).stat().st_mtime
        if any(copy.exists() and copy.stat().st_mtime < source for copy in _compiled_copies(module)):
            sys.meta_path.insert(0, _Sources())
            return

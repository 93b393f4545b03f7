"""The compiled generator (setup.py builds it with mypyc where it can) writes what its sources
write, and an edited source runs in place of its stale compiled copy."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quiz.generate.compiled import compiled
from tests.conftest import ROOT, SHARED_SEEDS

pytestmark = pytest.mark.skipif(not compiled(), reason="the generator is not compiled here")


def _generate(out: Path, **env: str) -> None:
    seeds = [str(ROOT / "seeds"), *([str(SHARED_SEEDS)] if SHARED_SEEDS.is_dir() else [])]
    result = subprocess.run(
        [sys.executable, "-m", "quiz", "generate", *seeds, "--out", str(out)],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr


def _runs_compiled(**env: str) -> bool:
    result = subprocess.run(
        [sys.executable, "-c", "import quiz.generate.compiled as c; print(c.compiled())"],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
    )
    return result.stdout.strip() == "True"


def test_compiled_and_pure_python_generators_write_the_same_decks(tmp_path: Path):
    assert _runs_compiled() and not _runs_compiled(QUIZ_PURE_PYTHON="1")
    _generate(tmp_path / "compiled")
    _generate(tmp_path / "pure", QUIZ_PURE_PYTHON="1")
    names = sorted(path.name for path in (tmp_path / "compiled").iterdir())
    assert names
    assert names == sorted(path.name for path in (tmp_path / "pure").iterdir())
    _, mismatched, errors = filecmp.cmpfiles(tmp_path / "compiled", tmp_path / "pure", names, shallow=False)
    assert mismatched == errors == []


def _spans_module_run_from(package_root: Path) -> str:
    result = subprocess.run(
        [sys.executable, "-c", "import quiz.generate.spans as spans; print(spans.__file__)"],
        cwd=package_root,
        env={**os.environ, "PYTHONPATH": str(package_root)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return Path(result.stdout.strip()).name


def test_an_edited_source_runs_in_place_of_its_compiled_copy(tmp_path: Path):
    shutil.copytree(ROOT / "quiz", tmp_path / "quiz")  # file times kept: the copies stay current
    assert _spans_module_run_from(tmp_path) != "spans.py"
    edited = tmp_path / "quiz" / "generate" / "facts.py"
    later = time.time() + 10
    os.utime(edited, (later, later))
    # All or none: the compiled modules call each other natively, so spans runs from its source too.
    assert _spans_module_run_from(tmp_path) == "spans.py"

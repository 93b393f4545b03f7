"""The code stays as ruff checks and formats it, and the generator as mypy (which mypyc compiles it
with) checks it; settings in pyproject.toml."""

import subprocess
import sys

from tests.conftest import ROOT

PATHS = ["quiz", "tests", "bench", "setup.py"]


def test_ruff_check_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", *PATHS], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *PATHS], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_generator_type_checks():
    # mypyc compiles only code mypy passes, and a compiled module enforces its annotations at run time.
    result = subprocess.run([sys.executable, "-m", "mypy", "quiz/generate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr

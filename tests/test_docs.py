"""The README's command reference says what `quiz --help` says: every command and every option."""

import argparse
import re

from quiz.cli import build_parser
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def options(parser: argparse.ArgumentParser) -> set[str]:
    return {s for a in parser._actions for s in a.option_strings if s.startswith("--") and s != "--help"}


def test_every_command_is_in_the_readme():
    for name in commands():
        assert re.search(rf"quiz {name}\b", README), f"README does not document `quiz {name}`"


def test_every_option_is_in_the_readme():
    missing = {
        f"{name} {option}" for name, sub in commands().items() for option in options(sub) if option not in README
    }
    missing |= {f"(global) {option}" for option in options(build_parser()) - {"--version"} if option not in README}
    assert not missing, f"README lacks: {sorted(missing)}"


def test_readme_quick_start_is_what_ci_runs():
    ci = (ROOT / ".ci" / "run").read_text().strip().splitlines()[-1]
    assert ci in README

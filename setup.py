"""Compiles the deck generator's hot modules with mypyc when it can. Without a C compiler (or with
QUIZ_PURE_PYTHON=1) quiz installs as plain Python: slower to generate, the same decks."""

import os
import runpy
import sys

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, CompileError, ExecError, PlatformError

BUILD_ERRORS = (CCompilerError, CompileError, ExecError, PlatformError, OSError)


class OptionalBuildExt(build_ext):
    """A failed compile leaves the sources to run, with one line saying so."""

    def run(self) -> None:
        try:
            super().run()
        except BUILD_ERRORS as error:
            print(f"quiz: generator not compiled ({error}); it runs as plain Python", file=sys.stderr)


def extensions() -> list:
    if os.environ.get("QUIZ_PURE_PYTHON"):
        return []
    from mypyc.build import mypycify

    modules = runpy.run_path("quiz/generate/compiled.py")["MODULES"]
    # One group: the modules call each other natively, through a shared library in the package.
    return mypycify([f"quiz/generate/{module}.py" for module in modules], group_name="quiz.generate.native")


setup(ext_modules=extensions(), cmdclass={"build_ext": OptionalBuildExt})

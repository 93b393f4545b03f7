"""The Textual study app. Only this package imports Textual."""

import importlib
import sys

# sqlite-utils imports numpy, when it is installed, only to map numpy scalar types to SQL
# types; the study app never stores one, and loading numpy costs about 0.1 s of startup.
# Import sqlite-utils with numpy hidden, then unhide it, so anything that needs numpy later
# in the same process still gets it.
if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        importlib.import_module("sqlite_utils")
    finally:
        del sys.modules["numpy"]

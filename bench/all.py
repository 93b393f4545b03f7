"""Every benchmark, one after another, with their JSON lines gathered into one at the end.

python bench/all.py [--anki PYTHON]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--anki", metavar="PYTHON", help="interpreter with `anki` installed, for the engine anchor")
    args = parser.parse_args()
    runs = {
        "generate": ["generate.py"],
        "engine": [
            "engine.py",
            "--cards",
            "100000",
            "--reviews",
            "1000000",
            *(["--anki", args.anki] if args.anki else []),
        ],
        "startup": ["startup.py", "--cards", "100000"],
    }
    results = {}
    for name, command in runs.items():
        print(f"== {name}", flush=True)
        done = subprocess.run(
            [sys.executable, str(HERE / command[0]), *command[1:]], capture_output=True, text=True, check=True
        )
        print(done.stdout, end="", flush=True)
        results[name] = json.loads(done.stdout.strip().splitlines()[-1])
    print(json.dumps(results))


if __name__ == "__main__":
    main()

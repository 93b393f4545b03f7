"""What every study benchmark reports, shared by bench/engine.py and bench/anki_engine.py.

Plain standard library, so it imports under any interpreter (the Anki one has no quiz).
"""

from __future__ import annotations

import resource
import statistics
from pathlib import Path


def peak_rss_mb() -> float:
    """Peak resident memory of this process image (VmHWM; ru_maxrss would count the parent's before exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def timing_summary(timings_ms: list[float]) -> dict:
    ordered = sorted(timings_ms)
    return {
        "rounds": len(ordered),
        "answer_ms_median": round(statistics.median(ordered), 4),
        "answer_ms_p99": round(ordered[max(int(len(ordered) * 0.99) - 1, 0)], 4),
        "rss_mb": peak_rss_mb(),
    }

"""Terminal charts drawn with block characters: a bar chart and a calendar heatmap."""

from __future__ import annotations

from datetime import date, timedelta

from rich.text import Text

BLOCKS = " ▁▂▃▄▅▆▇█"
HEAT_STYLES = ("grey23", "green4", "green3", "green1", "bright_green")


def bar_chart(values: list[int], height: int = 6, labels: tuple[str, str] = ("", "")) -> Text:
    """Vertical bars, one column per value, scaled to the largest."""
    top = max(values, default=0) or 1
    text = Text()
    for row in range(height, 0, -1):
        for value in values:
            filled = value / top * height - (row - 1)
            block = BLOCKS[min(max(int(filled * 8), 0), 8)] if filled < 1 else BLOCKS[8]
            text.append(block * 2, style="cyan")
        if row == height:
            text.append(f" {top}", style="dim")
        text.append("\n")
    text.append(labels[0], style="dim")
    text.append(" " * max(len(values) * 2 - len(labels[0]) - len(labels[1]), 1))
    text.append(labels[1], style="dim")
    return text


def heatmap(counts: dict[date, int], today: date, weeks: int = 20) -> Text:
    """A GitHub-style calendar: one column per week, one row per weekday."""
    start = today - timedelta(days=today.weekday() + 7 * (weeks - 1))
    top = max(counts.values(), default=0) or 1
    text = Text()
    for weekday, name in enumerate(("Mon", "", "Wed", "", "Fri", "", "Sun")):
        text.append(f"{name:<4}", style="dim")
        for week in range(weeks):
            day = start + timedelta(days=7 * week + weekday)
            if day > today:
                text.append("  ")
                continue
            value = counts.get(day, 0)
            level = 0 if value == 0 else 1 + min(int(value / top * 3.999), 3)
            text.append("■ ", style=HEAT_STYLES[level])
        text.append("\n")
    return text

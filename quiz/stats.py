"""Counts and rates over the collection, for `quiz decks`, `quiz stats` and the stats screen."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta

from quiz.scheduler import ROLLOVER_HOUR, day_start
from quiz.session import Session
from quiz.store import Store, to_db_time


@dataclass(frozen=True)
class DeckSummary:
    name: str
    title: str
    cards: int
    new: int
    learning: int
    due: int
    last_studied: str | None

    def to_dict(self) -> dict:
        return asdict(self)


def deck_summaries(store: Store, clock) -> list[DeckSummary]:
    last = {
        row["deck"]: row["last"]
        for row in store.query(
            "SELECT cards.deck AS deck, max(reviewed_at) AS last FROM live_reviews AS reviews"
            " JOIN cards ON cards.id = reviews.card_id GROUP BY cards.deck"
        )
    }
    totals = {
        row["deck"]: row["n"]
        for row in store.query("SELECT deck, count(*) AS n FROM cards WHERE retired_at IS NULL GROUP BY deck")
    }
    summaries = []
    for row in store.query("SELECT name, title FROM decks ORDER BY name"):
        counts = Session(store, row["name"], clock=clock).counts()
        summaries.append(
            DeckSummary(
                name=row["name"],
                title=row["title"],
                cards=totals.get(row["name"], 0),
                new=counts.new,
                learning=counts.learning,
                due=counts.review,
                last_studied=last.get(row["name"]),
            )
        )
    return summaries


def collection_stats(store: Store, deck: str | None, now: datetime, week_ahead: bool = True) -> dict:
    """Counts by state, reviews, true retention and, with `week_ahead`, the next 7 days' load."""
    deck_filter = " AND cards.deck = ?" if deck else ""
    params = [deck] if deck else []
    by_queue = {
        row["queue"]: row["n"]
        for row in store.query(
            f"SELECT queue, count(*) AS n FROM cards WHERE retired_at IS NULL AND suspended = 0{deck_filter}"
            " GROUP BY queue",
            params,
        )
    }
    suspended = store.conn.execute(
        f"SELECT count(*) FROM cards WHERE retired_at IS NULL AND suspended = 1{deck_filter}", params
    ).fetchone()[0]
    retired = store.conn.execute(
        f"SELECT count(*) FROM cards WHERE retired_at IS NOT NULL{deck_filter}", params
    ).fetchone()[0]
    review_rows = store.conn.execute(
        "SELECT count(*), sum(reviewed_at >= ?),"
        " sum(json_extract(state_before, '$.queue') = 'review'),"
        " sum(json_extract(state_before, '$.queue') = 'review' AND rating > 1)"
        f" FROM live_reviews AS reviews JOIN cards ON cards.id = reviews.card_id WHERE 1 = 1{deck_filter}",
        [to_db_time(day_start(now)), *params],
    ).fetchone()
    total, today, mature_reviews, recalled = (value or 0 for value in review_rows)
    stats = {
        "deck": deck,
        "cards": sum(by_queue.values()) + suspended,
        "new": by_queue.get("new", 0),
        "learning": by_queue.get("learning", 0) + by_queue.get("relearning", 0),
        "review": by_queue.get("review", 0),
        "suspended": suspended,
        "retired": retired,
        "reviews": total,
        "reviews_today": today,
        "true_retention": round(recalled / mature_reviews, 4) if mature_reviews else None,
    }
    if week_ahead:
        stats["due_next_7_days"] = forecast(store, now, 7, deck)
    return stats


def _study_day_sql(column: str) -> str:
    """SQLite expression for the local study day of a stored UTC time (day starts 04:00)."""
    return f"date({column}, 'localtime', '-{ROLLOVER_HOUR} hours')"


def forecast(store: Store, now: datetime, days: int = 30, deck: str | None = None) -> list[int]:
    """Cards coming due on each of the next `days` study days; day 0 includes what is overdue."""
    today = (now.astimezone() - timedelta(hours=ROLLOVER_HOUR)).date()
    deck_filter = " AND deck = ?" if deck else ""
    counts = [0] * days
    for row in store.query(
        f"SELECT {_study_day_sql('due')} AS day, count(*) AS n FROM cards"
        f" WHERE retired_at IS NULL AND suspended = 0 AND queue != 'new'{deck_filter} GROUP BY day",
        [deck] if deck else [],
    ):
        offset = max((date.fromisoformat(row["day"]) - today).days, 0)
        if offset < days:
            counts[offset] += row["n"]
    return counts


def review_days(store: Store, now: datetime, days: int = 140, deck: str | None = None) -> dict[date, int]:
    """Reviews per study day over the last `days` days, for the heatmap."""
    since = to_db_time(day_start(now) - timedelta(days=days))
    deck_filter = " AND cards.deck = ?" if deck else ""
    return {
        date.fromisoformat(row["day"]): row["n"]
        for row in store.query(
            f"SELECT {_study_day_sql('reviewed_at')} AS day, count(*) AS n FROM live_reviews AS reviews"
            f" JOIN cards ON cards.id = reviews.card_id WHERE reviewed_at >= ?{deck_filter} GROUP BY day",
            [since, *([deck] if deck else [])],
        )
    }

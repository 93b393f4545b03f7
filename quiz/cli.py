"""The `quiz` command. Bad input gets one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from quiz import __version__
from quiz.errors import QuizError
from quiz.literal import visible

EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not argparse's usage dump
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="quiz", description="A terminal spaced-repetition trainer that writes its own decks.")
    parser.add_argument("--version", action="version", version=f"quiz {__version__}")
    parser.add_argument("--db", metavar="PATH", help="progress database (default: $QUIZ_DB or the user data dir)")
    parser.add_argument("--decks", metavar="DIR", help="deck folder (default: ./decks, else the bundled decks)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    study = commands.add_parser("study", help="study a deck (all decks if none is named)")
    study.add_argument("deck", nargs="?", help="deck name")
    study.add_argument(
        "--extra-new",
        type=_bounded_int(0, 9999),
        default=0,
        metavar="N",
        help="custom study: N new cards beyond today's limit",
    )
    study.add_argument(
        "--review-ahead",
        type=_bounded_int(0, 365),
        default=0,
        metavar="DAYS",
        help="custom study: also reviews due in the next DAYS days",
    )

    generate = commands.add_parser("generate", help="turn seed documents into deck files")
    generate.add_argument("seeds", nargs="*", default=["seeds"], help="seed files or folders (default: seeds)")
    generate.add_argument("--out", metavar="DIR", default="decks", help="where deck files go (default: decks)")
    generate.add_argument("--dry-run", action="store_true", help="report added/changed/retired cards, write nothing")
    generate.add_argument("--verbose", "-v", action="store_true", help="also list every line and sentence skipped")

    decks = commands.add_parser("decks", help="decks with new / learning / due counts")
    decks.add_argument("--json", action="store_true", help="one JSON object per deck")

    cards = commands.add_parser("cards", help="list cards")
    cards.add_argument("deck", nargs="?", help="deck name (default: all)")
    cards.add_argument("--json", action="store_true", help="one JSON object per card")

    options = commands.add_parser("options", help="show or change a deck's study options")
    options.add_argument("deck", help="deck name")
    options.add_argument("--new-per-day", type=_bounded_int(0, 9999), metavar="N")
    options.add_argument("--reviews-per-day", type=_bounded_int(0, 99999), metavar="N")
    options.add_argument("--retention", type=_retention, metavar="R", help="desired retention, 0.70-0.99")
    options.add_argument("--learning-steps", type=_steps, metavar="STEPS", help="e.g. 1m,10m")
    options.add_argument("--relearning-steps", type=_steps, metavar="STEPS", help="e.g. 10m")
    options.add_argument("--max-interval", type=_bounded_int(1, 36500), metavar="DAYS")
    options.add_argument("--leech-threshold", type=_bounded_int(1, 99), metavar="LAPSES")
    options.add_argument("--json", action="store_true", help="print JSON")

    for name, text in (("suspend", "hide cards until unsuspended"), ("unsuspend", "bring suspended cards back")):
        command = commands.add_parser(name, help=text)
        command.add_argument("cards", nargs="+", metavar="CARD_ID", help="card ids (see quiz cards)")

    importer = commands.add_parser("import", help="import notes (CSV/TSV, Anki .apkg/.colpkg) or a review-log CSV")
    importer.add_argument("file", help="the file to import")
    importer.add_argument("--deck", metavar="NAME", help="name for the new deck (default: from the file name)")

    exporter = commands.add_parser("export", help="export a deck as an Anki package, CSV, or its review log")
    exporter.add_argument("deck", help="deck name")
    exporter.add_argument("--format", choices=("apkg", "csv", "revlog"), default="apkg")
    exporter.add_argument("--out", metavar="FILE", help="output file (csv and revlog go to stdout without it)")

    optimize = commands.add_parser("optimize", help="fit FSRS parameters to your own review history")
    optimize.add_argument("deck", nargs="?", help="deck name (default: all decks, one fit)")
    optimize.add_argument("--json", action="store_true", help="print JSON")
    optimize.add_argument("--dry-run", action="store_true", help="report the fit, change nothing")
    optimize.add_argument(
        "--day-offset",
        type=float,
        metavar="HOURS",
        help="hours added to UTC before counting days (default: local time less 4 h)",
    )

    check = commands.add_parser("check", help="check the database, and that each card's schedule matches its log")
    check.add_argument("--repair", action="store_true", help="rebuild drifted schedules from the review log")
    check.add_argument("--json", action="store_true", help="print JSON")

    stats = commands.add_parser("stats", help="collection statistics")
    stats.add_argument("deck", nargs="?", help="deck name (default: all)")
    stats.add_argument("--json", action="store_true", help="print JSON")
    return parser


def _bounded_int(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}-{high}")
        return value

    return parse


def _retention(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.7 <= value <= 0.99:
        raise argparse.ArgumentTypeError(f"{value} is outside 0.70-0.99")
    return value


STEP_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def _steps(text: str) -> list[int]:
    """'1m,10m' -> [60, 600] seconds."""
    steps = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        number, unit = part[:-1], part[-1:]
        if unit not in STEP_UNITS or not number.isdigit() or int(number) == 0:
            raise argparse.ArgumentTypeError(f"{part!r} is not a step like 30s, 10m, 1h or 1d")
        steps.append(int(number) * STEP_UNITS[unit])
    return steps


def _collection(args: argparse.Namespace):
    from quiz.collection import open_collection
    from quiz.locations import database_path, decks_folder

    return open_collection(database_path(args.db), decks_folder(args.decks))


def _check_deck(store, deck: str | None) -> None:
    if deck is not None and deck not in store.deck_names():
        known = ", ".join(store.deck_names()) or "none"
        raise QuizError(f"no deck named {deck!r} (decks: {known})")


def run_generate(args: argparse.Namespace) -> int:
    from quiz.generate import compare, generate, write_decks

    result = generate([Path(p) for p in args.seeds])
    out = Path(args.out)
    for skipped in result.skipped_files:
        print(f"skipped {skipped.path}: {skipped.reason}", file=sys.stderr)
    for note in result.notes:
        print(note, file=sys.stderr)
    totals = {"added": 0, "changed": 0, "relinked": 0, "retired": 0}
    for deck in result.decks:
        changes = compare(out, deck)
        counts = {key: len(getattr(changes, key)) for key in totals}
        for key, value in counts.items():
            totals[key] += value
        print(f"{deck.name}: {len(deck.cards)} cards ({_change_summary(counts)})")
        if args.verbose:
            for key in totals:
                for card_id in getattr(changes, key):
                    print(f"  {key} {card_id}")
    if args.verbose:
        for path, line in result.dropped_lines:
            print(f"{path}:{line.number}: dropped ({line.reason}): {line.text[:80]}", file=sys.stderr)
        for sentence in result.skipped_sentences:
            print(
                f"{sentence.file}:{sentence.line}: skipped ({sentence.reason}): {sentence.text[:80]}", file=sys.stderr
            )
    if args.dry_run:
        print(f"dry run: nothing written to {out}")
    else:
        write_decks(out, result.decks)
        print(f"wrote {len(result.decks)} deck files to {out}")
    print(f"total: {_change_summary(totals)}")
    return 0


def _change_summary(counts: dict[str, int]) -> str:
    return (
        f"+{counts['added']} added, ~{counts['changed']} changed, "
        f"={counts['relinked']} relinked, -{counts['retired']} retired"
    )


def run_decks(args: argparse.Namespace) -> int:
    from quiz.scheduler import utc_now
    from quiz.stats import deck_summaries

    store = _collection(args)
    try:
        summaries = deck_summaries(store, utc_now)
    finally:
        store.close()
    if args.json:
        for summary in summaries:
            print(json.dumps(summary.to_dict(), ensure_ascii=False))
        return 0
    width = max([len(s.name) for s in summaries] + [4])
    print(f"{'deck':<{width}}  {'new':>5}  {'learn':>5}  {'due':>5}  {'cards':>5}")
    for s in summaries:
        print(visible(f"{s.name:<{width}}  {s.new:>5}  {s.learning:>5}  {s.due:>5}  {s.cards:>5}"))
    return 0


def run_cards(args: argparse.Namespace) -> int:
    store = _collection(args)
    try:
        _check_deck(store, args.deck)
        rows = store.active_cards(args.deck)
    finally:
        store.close()
    for row in rows:
        if args.json:
            record = {
                "id": row["id"],
                "deck": row["deck"],
                "kind": row["kind"],
                "prompt": row["prompt"],
                "answer": row["answer"],
                "answer_type": row["answer_type"],
                "choices": json.loads(row["choices"]),
                "fact": row["fact"],
                "source": json.loads(row["source"]),
                "queue": row["queue"],
                "due": row["due"],
            }
            print(json.dumps(record, ensure_ascii=False))
        else:
            print(visible(f"{row['id']}  {row['deck']}  {row['kind']:<8}  {row['prompt']}  ->  {row['answer']}"))
    return 0


def run_stats(args: argparse.Namespace) -> int:
    from quiz.scheduler import utc_now
    from quiz.stats import collection_stats

    store = _collection(args)
    try:
        _check_deck(store, args.deck)
        stats = collection_stats(store, args.deck, utc_now())
    finally:
        store.close()
    if args.json:
        print(json.dumps(stats, ensure_ascii=False))
        return 0
    for key, value in stats.items():
        if key == "deck":
            value = value or "(all decks)"
        elif key == "true_retention":
            value = "n/a" if value is None else f"{value:.1%}"
        elif key == "due_next_7_days":
            value = " ".join(str(count) for count in value) + "   (today first)"
        print(f"{key.replace('_', ' '):<15} {value}")
    return 0


def run_options(args: argparse.Namespace) -> int:
    from quiz.store import OPTION_COLUMNS

    changes = {
        "new_per_day": args.new_per_day,
        "reviews_per_day": args.reviews_per_day,
        "desired_retention": args.retention,
        "learning_steps": json.dumps(args.learning_steps) if args.learning_steps is not None else None,
        "relearning_steps": json.dumps(args.relearning_steps) if args.relearning_steps is not None else None,
        "maximum_interval": args.max_interval,
        "leech_threshold": args.leech_threshold,
    }
    store = _collection(args)
    try:
        _check_deck(store, args.deck)
        options = store.set_deck_options(args.deck, {k: v for k, v in changes.items() if v is not None})
    finally:
        store.close()
    shown = {key: options[key] for key in OPTION_COLUMNS}
    shown["learning_steps"] = json.loads(shown["learning_steps"])
    shown["relearning_steps"] = json.loads(shown["relearning_steps"])
    if args.json:
        print(json.dumps({"deck": args.deck, **shown}))
    else:
        for key, value in shown.items():
            print(f"{key.replace('_', ' '):<18} {value}")
    return 0


def run_suspend(args: argparse.Namespace, suspended: bool) -> int:
    store = _collection(args)
    try:
        for card_id in args.cards:  # check every id before changing any
            store.card(card_id)
        for card_id in args.cards:
            store.set_suspended(card_id, suspended)
    finally:
        store.close()
    print(f"{'suspended' if suspended else 'unsuspended'} {len(args.cards)} card(s)")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from quiz.importing import import_file
    from quiz.locations import decks_folder
    from quiz.scheduler import utc_now

    if args.deck is not None and not args.deck.strip():
        raise QuizError("--deck: the name cannot be empty")
    store = _collection(args)
    try:
        report = import_file(Path(args.file), store, decks_folder(args.decks), utc_now(), args.deck)
    finally:
        store.close()
    for note in report.notes:
        print(note, file=sys.stderr)
    if report.deck_file:
        print(f"wrote {report.deck_file} ({report.cards} cards)")
    print(
        f"imported {report.reviews} reviews"
        + (f", skipped {report.skipped_reviews} older than what was known" if report.skipped_reviews else "")
    )
    return 0


def run_export(args: argparse.Namespace) -> int:
    from quiz.exporting import export_deck

    store = _collection(args)
    try:
        _check_deck(store, args.deck)
        path, count, text = export_deck(store, args.deck, args.format, Path(args.out) if args.out else None)
    finally:
        store.close()
    if text is not None:
        sys.stdout.write(text)
    else:
        print(f"wrote {path} ({count} {'reviews' if args.format == 'revlog' else 'cards'})", file=sys.stderr)
    return 0


def run_optimize(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from quiz.optimize import fit

    store = _collection(args)
    try:
        _check_deck(store, args.deck)
        offset = timedelta(hours=args.day_offset) if args.day_offset is not None else None
        result = fit(store, args.deck, apply=not args.dry_run, day_offset=offset)
    finally:
        store.close()
    if not args.json:
        print(f"{result.reviews} reviews, {result.items} day-level items")
        rows = [
            ("in use", result.before, "all items"),
            ("fitted", result.after, "time-series split: fit on the past, scored on the future"),
            ("fitted", result.in_sample, "in-sample"),
        ]
        for label, score, how in rows:
            print(f"{label}:  log loss {score['log_loss']:.4f}  RMSE(bins) {score['rmse_bins']:.4f}  ({how})")
        print("applied the fitted parameters" if result.applied else "kept the parameters in use")
    print(json.dumps(result.to_dict()))
    return 0


def run_check(args: argparse.Namespace) -> int:
    store = _collection(args)
    try:
        report = store.check(repair=args.repair)
    finally:
        store.close()
    if args.json:
        print(json.dumps(report))
    else:
        print(f"integrity: {report['integrity']}")
        drifted = len(report["drifted"])
        state = "repaired" if report["repaired"] and drifted else "found"
        print(f"cards whose schedule differs from the review log: {drifted} {state}")
    if report["integrity"] != "ok":
        raise QuizError(f"{args.db or 'progress database'}: integrity check failed: {report['integrity']}")
    return 1 if report["drifted"] and not report["repaired"] else 0


def run_app(args: argparse.Namespace, deck: str | None, study_now: bool) -> int:
    store = _collection(args)
    try:
        _check_deck(store, deck)
    finally:
        store.close()
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise QuizError("the study app needs a terminal (stdin and stdout must be a TTY)")
    from quiz.locations import database_path, decks_folder
    from quiz.tui.app import QuizApp

    app = QuizApp(
        database_path(args.db),
        decks_folder(args.decks),
        deck=deck,
        study_now=study_now,
        extra_new=getattr(args, "extra_new", 0),
        review_ahead_days=getattr(args, "review_ahead", 0),
    )
    app.run()
    if app.load_error:
        raise QuizError(app.load_error)
    return 0


def _database_problem(args: argparse.Namespace, error: sqlite3.OperationalError) -> str:
    """What a failed database write means for the learner, in one line."""
    from quiz.locations import database_path

    path = database_path(args.db)
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"{path}: busy: another quiz kept it locked; nothing was lost, try again"
    if "readonly" in text or "read-only" in text:
        return f"{path}: the database is read-only; nothing was changed"
    return f"{path}: {text}; nothing was changed"


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "generate":
            return run_generate(args)
        if args.command == "decks":
            return run_decks(args)
        if args.command == "cards":
            return run_cards(args)
        if args.command == "stats":
            return run_stats(args)
        if args.command == "import":
            return run_import(args)
        if args.command == "export":
            return run_export(args)
        if args.command == "optimize":
            return run_optimize(args)
        if args.command == "check":
            return run_check(args)
        if args.command == "options":
            return run_options(args)
        if args.command in ("suspend", "unsuspend"):
            return run_suspend(args, args.command == "suspend")
        return run_app(args, getattr(args, "deck", None), study_now=args.command == "study")
    except QuizError as error:
        print(visible(f"quiz: error: {error}"), file=sys.stderr)
        return EXIT_USAGE
    except sqlite3.OperationalError as error:
        print(f"quiz: error: {_database_problem(args, error)}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        sys.stderr.close()
        return 0
    except OSError as error:
        # A file the user named could not be read or written: that is input, not a bug.
        where = f"{error.filename}: " if error.filename else ""
        print(visible(f"quiz: error: {where}{error.strerror or error}"), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130

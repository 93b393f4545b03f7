"""The `quiz` command. Bad input gets one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from quiz import __version__
from quiz.errors import QuizError

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

    stats = commands.add_parser("stats", help="collection statistics")
    stats.add_argument("deck", nargs="?", help="deck name (default: all)")
    stats.add_argument("--json", action="store_true", help="print JSON")
    return parser


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
    totals = {"added": 0, "changed": 0, "retired": 0}
    for deck in result.decks:
        changes = compare(out, deck)
        totals["added"] += len(changes.added)
        totals["changed"] += len(changes.changed)
        totals["retired"] += len(changes.retired)
        print(
            f"{deck.name}: {len(deck.cards)} cards"
            f" (+{len(changes.added)} added, ~{len(changes.changed)} changed, -{len(changes.retired)} retired)"
        )
        if args.dry_run and args.verbose:
            for label, ids in (("added", changes.added), ("changed", changes.changed), ("retired", changes.retired)):
                for card_id in ids:
                    print(f"  {label} {card_id}")
    if args.verbose:
        for path, line in result.dropped_lines:
            print(f"{path}:{line.number}: dropped ({line.reason}): {line.text[:80]}", file=sys.stderr)
        for sentence in result.skipped_sentences:
            print(f"{sentence.file}:{sentence.line}: skipped ({sentence.reason}): {sentence.text[:80]}", file=sys.stderr)
    if args.dry_run:
        print(f"dry run: nothing written to {out}")
    else:
        write_decks(out, result.decks)
        print(f"wrote {len(result.decks)} deck files to {out}")
    print(f"total: +{totals['added']} added, ~{totals['changed']} changed, -{totals['retired']} retired")
    return 0


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
        print(f"{s.name:<{width}}  {s.new:>5}  {s.learning:>5}  {s.due:>5}  {s.cards:>5}")
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
            print(f"{row['id']}  {row['deck']}  {row['kind']:<8}  {row['prompt']}  ->  {row['answer']}")
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
        print(f"{key.replace('_', ' '):<15} {value}")
    return 0


def run_app(args: argparse.Namespace, deck: str | None, study_now: bool) -> int:
    if not sys.stdin.isatty() or not sys.stdout.isatty():
        raise QuizError("the study app needs a terminal (stdin and stdout must be a TTY)")
    store = _collection(args)
    try:
        _check_deck(store, deck)
    finally:
        store.close()
    from quiz.locations import database_path, decks_folder
    from quiz.tui.app import QuizApp

    QuizApp(database_path(args.db), decks_folder(args.decks), deck=deck, study_now=study_now).run()
    return 0


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
        return run_app(args, getattr(args, "deck", None), study_now=args.command == "study")
    except QuizError as error:
        print(f"quiz: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 0

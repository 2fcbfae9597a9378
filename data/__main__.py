"""Command line for the data layer.

    python -m data check PATH... [--format F] [--json] [--strict] [--all]
    python -m data export PATH... [--format F] --out FILE.csv|FILE.parquet
    python -m data demo [--rows N] [--seed S] [--as-of YYYY-MM-DD] --out FILE.csv|FILE.parquet
    python -m data match PATH... [--overrides FILE] [--json]    persons on two lists, matched
    python -m data match --eval [--rows N] [--seed S]          the matching's precision, recall
    python -m data history FILES... [--json]                   what changed between snapshots
    python -m data demo-lists --out DIR                        two invented lists, 3 snapshots

A PATH may be a file or a folder (every data file in it, each with its `<file>.meta.json`).
`check` exits 2 when a file cannot be loaded at all, and with --strict 1 when any row is rejected.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from data import demo
from data.dataset import LoadReport
from data.importers import FORMATS
from data.importers.read import DEFAULT_MAX_BYTES
from data.sources import DataFolder, data_files
from data.writer import write_canonical

SHOWN_ISSUES = 40


def _megabytes(text: str) -> int:
    return int(float(text) * 1024 * 1024)


def _expand(paths: list[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        files.extend(data_files(path) if path.is_dir() else [path])
    return files


def _totals(reports: list[LoadReport]) -> dict:
    merged: dict[str, int] = {}
    for report in reports:
        for column, count in report.counts_by_column().items():
            merged[column] = merged.get(column, 0) + count
    return {
        "rows_read": sum(r.rows_read for r in reports),
        "rows_loaded": sum(r.rows_loaded for r in reports),
        "rows_rejected": sum(r.rows_rejected for r in reports),
        "rows_repaired": sum(r.rows_repaired for r in reports),
        "files_failed": sum(1 for r in reports if r.error),
        "values_not_understood": merged,
    }


def _print_report(report: LoadReport, everything: bool) -> None:
    how = ", ".join(report.notes)
    print(f"{report.file} ({report.format or 'format unknown'}{'; ' + how if how else ''})")
    if report.error:
        print(f"  NOT LOADED: {report.error}")
        return
    print(
        f"  rows read {report.rows_read}, loaded {report.rows_loaded}, "
        f"rejected {report.rows_rejected}, repaired {report.rows_repaired}"
    )
    for source, counted in report.superseded:
        print(
            f"  an earlier export of the list {source!r}: kept as a snapshot, not counted "
            f"({counted} is the newer export, and is counted)"
        )
    counts = report.counts_by_column()
    if counts:
        examples = report.examples_by_column()
        print("  values not used as given:")
        for column, count in sorted(counts.items(), key=lambda kv: -kv[1]):
            shown = ", ".join(repr(e) for e in examples.get(column, []))
            print(f"    {column or '(whole row)'}: {count} (e.g. {shown})")
    issues = report.issues if everything else report.issues[:SHOWN_ISSUES]
    for issue in issues:
        print(f"  {issue.action}: {issue.message()}")
    if len(report.issues) > len(issues):
        print(f"  ... and {len(report.issues) - len(issues)} more (--all shows every one)")


def check(args: argparse.Namespace) -> int:
    files = _expand(args.paths)
    dataset, found = DataFolder(files, args.format, args.max_bytes).load() if files else (None, ())
    reports = list(found)
    counted = len(dataset.cases) if dataset is not None else 0
    if not reports:
        print("error: no data files found", file=sys.stderr)
        return 2
    if args.json:
        print(
            json.dumps(
                {
                    **_totals(reports),
                    "rows_counted": counted,
                    "files": [r.to_dict() for r in reports],
                },
                ensure_ascii=False,
                indent=2,
                default=str,
            )
        )
    else:
        for report in reports:
            _print_report(report, args.all)
        totals = _totals(reports)
        print(
            f"total: {totals['rows_read']} rows read, {totals['rows_loaded']} loaded"
            + (
                f" ({counted} counted; the rest are earlier exports of a list)"
                if counted != totals["rows_loaded"]
                else ""
            )
            + ", "
            f"{totals['rows_rejected']} rejected, {totals['files_failed']} files not loaded"
        )
    if any(r.error for r in reports):
        return 2
    if args.strict and any(r.rows_rejected for r in reports):
        return 1
    return 0


def export(args: argparse.Namespace) -> int:
    files = _expand(args.paths)
    dataset, reports = (
        DataFolder(files, args.format, args.max_bytes).load() if files else (None, ())
    )
    for report in reports:
        state = report.error or f"{report.rows_loaded} of {report.rows_read} rows"
        print(f"{report.file}: {state}", file=sys.stderr)
    if dataset is None:
        print("error: nothing could be loaded", file=sys.stderr)
        return 2
    write_canonical(dataset.cases, args.out)
    print(
        f"{args.out}: {len(dataset.cases)} prosecutions of "
        f"{dataset.cases['person_id'].nunique()} persons",
        file=sys.stderr,
    )
    return 0


def make_demo(args: argparse.Namespace) -> int:
    if args.rows < 1:
        print("error: --rows must be at least 1", file=sys.stderr)
        return 2
    dataset = demo.generate(args.rows, args.seed, args.as_of)
    write_canonical(dataset.cases, args.out)
    persons = dataset.cases["person_id"].nunique()
    print(f"{args.out}: {len(dataset.cases)} prosecutions of {persons} invented persons")
    return 0


def match(args: argparse.Namespace) -> int:
    if args.eval:
        from data.match_eval import evaluate

        result = evaluate(args.rows, args.seed)
        figures = {
            "precision": round(result.precision, 4),
            "recall": round(result.recall, 4),
            "true_pairs": result.true_pairs,
            "found": result.found,
            "correct": result.correct,
            "namesakes": result.namesakes,
            "relatives": result.relatives,
            "wrong": [list(map(list, pair)) for pair in result.wrong],
            "missed": [list(map(list, pair)) for pair in result.missed],
        }
        if args.json:
            print(json.dumps(figures, ensure_ascii=False, indent=2))
        else:
            print(
                f"labelled set (seed {args.seed}, {args.rows} demo rows): {result.true_pairs} "
                f"true pairs, {result.namesakes} namesakes and {result.relatives} relatives as "
                "hard negatives"
            )
            print(f"found {result.found}, correct {result.correct}")
            print(f"precision {result.precision:.4f}  recall {result.recall:.4f}")
        return 0
    if not args.paths:
        print("error: give data files or folders, or --eval", file=sys.stderr)
        return 2
    from data.matching import OVERRIDES_FILE, match_persons, read_overrides

    files = _expand(args.paths)
    dataset, reports = (
        DataFolder(files, args.format, args.max_bytes).load() if files else (None, ())
    )
    if dataset is None:
        for report in reports:
            print(f"{report.file}: {report.error or 'no rows'}", file=sys.stderr)
        print("error: nothing could be loaded", file=sys.stderr)
        return 2
    overrides_path = args.overrides or next(
        (p / OVERRIDES_FILE for p in args.paths if p.is_dir() and (p / OVERRIDES_FILE).is_file()),
        None,
    )
    overrides, issues = read_overrides(overrides_path) if overrides_path else ((), ())
    for issue in issues:
        print(f"override {issue.action}: {issue.message()}", file=sys.stderr)
    found = match_persons(dataset.cases, overrides)
    names = dataset.cases.groupby(["source", "person_id"])["name"].first()
    rows = [
        {
            "left": list(m.left),
            "right": list(m.right),
            "left_name": str(names.get(m.left, "")),
            "right_name": str(names.get(m.right, "")),
            "confidence": m.confidence,
            "how": m.how,
            "evidence": list(m.evidence),
        }
        for m in found
    ]
    persons = dataset.cases.groupby("source")["person_id"].nunique()
    if args.json:
        print(
            json.dumps(
                {"persons": {k: int(v) for k, v in persons.items()}, "matches": rows},
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    for row in rows:
        print(
            f"{':'.join(row['left'])} {row['left_name']!r} = {':'.join(row['right'])} "
            f"{row['right_name']!r}  {row['confidence']:.2f} {row['how']} "
            f"({', '.join(row['evidence'])})"
        )
    listed = ", ".join(f"{k} {v}" for k, v in persons.items())
    print(f"{len(rows)} pairs matched; persons per list: {listed}")
    return 0


def demo_lists_command(argv: list[str]) -> int:
    from data.demo_lists import write_demo_lists

    command = argparse.ArgumentParser(
        prog="python -m data demo-lists",
        description="Two invented lists and three snapshots of one: for /compare and /history.",
    )
    command.add_argument("--out", type=Path, required=True, help="the folder to write")
    command.add_argument("--rows", type=int, default=3000)
    command.add_argument("--seed", type=int, default=11)
    args = command.parse_args(argv)
    for path in write_demo_lists(args.out, args.rows, args.seed):
        print(path)
    return 0


def _input_arguments(command: argparse.ArgumentParser) -> None:
    """What `check` and `export` read: paths, an optional format, a size limit."""
    command.add_argument("paths", nargs="+", type=Path, help="files or folders")
    command.add_argument("--format", choices=FORMATS, default=None, help="default: detected")
    command.add_argument(
        "--max-mb",
        type=_megabytes,
        default=DEFAULT_MAX_BYTES,
        dest="max_bytes",
        help="refuse larger files (default 200)",
    )


def parser() -> argparse.ArgumentParser:
    root = argparse.ArgumentParser(prog="python -m data", description=__doc__.split("\n")[0])
    commands = root.add_subparsers(dest="command", required=True)

    checking = commands.add_parser("check", help="report what loads and what does not")
    _input_arguments(checking)
    checking.add_argument("--json", action="store_true", help="the report as JSON")
    checking.add_argument("--strict", action="store_true", help="exit 1 if any row is rejected")
    checking.add_argument("--all", action="store_true", help="print every issue")
    checking.set_defaults(run=check)

    exporting = commands.add_parser("export", help="write the canonical CSV (or Parquet)")
    _input_arguments(exporting)
    exporting.add_argument("--out", type=Path, required=True)
    exporting.set_defaults(run=export)

    making = commands.add_parser("demo", help="write the demo dataset (invented records)")
    making.add_argument(
        "--rows",
        type=int,
        default=demo.DEFAULT_ROWS,
        help=f"prosecutions to generate (default {demo.DEFAULT_ROWS})",
    )
    making.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    making.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        help="the generator's 'today' (default: today)",
    )
    making.add_argument("--out", type=Path, required=True, help=".csv or .parquet")
    making.set_defaults(run=make_demo)

    matching = commands.add_parser("match", help="match persons across lists")
    matching.add_argument("paths", nargs="*", type=Path, help="files or folders")
    matching.add_argument("--format", choices=FORMATS, default=None, help="default: detected")
    matching.add_argument("--max-mb", type=_megabytes, default=DEFAULT_MAX_BYTES, dest="max_bytes")
    matching.add_argument("--overrides", type=Path, default=None, help="person_matches.csv")
    matching.add_argument("--json", action="store_true")
    matching.add_argument("--eval", action="store_true", help="precision and recall")
    matching.add_argument("--rows", type=int, default=3000, help="--eval: demo rows")
    matching.add_argument("--seed", type=int, default=11, help="--eval: the set's seed")
    matching.set_defaults(run=match)
    return root


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["demo-lists"]:
        return demo_lists_command(argv[1:])
    if argv[:1] == ["history"]:
        from data.history import history_command

        return history_command(argv[1:])
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())

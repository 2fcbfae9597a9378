"""Command line for the data layer.

    python -m data demo [--rows N] [--seed S] [--as-of YYYY-MM-DD] --out FILE.csv|FILE.parquet

writes the built-in demo dataset (invented records) in the canonical schema.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from data import demo
from data.writer import write_canonical


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("demo", help="write the demo dataset (invented records)")
    make.add_argument(
        "--rows",
        type=int,
        default=demo.DEFAULT_ROWS,
        help=f"prosecutions to generate (default {demo.DEFAULT_ROWS})",
    )
    make.add_argument("--seed", type=int, default=demo.DEFAULT_SEED)
    make.add_argument(
        "--as-of",
        type=date.fromisoformat,
        default=None,
        help="the generator's 'today' (default: today)",
    )
    make.add_argument("--out", type=Path, required=True, help=".csv or .parquet")
    args = parser.parse_args(argv)

    if args.rows < 1:
        parser.error("--rows must be at least 1")
    dataset = demo.generate(args.rows, args.seed, args.as_of)
    write_canonical(dataset.cases, args.out)
    persons = dataset.cases["person_id"].nunique()
    print(f"{args.out}: {len(dataset.cases)} prosecutions of {persons} invented persons")
    return 0


if __name__ == "__main__":
    sys.exit(main())

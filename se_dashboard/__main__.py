"""Command line: `python -m se_dashboard validate [FOLDER]` and
`python -m se_dashboard synth --remarks N --out FOLDER [--seed S]`."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path

from . import synth
from .loader import data_folder, load
from .problems import DataError, warnings_report
from .summary import summarize


def _validate(folder: str | None) -> int:
    try:
        dataset = load(folder)
    except DataError as exc:
        print(exc.report())
        return 1
    print(f"OK: {dataset.folder}")
    for label, value in summarize(dataset).items():
        print(f"  {label}: {value}")
    if dataset.warnings:
        print(warnings_report(dataset.warnings))
    return 0


def _count(minimum: int) -> Callable[[str], int]:
    """Return an argparse type: a whole number of at least `minimum`."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum} (got {value})")
        return value

    return parse


def _synth(parser: argparse.ArgumentParser, n_remarks: int, out: str, seed: int) -> int:
    tables = synth.generate(n_remarks, seed)
    try:
        folder = synth.write_tables(Path(out), tables)
    except ValueError as exc:
        parser.error(str(exc))
    except OSError as exc:
        print(f"cannot write {out}: {exc}", file=sys.stderr)
        return 1
    print(f"Wrote {folder} (seed {seed})")
    for label, value in synth.counts(tables).items():
        print(f"  {label}: {value}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m se_dashboard",
                                     description="Stakeholder-remarks dashboard tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="validate a data folder and print a summary")
    check.add_argument("folder", nargs="?", default=None,
                       help=f"data folder (default: $SE_DASHBOARD_DATA or {data_folder()})")
    make = commands.add_parser("synth", help="write a synthetic data folder for scale tests")
    make.add_argument("--remarks", type=_count(1), required=True, metavar="N",
                      help="number of remarks (at least 1); about N/20 participants")
    make.add_argument("--out", required=True, metavar="FOLDER",
                      help="folder to write (created if needed; its four CSV files are replaced)")
    make.add_argument("--seed", type=_count(0), default=0, help="random seed (default: 0)")
    args = parser.parse_args(argv)
    # The report is Korean and quotes data values: where stdout cannot encode them (a pipe or file
    # in ASCII, Latin-1 or CP949), escape them rather than crash and lose the report.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    if args.command == "validate":
        return _validate(args.folder)
    if args.command == "synth":
        return _synth(make, args.remarks, args.out, args.seed)
    return 2  # pragma: no cover - argparse rejects unknown commands first


if __name__ == "__main__":
    sys.exit(main())

"""Command line: `python -m se_dashboard validate [FOLDER]`."""

from __future__ import annotations

import argparse
import io
import sys

from .loader import data_folder, load
from .problems import DataError
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
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    parser = argparse.ArgumentParser(prog="python -m se_dashboard",
                                     description="Stakeholder-remarks dashboard tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="validate a data folder and print a summary")
    check.add_argument("folder", nargs="?", default=None,
                       help=f"data folder (default: $SE_DASHBOARD_DATA or {data_folder()})")
    args = parser.parse_args(argv)
    # The report is Korean and quotes data values: where stdout cannot encode them (a pipe or file
    # in ASCII, Latin-1 or CP949), escape them rather than crash and lose the report.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    if args.command == "validate":
        return _validate(args.folder)
    return 2  # pragma: no cover - argparse rejects unknown commands first


if __name__ == "__main__":
    sys.exit(main())

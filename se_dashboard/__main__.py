"""Command line: `python -m se_dashboard validate [FOLDER]`,
`python -m se_dashboard synth --remarks N --out FOLDER [--seed S]` and
`python -m se_dashboard import FILE --meeting NAME --out FOLDER [--base FOLDER] [--date …]`."""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from pathlib import Path

from se_dashboard.analysis.summary import summarize
from se_dashboard.data import synth
from se_dashboard.data.loader import data_folder, load
from se_dashboard.data.problems import DataError, warnings_report


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


def _import(args: argparse.Namespace) -> int:
    """Import a minutes file as a new meeting into a new data folder; print what was found."""
    # imported here: `validate` and `synth` never load the document readers
    from se_dashboard.intake.documents import Columns, IntakeError, read_document
    from se_dashboard.intake.plan import plan_import
    from se_dashboard.intake.report import report
    from se_dashboard.intake.turns import find_turns
    from se_dashboard.intake.write import check_out, write_folder

    base = data_folder(args.base)
    out = Path(args.out).expanduser().resolve()
    try:
        check_out(base, out)  # before the slow part: a wrong --out is said at once
        dataset = load(base)
        columns = Columns(args.speaker_column, args.text_column, args.organization_column,
                          args.role_column)
        document = read_document(Path(args.file).expanduser(), columns=columns)
        found = find_turns(document)
        plan = plan_import(dataset, found, args.meeting, args.title_ko, args.title_en,
                           args.date, args.kind)
        written = write_folder(base, plan, out)
    except DataError as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    except IntakeError as exc:
        print(f"오류: {exc.ko}\nError: {exc.en}", file=sys.stderr)
        return 1
    print(report(plan, str(Path(args.file).expanduser().resolve()), written))
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
    take = commands.add_parser(
        "import", help="import a meeting's minutes (TXT, MD, DOCX, HWPX, XLSX, CSV) into a new "
        "data folder: the base folder's files plus the new meeting's remarks")
    take.add_argument("file", metavar="FILE", help="the minutes file")
    take.add_argument("--meeting", required=True, metavar="NAME",
                      help="the new meeting's name (its meeting_id), e.g. 최종보고회")
    take.add_argument("--out", required=True, metavar="FOLDER",
                      help="folder to write (must not exist, or be empty)")
    take.add_argument("--base", default=None, metavar="FOLDER",
                      help=f"data folder to start from (default: $SE_DASHBOARD_DATA or "
                      f"{data_folder()}); never modified")
    take.add_argument("--date", default="", metavar="YYYY-MM-DD", help="the meeting's date")
    take.add_argument("--title-ko", default=None, metavar="TEXT",
                      help="Korean title (default: the meeting's name)")
    take.add_argument("--title-en", default=None, metavar="TEXT",
                      help="English title (default: the usual English name, else the name)")
    take.add_argument("--kind", default=None, metavar="TEXT",
                      help="kind of meeting, e.g. 최종보고회 (default: the name if it is a usual "
                      "one)")
    for field, example in (("speaker", "발언자"), ("text", "발언 내용"),
                           ("organization", "소속"), ("role", "직위")):
        take.add_argument(f"--{field}-column", default=None, metavar="HEADER",
                          help=f"a table's {field} column header, when it is not a usual name "
                          f"such as {example}")
    args = parser.parse_args(argv)
    # The report is Korean and quotes data values: where stdout cannot encode them (a pipe or file
    # in ASCII, Latin-1 or CP949), escape them rather than crash and lose the report.
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(errors="backslashreplace")
    if args.command == "validate":
        return _validate(args.folder)
    if args.command == "synth":
        return _synth(make, args.remarks, args.out, args.seed)
    if args.command == "import":
        return _import(args)
    return 2  # pragma: no cover - argparse rejects unknown commands first


if __name__ == "__main__":
    sys.exit(main())

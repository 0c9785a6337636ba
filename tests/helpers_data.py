"""Small helpers shared by the data tests: copies of data/ to break, and CSV rewriting."""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CSV_FILES = ("remarks.csv", "org_types.csv", "codebook.csv", "recommendations.csv")

Rows = list[list[str]]


def copy_data(tmp_path: Path, name: str = "data") -> Path:
    """Copy the bundled data folder into tmp_path and return the copy."""
    target = tmp_path / name
    shutil.copytree(DATA, target)
    return target


def read_rows(path: Path) -> Rows:
    """Return all rows of a UTF-8 CSV file, header first."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def rows_text(rows: Rows, delimiter: str = ",") -> str:
    """Return rows as CSV text with \\n line endings."""
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def write_rows(path: Path, rows: Rows, delimiter: str = ",", encoding: str = "utf-8") -> None:
    path.write_bytes(rows_text(rows, delimiter).encode(encoding))


def edit_rows(path: Path, edit: Callable[[Rows], object]) -> None:
    """Read a CSV file, let `edit` change its rows in place, write it back as UTF-8."""
    rows = read_rows(path)
    edit(rows)
    write_rows(path, rows)


def set_cell(path: Path, row_id: str, column: str, value: str) -> int:
    """Set one cell of the row whose first cell is `row_id`; return that row's line number.

    The bundled files have no line breaks inside cells, so row i (header = 0) is on line i + 1.
    """
    rows = read_rows(path)
    col = rows[0].index(column)
    index = next(i for i, row in enumerate(rows) if row[0] == row_id)
    rows[index][col] = value
    write_rows(path, rows)
    return index + 1


def drop_column(path: Path, column: str) -> None:
    def edit(rows: Rows) -> None:
        col = rows[0].index(column)
        for row in rows:
            del row[col]

    edit_rows(path, edit)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Return every file under folder, by relative path, with its bytes."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@contextlib.contextmanager
def raw_sqlite(path: Path) -> Iterator[sqlite3.Connection]:
    """Yield a plain autocommit connection to an SQLite file, bypassing the store."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        yield conn
    finally:
        conn.close()

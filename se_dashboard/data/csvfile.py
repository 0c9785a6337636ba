"""Reading one CSV file of a data folder into trimmed text cells, with line numbers and problems."""

from __future__ import annotations

import csv
import difflib
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from se_dashboard.data import contract
from se_dashboard.data.contract import ENCODINGS_LABEL, MAX_CELL_CHARS, FileSpec
from se_dashboard.data.problems import Problem

_BINARY_SNIFF_BYTES = 8192
_READ_CHUNK = 1 << 20
# csv's own cell limit (131,072 characters by default) would stop parsing with no column named,
# so it is raised: an over-long cell up to this size is reported with its line and column. It
# stays bounded because csv holds a cell being read at four bytes a character: one giant cell
# costs at most 40 MB here, not four times the file.
FIELD_LIMIT_CHARS = 100 * MAX_CELL_CHARS
csv.field_size_limit(FIELD_LIMIT_CHARS)


CHUNK_ROWS = 5_000


@dataclass
class RawTable:
    """The cells of one CSV file: `columns` as in its header, then trimmed text cells.

    `lines[i]` is the physical line on which row i starts (the header is line 1). Rows are
    kept as DataFrame chunks of text columns as they are read, so a large file never exists
    as one big list of Python strings.
    """

    columns: list[str]
    lines: list[int] = field(default_factory=list)
    chunks: list[pd.DataFrame] = field(default_factory=list)
    pending: list[list[str]] = field(default_factory=list)

    def add(self, cells: list[str], line: int) -> None:
        """Append one row that starts on `line`."""
        self.pending.append(cells)
        self.lines.append(line)
        if len(self.pending) >= CHUNK_ROWS:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            self.chunks.append(pd.DataFrame(self.pending, columns=self.columns, dtype=str))
            self.pending = []

    def __len__(self) -> int:
        return len(self.lines)

    def frame(self) -> pd.DataFrame:
        """Return every row as one DataFrame of text columns (header order)."""
        self._flush()
        if not self.chunks:
            return pd.DataFrame({c: pd.Series(dtype=str) for c in self.columns})
        if len(self.chunks) > 1:
            self.chunks = [pd.concat(self.chunks, ignore_index=True)]
        return self.chunks[0]


def _lines(text: str) -> Iterator[str]:
    """Yield the lines of `text` with their endings, one at a time (io.StringIO would hold a
    second, four-bytes-a-character copy of a large file)."""
    start = 0
    while (end := text.find("\n", start)) != -1:
        yield text[start:end + 1]
        start = end + 1
    if start < len(text):
        yield text[start:]


def decode(data: bytes | bytearray, filename: str) -> tuple[str | None, list[Problem]]:
    """Return the text of a file's bytes (UTF-8, UTF-8 with BOM or CP949), or a problem."""
    head = data[:_BINARY_SNIFF_BYTES]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_like_utf16(head):
        return None, [Problem(
            filename, None, None,
            f"UTF-16으로 저장된 파일입니다. 다음 인코딩으로 저장해 주세요: {ENCODINGS_LABEL}.",
            f"the file is saved as UTF-16; save it as one of: {ENCODINGS_LABEL}.")]
    if b"\x00" in head:
        return None, [Problem(
            filename, None, None,
            "CSV 텍스트 파일이 아닙니다(바이너리 파일). 엑셀에서 'CSV UTF-8'로 저장해 주세요.",
            "this is not a CSV text file (binary content); save it from Excel as 'CSV UTF-8'.")]
    # A view, not a slice: dropping the BOM must not copy a large file.
    body = memoryview(data)[3:] if data.startswith(b"\xef\xbb\xbf") else memoryview(data)
    try:
        return str(body, "utf-8"), []
    except UnicodeDecodeError as exc:
        line = body[: exc.start].tobytes().count(b"\n") + 1  # where the first non-UTF-8 byte is
    try:
        return str(body, "cp949"), []
    except UnicodeDecodeError:
        pass
    return None, [Problem(
        filename, line, None,
        f"파일 인코딩을 읽을 수 없습니다(UTF-8도 CP949도 아님). 허용 인코딩: {ENCODINGS_LABEL}.",
        f"the file's encoding cannot be read (neither UTF-8 nor CP949); accepted encodings: "
        f"{ENCODINGS_LABEL}.")]


def _looks_like_utf16(head: bytes) -> bool:
    """Whether NUL bytes sit (almost) only at even or only at odd offsets, as in UTF-16 text."""
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return even + odd >= 4 and min(even, odd) * 10 <= max(even, odd)


def _header_problems(header: list[str], spec: FileSpec) -> list[Problem]:
    name = spec.filename
    if len(header) == 1 and (";" in header[0] or "\t" in header[0]):
        sep_ko, sep_en = ("세미콜론(;)", "semicolons") if ";" in header[0] else ("탭", "tabs")
        return [Problem(
            name, 1, None,
            f"열이 쉼표가 아니라 {sep_ko}로 구분되어 있습니다. 쉼표로 구분된 CSV로 저장해 주세요.",
            f"columns are separated by {sep_en}, not commas; save it as comma-separated CSV.")]
    problems = []
    seen: set[str] = set()
    for column in header:
        if column and column in seen:
            problems.append(Problem(name, 1, column, "열 이름이 중복되었습니다.",
                                    "the column name appears twice."))
        seen.add(column)
    unknown = [c for c in header if c not in spec.columns]
    for missing in (c for c in spec.required if c not in seen):
        guess = difflib.get_close_matches(missing, unknown, n=1, cutoff=0.6)
        hint_ko = f" ('{guess[0]}'은(는) '{missing}'의 오타인가요?)" if guess else ""
        hint_en = f" (is '{guess[0]}' a misspelling of '{missing}'?)" if guess else ""
        problems.append(Problem(name, 1, missing, f"필수 열 '{missing}'이(가) 없습니다{hint_ko}.",
                                f"required column '{missing}' is missing{hint_en}."))
    return problems


def parse(text: str, spec: FileSpec) -> tuple[RawTable | None, list[Problem]]:
    """Parse decoded CSV text; return the table and any structural problems.

    The header is matched case-insensitively, cells are trimmed, blank lines are skipped and short
    rows are padded with blank cells. A structural problem (bad header, broken quoting, an
    over-long cell) returns no table.
    """
    name = spec.filename
    if not text.strip():
        return None, [Problem(name, None, None, "파일이 비어 있습니다.", "the file is empty.")]
    reader = csv.reader(_lines(text), strict=True)
    table: RawTable | None = None
    problems: list[Problem] = []
    line = 1
    try:
        for record in reader:
            start, line = line, reader.line_num + 1
            cells = [c.strip() for c in record]
            if not any(cells):
                continue
            if table is None:
                header = [c.lstrip("\ufeff").strip().lower() for c in cells]
                problems = _header_problems(header, spec)
                if problems:
                    return None, problems
                table = RawTable(columns=header)
                continue
            if len(cells) > len(table.columns) and any(cells[len(table.columns):]):
                problems.append(Problem(
                    name, start, None,
                    f"칸이 {len(cells)}개로 머리글의 열 {len(table.columns)}개보다 많습니다 "
                    "(따옴표나 쉼표를 확인해 주세요).",
                    f"the row has {len(cells)} cells but the header has {len(table.columns)} "
                    "(check quotes and commas)."))
                continue
            cells = (cells + [""] * len(table.columns))[: len(table.columns)]
            for column, cell in zip(table.columns, cells, strict=True):
                if len(cell) > MAX_CELL_CHARS:
                    problems.append(Problem(
                        name, start, column,
                        f"칸이 너무 깁니다({len(cell):,}자, 최대 {MAX_CELL_CHARS:,}자).",
                        f"the cell is too long ({len(cell):,} characters, at most "
                        f"{MAX_CELL_CHARS:,})."))
            table.add(cells, start)
    except csv.Error as exc:
        message = str(exc)
        if "field larger than field limit" in message:
            ko = f"칸이 너무 깁니다({FIELD_LIMIT_CHARS:,}자 초과, 최대 {MAX_CELL_CHARS:,}자)."
            en = (f"a cell is too long (over {FIELD_LIMIT_CHARS:,} characters, at most "
                  f"{MAX_CELL_CHARS:,}).")
        else:
            ko = "따옴표가 짝이 맞지 않습니다(닫히지 않았거나 칸 중간에 있음)."
            en = f"unbalanced quotes ({message}): a quote is never closed or sits inside a cell."
        # `line` is where the broken row starts; reader.line_num is where csv gave up, which for
        # a quote never closed is the end of the file.
        return None, [*problems, Problem(name, line, None, ko, en)]
    if table is None:
        return None, [Problem(name, None, None, "파일이 비어 있습니다.", "the file is empty.")]
    if not len(table):
        problems.append(Problem(name, None, None, "머리글만 있고 데이터 행이 없습니다.",
                                "the file has a header but no data rows."))
    return (None if problems else table), problems


def _not_readable(info: os.stat_result, filename: str) -> Problem | None:
    """Return why a file with this stat is not read (not a regular file, over the size cap)."""
    if stat.S_ISDIR(info.st_mode):
        return Problem(filename, None, None, "파일을 읽을 수 없습니다: 파일이 아니라 폴더입니다.",
                       "the file cannot be read: it is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        return Problem(
            filename, None, None,
            "파일을 읽을 수 없습니다: 일반 파일이 아닙니다(FIFO, 장치 또는 소켓). "
            "일반 CSV 파일만 읽습니다.",
            "the file cannot be read: it is not a regular file (a FIFO, device or socket); "
            "only regular CSV files are read.")
    cap = contract.MAX_FILE_BYTES
    if info.st_size > cap:
        return Problem(
            filename, None, None,
            f"파일이 너무 큽니다({info.st_size:,}바이트, 최대 {cap:,}바이트). 읽지 않았습니다.",
            f"the file is too large ({info.st_size:,} bytes, at most {cap:,}); it was not read.")
    return None


def _opened(path: Path, filename: str) -> tuple[int | None, os.stat_result | None, Problem | None]:
    """Open a contract file for reading if it is a regular file within the size cap: return
    (descriptor, stat, None), or (None, stat or None, the problem) without reading anything.

    The type is checked with stat before opening (a symlink counts as what it points to), and
    again on the opened descriptor, which is opened non-blocking: a FIFO put in the file's place
    in between is refused instead of waiting forever for a writer."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return None, None, Problem(filename, None, None, "파일이 없습니다.", "the file is missing.")
    except OSError as exc:
        return None, None, Problem(filename, None, None, f"파일을 읽을 수 없습니다: {exc}",
                                   f"the file cannot be read: {exc}")
    if problem := _not_readable(info, filename):
        return None, info, problem
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        return None, None, Problem(filename, None, None, "파일이 없습니다.", "the file is missing.")
    except OSError as exc:
        return None, info, Problem(filename, None, None, f"파일을 읽을 수 없습니다: {exc}",
                                   f"the file cannot be read: {exc}")
    info = os.fstat(fd)
    if problem := _not_readable(info, filename):
        os.close(fd)
        return None, info, problem
    return fd, info, None


def _grew(filename: str) -> Problem:
    cap = contract.MAX_FILE_BYTES
    return Problem(filename, None, None,
                   f"파일이 읽는 동안 최대 크기({cap:,}바이트)를 넘어 커졌습니다. 읽지 않았습니다.",
                   f"the file grew past the size cap ({cap:,} bytes) while being read; it was not "
                   "read.")


def read_bytes(path: Path, filename: str) -> tuple[bytearray | None, list[Problem]]:
    """Return the bytes of a contract file, or the problem that kept it from being read.

    Only a regular file within contract.MAX_FILE_BYTES is read, and never more than the cap
    plus one byte: a file that grows while being read is refused, not read to its end."""
    fd, info, problem = _opened(path, filename)
    if fd is None or info is None:
        return None, [problem] if problem else []
    cap = contract.MAX_FILE_BYTES
    try:
        data = bytearray(min(info.st_size, cap) + 1)  # the one spare byte tells growth apart
        view, filled = memoryview(data), 0
        while filled <= cap:
            if filled == len(data):  # grew since fstat: make room, never past cap + 1
                view.release()
                data.extend(bytes(min(_READ_CHUNK, cap + 1 - filled)))
                view = memoryview(data)
            got = os.readv(fd, [view[filled:]])
            if not got:
                break
            filled += got
        view.release()
    except OSError as exc:
        return None, [Problem(filename, None, None, f"파일을 읽을 수 없습니다: {exc}",
                              f"the file cannot be read: {exc}")]
    finally:
        os.close(fd)
    if filled > cap:
        return None, [_grew(filename)]
    del data[filled:]
    return data, []


def content_key(path: Path, filename: str) -> bytes:
    """Return a short key of a contract file's content: its size and a hash of its bytes, read
    in chunks (never more than the size cap plus one byte). A file that is not read gives its
    problem and stat instead, so the key still changes whenever the file does."""
    fd, info, problem = _opened(path, filename)
    if fd is None or info is None:
        seen = "" if info is None else f"{info.st_mode}:{info.st_size}:{info.st_mtime_ns}"
        return f"unread:{problem.en if problem else ''}:{seen}".encode()
    digest, total, cap = hashlib.blake2b(digest_size=16), 0, contract.MAX_FILE_BYTES
    try:
        while total <= cap and (chunk := os.read(fd, min(_READ_CHUNK, cap + 1 - total))):
            total += len(chunk)
            digest.update(chunk)
    except OSError as exc:
        return f"unread:{exc}:{info.st_mtime_ns}".encode()
    finally:
        os.close(fd)
    if total > cap:
        return f"unread:grew:{info.st_mtime_ns}".encode()
    return b"%d:%s" % (total, digest.hexdigest().encode())


def read(path: Path, spec: FileSpec) -> tuple[RawTable | None, list[Problem]]:
    """Read (see read_bytes), decode and parse one file of a data folder."""
    data, problems = read_bytes(path, spec.filename)
    if data is None:
        return None, problems
    text, problems = decode(data, spec.filename)
    del data  # not kept while parsing: a large file would be held twice
    if text is None:
        return None, problems
    return parse(text, spec)

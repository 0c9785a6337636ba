"""Reading a minutes file into located paragraphs, lines or table rows.

Accepted: .txt/.md (UTF-8, UTF-8 with BOM, UTF-16 with BOM, CP949), .docx (paragraphs and
table rows, in document order), .hwpx (the text 한글 would save, tables as tab-separated rows,
list numbers included), .xlsx/.csv tables with a speaker column and a text column. Legacy binary
.hwp, .doc and .xls are refused with how to save them in the newer format. Every failure is an
IntakeError with a Korean and an English message; nothing here raises anything else.
"""

from __future__ import annotations

import csv
import io
import os
import stat
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path
from typing import Literal

# Largest file read (an upload or a path). Minutes of a full day run to a few hundred KB as
# DOCX/HWPX; 20 MiB leaves room for embedded photos without letting a mistaken upload through.
MAX_FILE_BYTES = 20 * 1024 * 1024
# DOCX, HWPX and XLSX are zip archives: the sum of their members' sizes is capped before any of
# them is parsed, so a small archive that unpacks to gigabytes is refused.
MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 10_000
# A table's header row is looked for in its first rows (a title row may sit above it).
HEADER_SEARCH_ROWS = 20

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
ACCEPTED_LABEL = ".txt, .md, .docx, .hwpx, .xlsx, .csv"
_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06")

Kind = Literal["text", "docx", "hwpx", "table"]


class IntakeError(Exception):
    """A file or an import that cannot be used, said in Korean (`ko`) and English (`en`)."""

    def __init__(self, ko: str, en: str):
        self.ko, self.en = ko, en
        super().__init__(f"{ko} / {en}")


@dataclass(frozen=True)
class Place:
    """Where a piece of text sits in its file: a line (text files), a paragraph (DOCX, HWPX) or
    a table row (`table` is the table's number in a DOCX, 0 for a spreadsheet or CSV)."""

    unit: Literal["line", "paragraph", "row"]
    number: int
    table: int = 0

    def ko(self) -> str:
        if self.unit == "line":
            return f"{self.number}번째 줄"
        if self.unit == "paragraph":
            return f"{self.number}번째 문단"
        return f"표 {self.table}의 {self.number}행" if self.table else f"{self.number}행"

    def en(self) -> str:
        if self.unit == "row" and self.table:
            return f"table {self.table}, row {self.number}"
        return f"{self.unit} {self.number}"

    def __str__(self) -> str:
        return f"{self.ko()} / {self.en()}"


@dataclass(frozen=True)
class Block:
    """One paragraph, line or table row as read: `cells` holds a row's cells (a paragraph or
    line holding tabs is split at them too); `text` is the whole text."""

    place: Place
    text: str
    cells: tuple[str, ...] = ()


@dataclass(frozen=True)
class Columns:
    """Header names of a speaker table; None means: recognise the usual names (see HEADERS)."""

    speaker: str | None = None
    text: str | None = None
    organization: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Document:
    """A file read into blocks in reading order. For a spreadsheet or CSV (`kind` "table") the
    blocks are the rows of the sheet whose header names a speaker and a text column (`sheet`)."""

    filename: str
    kind: Kind
    blocks: tuple[Block, ...]
    columns: Columns = Columns()
    sheet: str = ""


# Recognised header names, compared without spaces and case-insensitively.
HEADERS: dict[str, tuple[str, ...]] = {
    "speaker": ("발언자", "성명", "이름", "화자", "발언인", "speaker", "name"),
    "organization": ("소속", "기관", "소속기관", "기관명", "단체", "단체명", "소속단체",
                     "organization", "organisation", "org", "affiliation"),
    "role": ("직위", "직함", "직책", "직급", "role", "title", "position"),
    "text": ("발언내용", "내용", "발언", "의견", "발언요지", "의견내용", "주요내용", "text",
             "remark", "remarks", "comment", "statement", "excerpt"),
}
FIELDS = ("speaker", "organization", "role", "text")


def _norm_header(cell: str) -> str:
    return "".join(cell.split()).lower().strip(":*")


def match_header(cells: tuple[str, ...], columns: Columns) -> dict[str, int] | None:
    """Return field -> cell index if `cells` is a header naming a speaker and a text column
    (the organization and role columns are optional), else None."""
    names = [_norm_header(c) for c in cells]
    found: dict[str, int] = {}
    for field in FIELDS:
        chosen = getattr(columns, field)
        wanted = (_norm_header(chosen),) if chosen else HEADERS[field]
        for i, name in enumerate(names):
            if name and name in wanted and i not in found.values():
                found[field] = i
                break
    return found if "speaker" in found and "text" in found else None


def _err_header(name: str, seen: tuple[str, ...], columns: Columns) -> IntakeError:
    shown = ", ".join(f"'{c}'" for c in seen if c.strip()) or "(없음 / none)"
    asked = [f"{field}='{value}'" for field in FIELDS if (value := getattr(columns, field))]
    if asked:
        return IntakeError(
            f"{name}: 지정한 열({', '.join(asked)})을 머리글에서 찾지 못했습니다. "
            f"찾은 머리글: {shown}.",
            f"{name}: the columns given ({', '.join(asked)}) are not in the header. "
            f"Header found: {shown}.")
    return IntakeError(
        f"{name}: 발언자 열과 발언 내용 열을 찾지 못했습니다. 머리글 행에 '발언자'(또는 "
        "성명·이름)와 '발언 내용'(또는 내용·발언) 열이 있어야 합니다(소속, 직위는 있으면 "
        f"읽습니다). 찾은 머리글: {shown}. 다른 이름의 열은 발언자 열·발언 내용 열 이름으로 "
        "지정해 주세요.",
        f"{name}: no speaker column and text column found. The header row needs '발언자' (or "
        f"성명, 이름, speaker, name) and '발언 내용' (or 내용, 발언, text, remark); 소속 and 직위 "
        f"are read when present. Header found: {shown}. Name other columns with the speaker "
        f"and text column options.")


# --- reading bytes ----------------------------------------------------------------------------

def _too_large(name: str, size: int) -> IntakeError:
    return IntakeError(
        f"{name}: 파일이 너무 큽니다({size:,}바이트, 최대 {MAX_FILE_BYTES:,}바이트).",
        f"{name}: the file is too large ({size:,} bytes, at most {MAX_FILE_BYTES:,}).")


def _read_path(path: Path) -> bytes:
    """Return a regular file's bytes, never reading more than the size limit plus one byte."""
    name = path.name
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise IntakeError(f"{name}: 파일이 없습니다.",
                          f"{name}: the file does not exist.") from None
    except OSError as exc:
        raise IntakeError(f"{name}: 파일을 읽을 수 없습니다({exc}).",
                          f"{name}: the file cannot be read ({exc}).") from None
    if not stat.S_ISREG(info.st_mode):
        raise IntakeError(f"{name}: 일반 파일이 아닙니다(폴더, 장치 등).",
                          f"{name}: not a regular file (a folder, device or the like).")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_large(name, info.st_size)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise IntakeError(f"{name}: 파일을 읽을 수 없습니다({exc}).",
                          f"{name}: the file cannot be read ({exc}).") from None
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(name, len(data))
    return data


def decode_text(data: bytes, name: str) -> str:
    """Return the text of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or CP949."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    elif b"\x00" not in data[:8192]:
        body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
        for encoding in ("utf-8", "cp949"):
            try:
                return body.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise IntakeError(
        f"{name}: 글자 인코딩을 읽을 수 없습니다. UTF-8 또는 CP949(EUC-KR)로 저장된 텍스트 "
        "파일이어야 합니다(메모장: 다른 이름으로 저장 → 인코딩 UTF-8).",
        f"{name}: the text encoding cannot be read; the file must be text saved as UTF-8 or "
        "CP949 (EUC-KR) (Notepad: Save As → Encoding UTF-8).")


def _check_zip(data: bytes, name: str, label: str) -> zipfile.ZipFile:
    """Open an office file's zip container, refusing one that is not a zip or unpacks too big."""
    broken = IntakeError(
        f"{name}: {label} 파일이 아니거나 손상되었습니다(압축 구조를 읽을 수 없음). "
        f"원본 프로그램에서 {label} 형식으로 다시 저장해 주세요.",
        f"{name}: not a {label} file, or a damaged one (its zip container cannot be read); save "
        f"it again as {label} in the program that made it.")
    if not data.startswith(_ZIP_MAGICS):
        raise broken
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise broken from None
    unpacked = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or unpacked > MAX_UNZIPPED_BYTES:
        raise IntakeError(
            f"{name}: 압축을 푼 크기가 너무 큽니다({unpacked:,}바이트, 최대 "
            f"{MAX_UNZIPPED_BYTES:,}바이트). 사진을 빼고 다시 저장해 주세요.",
            f"{name}: it unpacks too large ({unpacked:,} bytes, at most "
            f"{MAX_UNZIPPED_BYTES:,}); save it again without the photos.")
    return archive


def _unreadable(name: str, label: str, exc: BaseException) -> IntakeError:
    detail = type(exc).__name__
    return IntakeError(
        f"{name}: {label} 파일을 읽을 수 없습니다(내용이 손상되었거나 {label} 문서가 아님: "
        f"{detail}). 원본 프로그램에서 {label} 형식으로 다시 저장해 주세요.",
        f"{name}: the {label} file cannot be read (damaged, or not a {label} document: "
        f"{detail}); save it again as {label} in the program that made it.")


# --- per format -------------------------------------------------------------------------------

def _split_cells(place: Place, text: str) -> Block:
    cells = tuple(c.strip() for c in text.split("\t")) if "\t" in text else ()
    return Block(place, text, cells)


def _text_blocks(text: str, markdown: bool) -> tuple[Block, ...]:
    blocks = []
    for number, line in enumerate(text.splitlines(), start=1):
        if markdown:  # bold markers are markup, not words (a name written **홍길동**)
            line = line.replace("**", "").replace("__", "")
        if line.strip():
            blocks.append(_split_cells(Place("line", number), line))
    return tuple(blocks)


def _docx_blocks(data: bytes, name: str) -> tuple[Block, ...]:
    _check_zip(data, name, "DOCX")
    try:
        from docx import Document as open_docx
        from docx.table import Table

        document = open_docx(io.BytesIO(data))
        blocks: list[Block] = []
        paragraph = table_no = 0
        for item in document.iter_inner_content():
            if isinstance(item, Table):
                table_no += 1
                blocks.extend(_docx_rows(item, table_no))
                continue
            paragraph += 1
            if item.text.strip():
                blocks.append(_split_cells(Place("paragraph", paragraph), item.text))
    except IntakeError:
        raise
    except Exception as exc:  # any parser error of a malformed file becomes a clear message
        raise _unreadable(name, "DOCX", exc) from None
    return tuple(blocks)


def _docx_rows(table, table_no: int) -> list[Block]:
    """Return a Word table's rows; a merged cell's text is kept in its first grid cell only, so a
    speaker cell merged down over several rows leaves the later rows' speaker blank."""
    rows: list[Block] = []
    above: list[object] = []
    for number, row in enumerate(table.rows, start=1):
        # python-docx repeats a merged cell for every grid column and row it spans; `_tc` (the
        # cell's XML element) is the same object each time, which is how repeats are told apart.
        elements = [cell._tc for cell in row.cells]
        cells = []
        for i, (cell, element) in enumerate(zip(row.cells, elements, strict=True)):
            repeated = (i and elements[i - 1] is element) or (
                i < len(above) and above[i] is element)
            cells.append("" if repeated else cell.text.strip())
        above = elements
        if any(cells):
            rows.append(Block(Place("row", number, table_no), "\t".join(cells).strip(),
                              tuple(cells)))
    return rows


def _hwpx_blocks(data: bytes, name: str) -> tuple[Block, ...]:
    _check_zip(data, name, "HWPX")
    try:
        from hwpx import HwpxDocument

        document = HwpxDocument.open(data)
        try:
            # The text 한글 saves as .txt: paragraphs and table rows (cells tab-separated) in
            # order, numbered and bulleted paragraphs starting with their label (1., 가., ○).
            text = document.text.plain(list_labels=True)
        finally:
            document.close()
    except Exception as exc:  # any parser error of a malformed file becomes a clear message
        raise _unreadable(name, "HWPX", exc) from None
    return tuple(_split_cells(Place("paragraph", number), line)
                 for number, line in enumerate(text.split("\n"), start=1) if line.strip())


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def _rows_to_blocks(rows: list[tuple[int, tuple[str, ...]]]) -> tuple[Block, ...]:
    return tuple(Block(Place("row", number), "\t".join(cells).strip(), cells)
                 for number, cells in rows if any(cells))


def _header_index(blocks: tuple[Block, ...], columns: Columns) -> int | None:
    for i, block in enumerate(blocks[:HEADER_SEARCH_ROWS]):
        if match_header(block.cells, columns) is not None:
            return i
    return None


def _xlsx_document(data: bytes, name: str, columns: Columns) -> Document:
    _check_zip(data, name, "XLSX")
    sheets: list[tuple[str, tuple[Block, ...]]] = []
    try:
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            for sheet in workbook.worksheets:
                rows = [(number, tuple(_cell_text(v) for v in values))
                        for number, values in enumerate(sheet.iter_rows(values_only=True), 1)]
                sheets.append((sheet.title, _rows_to_blocks(rows)))
        finally:
            workbook.close()
    except Exception as exc:  # any parser error of a malformed file becomes a clear message
        raise _unreadable(name, "XLSX", exc) from None
    for title, blocks in sheets:
        if _header_index(blocks, columns) is not None:
            return Document(name, "table", blocks, columns, title)
    first = next((blocks for _, blocks in sheets if blocks), ())
    if not first:
        raise _empty(name)
    raise _err_header(name, first[0].cells, columns)


def _csv_document(data: bytes, name: str, columns: Columns) -> Document:
    text = decode_text(data, name)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",\t;", key=first_line.count)
    rows: list[tuple[int, tuple[str, ...]]] = []
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    line = 1
    try:
        for record in reader:
            rows.append((line, tuple(c.strip() for c in record)))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise IntakeError(
            f"{name}: {line}행의 따옴표가 짝이 맞지 않아 CSV를 읽을 수 없습니다.",
            f"{name}: the CSV cannot be read: unbalanced quotes on row {line} ({exc}).") from None
    blocks = _rows_to_blocks(rows)
    if not blocks:
        raise _empty(name)
    if _header_index(blocks, columns) is None:
        raise _err_header(name, blocks[0].cells, columns)
    return Document(name, "table", blocks, columns)


def _empty(name: str) -> IntakeError:
    return IntakeError(f"{name}: 파일이 비어 있습니다(읽을 글이 없음).",
                       f"{name}: the file is empty (no text to read).")


def _refuse_legacy(name: str, suffix: str) -> IntakeError:
    if suffix == ".hwp":
        return IntakeError(
            f"{name}: 한글 97~2014 형식(.hwp) 파일은 읽을 수 없습니다. 한글에서 [파일] → "
            "[다른 이름으로 저장]을 누르고 '파일 형식'을 'HWPX 문서(*.hwpx)'로 골라 저장한 뒤, "
            "그 .hwpx 파일을 가져와 주세요.",
            f"{name}: legacy HWP files (.hwp) cannot be read. In Hangul (한글) choose File → "
            "Save As (다른 이름으로 저장), set the file type to 'HWPX 문서 (*.hwpx)', save, and "
            "import that .hwpx file.")
    if suffix == ".doc":
        return IntakeError(
            f"{name}: Word 97-2003 형식(.doc)은 읽을 수 없습니다. Word에서 [다른 이름으로 저장] → "
            "'Word 문서(*.docx)'로 저장한 뒤 가져와 주세요.",
            f"{name}: Word 97-2003 files (.doc) cannot be read; in Word use Save As → "
            "'Word Document (*.docx)' and import that file.")
    return IntakeError(
        f"{name}: Excel 97-2003 형식(.xls)은 읽을 수 없습니다. Excel에서 [다른 이름으로 저장] → "
        "'Excel 통합 문서(*.xlsx)'로 저장한 뒤 가져와 주세요.",
        f"{name}: Excel 97-2003 files (.xls) cannot be read; in Excel use Save As → "
        "'Excel Workbook (*.xlsx)' and import that file.")


_LEGACY_OF = {".hwpx": ".hwp", ".docx": ".doc", ".xlsx": ".xls", ".xlsm": ".xls"}


def read_document(source: str | Path | bytes, filename: str | None = None,
                  columns: Columns = Columns()) -> Document:
    """Read a minutes file (a path, or uploaded bytes with their `filename`) into a Document.

    `columns` names a table's header cells when they are not the usual ones. Raises
    IntakeError (Korean and English) for anything that cannot be read."""
    if isinstance(source, bytes | bytearray):
        if not filename:
            raise IntakeError("파일 이름이 없습니다(확장자로 형식을 정합니다).",
                              "no file name given (the extension decides the format).")
        name = Path(filename).name
        if len(source) > MAX_FILE_BYTES:
            raise _too_large(name, len(source))
        data = bytes(source)
    else:
        path = Path(source)
        name = Path(filename).name if filename else path.name
        data = None
    suffix = Path(name).suffix.lower()
    if suffix in (".hwp", ".doc", ".xls"):
        raise _refuse_legacy(name, suffix)
    if suffix not in (*TEXT_SUFFIXES, ".docx", ".hwpx", ".xlsx", ".xlsm", ".csv"):
        shown = suffix or "(확장자 없음 / no extension)"
        raise IntakeError(
            f"{name}: '{shown}' 형식은 읽을 수 없습니다. 읽는 형식: {ACCEPTED_LABEL}.",
            f"{name}: '{shown}' files cannot be read; accepted: {ACCEPTED_LABEL}.")
    if data is None:
        data = _read_path(path)
    if not data.strip():
        raise _empty(name)
    if data.startswith(_OLE2_MAGIC) and suffix in _LEGACY_OF:
        raise _refuse_legacy(name, _LEGACY_OF[suffix])
    if suffix in TEXT_SUFFIXES:
        document = Document(name, "text", _text_blocks(decode_text(data, name), suffix != ".txt"))
    elif suffix == ".docx":
        document = Document(name, "docx", _docx_blocks(data, name))
    elif suffix == ".hwpx":
        document = Document(name, "hwpx", _hwpx_blocks(data, name))
    elif suffix == ".csv":
        return _csv_document(data, name, columns)
    else:
        return _xlsx_document(data, name, columns)
    if not document.blocks:
        raise _empty(name)
    return Document(document.filename, document.kind, document.blocks, columns)

"""Writing an import plan as a new, complete data folder next to the base, which stays as it is.

The base's files are copied byte for byte; the new remarks are appended to remarks.csv after
the existing bytes, in the same encoding, newline and column order; meetings.csv is appended
to (or created with the base's meetings first, their coding as it was) with the new meeting
marked 진행중; an `untyped` row is appended to org_types.csv when a speaker needs it. The
folder is then validated with the loader; on any failure everything written is removed.

Only when the base's remarks.csv has no `meeting` column (or its meetings.csv no `coding`
column, or no column for a value the new meeting has) is that file rewritten with the column
added, since a row cannot name its meeting otherwise; cells keep their values.
"""

from __future__ import annotations

import contextlib
import csv
import io
import shutil
from pathlib import Path

from se_dashboard.data import csvfile
from se_dashboard.data.contract import (
    DEFAULT_MEETING,
    MEETINGS,
    ORG_TYPES,
    REMARKS,
    UNTYPED_LABEL_EN,
    UNTYPED_LABEL_KO,
    UNTYPED_ORG_TYPE,
)
from se_dashboard.data.loader import MEETING_COLUMNS, fingerprint, load
from se_dashboard.data.problems import DataError
from se_dashboard.data.versions import META
from se_dashboard.intake.documents import IntakeError
from se_dashboard.intake.plan import UNTYPED_DESCRIPTION_EN, UNTYPED_DESCRIPTION_KO, ImportPlan


def _csv_text(rows: list[list[str]], newline: str) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=newline).writerows(rows)
    return buffer.getvalue()


def _encode(text: str, encoding: str, filename: str) -> bytes:
    """Return `text` in a file's encoding (a BOM only where a file starts, so not here)."""
    try:
        return text.encode("utf-8" if encoding == "utf-8-sig" else encoding)
    except UnicodeEncodeError as exc:
        bad = text[exc.start:exc.end]
        raise IntakeError(
            f"{filename}은(는) CP949로 저장되어 있어 '{bad}' 글자를 쓸 수 없습니다. 기존 데이터 "
            "폴더의 CSV 파일을 UTF-8로 저장한 뒤 다시 가져와 주세요.",
            f"{filename} is saved as CP949, which cannot hold the character '{bad}'; save the "
            "base folder's CSV files as UTF-8 and import again.") from None


def _new_file(rows: list[list[str]], encoding: str, newline: str, filename: str) -> bytes:
    bom = b"\xef\xbb\xbf" if encoding == "utf-8-sig" else b""
    return bom + _encode(_csv_text(rows, newline), encoding, filename)


class _Csv:
    """A contract file's bytes with its encoding, newline and header (lower-cased)."""

    def __init__(self, data: bytes, filename: str):
        self.data, self.filename = data, filename
        try:
            data.decode("utf-8")
            self.encoding = "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
        except UnicodeDecodeError:
            self.encoding = "cp949"
        first = data.find(b"\n")
        self.newline = "\r\n" if first > 0 and data[first - 1:first] == b"\r" else "\n"
        self.text = data.decode(self.encoding)
        header = next(csv.reader(io.StringIO(self.text)), [])
        self.header = [c.lstrip("\ufeff").strip().lower() for c in header]

    def records(self) -> list[list[str]]:
        """Return the data rows (blank lines left out)."""
        return [r for r in list(csv.reader(io.StringIO(self.text)))[1:]
                if any(c.strip() for c in r)]

    def appended(self, rows: list[dict[str, str]], needed: set[str]) -> bytes:
        """Return the file with `rows` (column -> value) added after the existing bytes; when
        the header lacks a needed column, the whole file rewritten with it added."""
        missing = [c for c in sorted(needed) if c not in self.header]
        if not missing:
            head = self.data if not self.data or self.data.endswith(b"\n") else (
                self.data + self.newline.encode())
            lines = _csv_text([[row.get(c, "") for c in self.header] for row in rows],
                              self.newline)
            return head + _encode(lines, self.encoding, self.filename)
        header = [*self.header, *missing]
        old = [r + [""] * (len(header) - len(r)) for r in self.records()]
        new = [[row.get(c, "") for c in header] for row in rows]
        return _new_file([header, *old, *new], self.encoding, self.newline, self.filename)


def _read(base: Path, filename: str) -> _Csv:
    data, problems = csvfile.read_bytes(base / filename, filename)
    if data is None:
        first = problems[0] if problems else None
        raise IntakeError(f"기존 데이터의 {filename}을(를) 읽을 수 없습니다: "
                          f"{first.ko if first else ''}",
                          f"the base's {filename} cannot be read: {first.en if first else ''}")
    try:
        return _Csv(bytes(data), filename)
    except (UnicodeDecodeError, csv.Error) as exc:
        raise IntakeError(f"기존 데이터의 {filename}을(를) 읽을 수 없습니다({exc}).",
                          f"the base's {filename} cannot be read ({exc}).") from None


def check_out(base: Path, out: Path) -> None:
    """Raise IntakeError unless `out` (resolved) is a new or empty folder outside `base`."""
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise IntakeError(
            f"{out}: 이미 있는 폴더(비어 있지 않음)이거나 파일입니다. 덮어쓰지 않습니다: 없는 "
            "폴더나 빈 폴더를 지정해 주세요.",
            f"{out}: already exists and is not an empty folder; nothing is overwritten: give "
            "a new or empty folder.")
    if out == base or base in out.parents:
        raise IntakeError(f"{out}: 기존 데이터 폴더 안에는 쓸 수 없습니다.",
                          f"{out}: cannot write inside the base data folder.")


def _meetings_bytes(base: Path, plan: ImportPlan, remarks: _Csv) -> bytes:
    new = dict(zip(MEETING_COLUMNS, (
        plan.meeting.meeting_id, plan.meeting.date, plan.meeting.title_ko,
        plan.meeting.title_en, plan.meeting.kind, plan.meeting.coding), strict=True))
    if (base / MEETINGS.filename).exists():
        needed = {"meeting_id", "title_ko", "title_en", "coding"} | {
            c for c in ("date", "kind") if new[c]}
        return _read(base, MEETINGS.filename).appended([new], needed)
    rows = [dict(zip(MEETING_COLUMNS, row, strict=True)) for row in plan.base_meetings]
    # Without meetings.csv a blank remarks.meeting means DEFAULT_MEETING; with it, the first
    # meeting listed: so DEFAULT_MEETING goes first if any base remark leaves it blank.
    column = remarks.header.index("meeting") if "meeting" in remarks.header else None
    if any(column is None or column >= len(r) or not r[column].strip()
           for r in remarks.records()):
        rows.sort(key=lambda row: row["meeting_id"] != DEFAULT_MEETING)
    table = [list(MEETING_COLUMNS), *([r[c] for c in MEETING_COLUMNS] for r in [*rows, new])]
    return _new_file(table, remarks.encoding, remarks.newline, MEETINGS.filename)


def _untyped_bytes(base: Path) -> bytes | None:
    org_types = _read(base, ORG_TYPES.filename)
    if "org_type" in org_types.header:
        column = org_types.header.index("org_type")
        if any(len(r) > column and r[column].strip() == UNTYPED_ORG_TYPE
               for r in org_types.records()):
            return None
    row = {"org_type": UNTYPED_ORG_TYPE, "label_ko": UNTYPED_LABEL_KO,
           "label_en": UNTYPED_LABEL_EN, "description_ko": UNTYPED_DESCRIPTION_KO,
           "description_en": UNTYPED_DESCRIPTION_EN, "description": UNTYPED_DESCRIPTION_KO}
    return org_types.appended([row], {"org_type", "label_ko", "label_en"})


def _write(out: Path, base: Path, plan: ImportPlan) -> None:
    for entry in sorted(base.iterdir()):
        # the versions module's metadata belongs to a version, not to the data
        if entry.name == META or entry.name.startswith(".") or not entry.is_file():
            continue
        shutil.copyfile(entry, out / entry.name)
    remarks = _read(base, REMARKS.filename)
    (out / REMARKS.filename).write_bytes(remarks.appended(plan.rows(), {"meeting"}))
    (out / MEETINGS.filename).write_bytes(_meetings_bytes(base, plan, remarks))
    if plan.needs_untyped and (untyped := _untyped_bytes(base)) is not None:
        (out / ORG_TYPES.filename).write_bytes(untyped)


def write_folder(base_folder: str | Path, plan: ImportPlan, out: str | Path) -> Path:
    """Write the base folder plus the plan's meeting into `out` (a new or empty folder), check
    it with the loader and return it resolved. Never touches the base folder. Raises
    IntakeError (after removing everything it wrote) if `out` is not new or empty, the base
    changed since the plan was made, or the result does not validate."""
    base = Path(base_folder).expanduser().resolve()
    out = Path(out).expanduser().resolve()
    check_out(base, out)
    if fingerprint(base) != plan.base_fingerprint:
        raise IntakeError(
            "기존 데이터 폴더가 가져오기를 준비한 뒤에 바뀌었습니다. 파일을 다시 읽어 주세요.",
            "the base data folder changed after the import was prepared; read the file again.")
    top = out  # the outermost folder this call creates, removed on failure
    while not top.parent.exists():
        top = top.parent
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
        _write(out, base, plan)
        dataset = load(out)
        written = int((dataset.remarks["meeting"] == plan.meeting.meeting_id).sum())
        if written != plan.n_excerpts:
            raise IntakeError(
                f"새 폴더의 '{plan.meeting.meeting_id}' 발언이 {written}개로, 계획한 "
                f"{plan.n_excerpts}개와 다릅니다.",
                f"the new folder has {written} remarks of '{plan.meeting.meeting_id}', not the "
                f"{plan.n_excerpts} planned.")
    except BaseException as exc:
        _remove(top if created else out, keep_folder=not created)
        if isinstance(exc, DataError):
            raise IntakeError(
                "새 데이터 폴더가 검증을 통과하지 못해 지웠습니다:\n" + exc.report(),
                "the new data folder did not validate and was removed:\n" + exc.report()
            ) from exc
        if isinstance(exc, OSError):
            raise IntakeError(f"{out}: 쓸 수 없습니다({exc}).",
                              f"{out}: cannot be written ({exc}).") from exc
        raise
    return out


def _remove(folder: Path, keep_folder: bool) -> None:
    """Remove what was written: the folder itself, or (an empty folder given) its content."""
    if not keep_folder:
        shutil.rmtree(folder, ignore_errors=True)
        return
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()

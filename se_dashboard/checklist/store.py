"""The persistent checklist store: for each recommendation its status, the plan section where it
is reflected, the responsible unit, a response note and the reason for the decision (처리 사유),
kept in an embedded SQLite file with an audit history and named snapshots.

Safe for several editors at once: every operation opens its own connection (so one `Store` may be
shared by threads and processes), the file is in WAL mode with a busy timeout, each write runs in
one `BEGIN IMMEDIATE` transaction, and every row carries a version: a save based on an outdated
view is refused with `StaleEditError` instead of overwriting someone else's edit. Values only ever
reach SQLite as query parameters. The data folder's CSV files are never written.

Opening is defensive: the file is inspected read-only first and only a file of ours (our
`application_id`, or an unstamped file with our tables at schema version 1) or an empty one is
ever written to; a file that cannot be written is opened read-only (`read_only` says why), and
anything else raises `StateError` without touching the file. A writable file of an older schema
of ours is migrated in place, in one transaction, when it is opened; a read-only one is read as it
is (fields it lacks read as blank).
"""

from __future__ import annotations

import contextlib
import numbers
import os
import sqlite3
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from se_dashboard.data.contract import STATUSES

STATE_ENV = "SE_DASHBOARD_STATE"
DEFAULT_STATE = Path(__file__).resolve().parents[2] / "state" / "checklist.sqlite"
EDITABLE_FIELDS = ("status", "plan_section", "responsible_unit", "response_note", "reason")
MAX_TEXT = 5000  # characters per text field (values, editor names, notes, snapshot names)
BUSY_TIMEOUT_S = 10.0
SEED_EDITOR = "data"
SEED_NOTE = "seeded from recommendations.csv"
FIELD_KO = {"status": "상태", "plan_section": "반영 위치", "responsible_unit": "담당 부서",
            "response_note": "조치 내용", "reason": "처리 사유"}
FIELD_EN = {"status": "status", "plan_section": "plan section",
            "responsible_unit": "responsible unit", "response_note": "response note",
            "reason": "reason"}
REFLECTED_STATUSES = ("반영", "부분반영")
OPEN_STATUSES = ("검토중", "미반영")
# How a status moved between two snapshots (change_kind).
CHANGES = ("newly_reflected", "decided_not", "reopened", "regressed", "unchanged", "added",
           "removed")

CHECKLIST_COLUMNS = ("rec_id", *EDITABLE_FIELDS, "version", "orphaned", "updated_at",
                     "updated_by")
HISTORY_COLUMNS = ("at", "editor", "rec_id", "field", "old", "new", "note", "version")
SNAPSHOTS_COLUMNS = ("snapshot_id", "name", "taken_at", "editor", "n_items")
COMPARE_COLUMNS = ("rec_id", "status_before", "status_after", "reason_after", "change")

SCHEMA_VERSION = 2  # 1: without `reason`; migrated in place on opening
APPLICATION_ID = 0x53454431  # "SED1": marks an SQLite file as this dashboard's checklist
_TABLES = frozenset({"items", "audit", "snapshots", "snapshot_items"})
# Why a state file cannot be used at all (StateError.kind).
StateFault = Literal["directory", "not_file", "unreachable", "cannot_create", "unreadable",
                     "not_sqlite", "foreign", "newer", "cannot_init", "read_only", "failed"]
# Why a usable state file is opened read-only (Store.read_only): "" when it is writable.
ReadOnly = Literal["", "file", "folder"]
_SCHEMA = (
    """CREATE TABLE IF NOT EXISTS items (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        rec_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        plan_section TEXT NOT NULL DEFAULT '',
        responsible_unit TEXT NOT NULL DEFAULT '',
        response_note TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS audit (
        audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        editor TEXT NOT NULL,
        rec_id TEXT NOT NULL REFERENCES items (rec_id),
        field TEXT NOT NULL,
        old TEXT NOT NULL,
        new TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL)""",
    "CREATE INDEX IF NOT EXISTS audit_by_rec ON audit (rec_id, audit_id)",
    """CREATE TABLE IF NOT EXISTS snapshots (
        snapshot_id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        taken_at TEXT NOT NULL,
        editor TEXT NOT NULL)""",
    """CREATE TABLE IF NOT EXISTS snapshot_items (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (snapshot_id),
        rec_id TEXT NOT NULL REFERENCES items (rec_id),
        status TEXT NOT NULL,
        plan_section TEXT NOT NULL,
        responsible_unit TEXT NOT NULL,
        response_note TEXT NOT NULL,
        version INTEGER NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (snapshot_id, rec_id))""",
)
# Columns added since schema version 1: (table, column definition), added by _migrate.
_ADDED_COLUMNS = (("items", "reason TEXT NOT NULL DEFAULT ''"),
                  ("snapshot_items", "reason TEXT NOT NULL DEFAULT ''"))
_ITEM_FIELDS = ", ".join(EDITABLE_FIELDS)
_ITEM_ASSIGN = ", ".join(f"{f} = ?" for f in EDITABLE_FIELDS)
_INSERT_AUDIT = ("INSERT INTO audit (at, editor, rec_id, field, old, new, note, version) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
_SELECT_HISTORY = "SELECT at, editor, rec_id, field, old, new, note, version FROM audit"


def state_path(path: str | Path | None = None) -> Path:
    """Return the store file: the argument, else $SE_DASHBOARD_STATE, else DEFAULT_STATE."""
    chosen = path or os.environ.get(STATE_ENV) or DEFAULT_STATE
    return Path(chosen).expanduser().resolve()


def now_utc() -> str:
    """Return the current UTC time as ISO 8601 to the second, e.g. '2025-05-01T09:30:00+00:00'."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def change_kind(before: str | None, after: str | None) -> str:
    """Return how a recommendation's status moved between two snapshots (one of CHANGES):
    - "added" / "removed": only in the later / only in the earlier snapshot (None elsewhere);
    - "unchanged": the same status in both;
    - "newly_reflected": now 반영 or 부분반영 and higher than before (open -> reflected, or
      부분반영 -> 반영);
    - "regressed": reflected before and lower now (반영 -> 부분반영, reflected -> open);
    - "decided_not": 검토중 -> 미반영, a decision (with its reason), not a step back;
    - "reopened": 미반영 -> 검토중, taken up for review again.
    """
    if before is None:
        return "added"
    if after is None:
        return "removed"
    if after == before:
        return "unchanged"
    if after in REFLECTED_STATUSES and (before in OPEN_STATUSES or after == "반영"):
        return "newly_reflected"
    if before in REFLECTED_STATUSES:
        return "regressed"
    return "decided_not" if after == "미반영" else "reopened"


@dataclass(frozen=True)
class SyncReport:
    """What one sync did: rec_ids newly seeded, newly flagged orphaned, and un-flagged."""

    added: tuple[str, ...] = ()
    orphaned: tuple[str, ...] = ()
    restored: tuple[str, ...] = ()


@dataclass(frozen=True)
class Edit:
    """One row of a bulk edit: new values of some EDITABLE_FIELDS for the version the editor saw."""

    rec_id: str
    changes: Mapping[str, str]
    expected_version: int


class StateError(Exception):
    """The state file cannot be used: `kind` (a StateFault) says why, `path` names the file,
    `detail` is the system's message or the version found ('' when there is none)."""

    def __init__(self, kind: StateFault, path: Path, detail: str = ""):
        self.kind, self.path, self.detail = kind, path, detail
        super().__init__(f"{kind}: {path}" + (f" ({detail})" if detail else ""))


def can_write(path: Path) -> ReadOnly:
    """Return why the existing state file `path` cannot be written ("file" or "folder", whose
    journal files SQLite creates next to it), or "" when it can."""
    if not os.access(path, os.W_OK):
        return "file"
    if not os.access(path.parent, os.W_OK):
        return "folder"
    return ""


def file_signature(path: Path) -> tuple[object, ...]:
    """Return what identifies the state file and its permissions now (device, inode, mode and
    owner of the file and of its folder; None parts where missing): a change means the file was
    replaced, removed or re-permissioned and must be opened again."""
    parts: list[object] = []
    for target in (path, path.parent):
        try:
            info = target.stat()
        except OSError:
            parts.append(None)
        else:
            parts.append((info.st_dev, info.st_ino, info.st_mode, info.st_uid, info.st_gid))
    return tuple(parts)


def _uri(path: Path, mode: str) -> str:
    """Return an SQLite URI of `path` with a mode (ro, rw, rwc; `ro&immutable=1`)."""
    return f"{Path(os.path.abspath(path)).as_uri()}?mode={mode}"


def _detail(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc)


class EditError(ValueError):
    """An edit the store refuses as invalid; `ko` and `en` say why."""

    def __init__(self, ko: str, en: str):
        self.ko, self.en = ko, en
        super().__init__(f"{ko} / {en}")


class StaleEditError(Exception):
    """An edit based on an outdated version: someone saved the row in between.

    `rec_id` and `expected_version` are the (first) stale edit's, `current` is that row now (as
    in checklist()), `stale` lists every stale rec_id of the batch; `ko` and `en` show the
    current values.
    """

    def __init__(self, rec_id: str, expected_version: int, current: Mapping[str, Any],
                 stale: Sequence[str] = ()):
        self.rec_id, self.expected_version = rec_id, expected_version
        self.current = dict(current)
        self.stale = tuple(stale) or (rec_id,)
        values_ko = ", ".join(f"{FIELD_KO[f]} '{_short(current[f])}'" for f in EDITABLE_FIELDS)
        values_en = ", ".join(f"{FIELD_EN[f]} '{_short(current[f])}'" for f in EDITABLE_FIELDS)
        by, at, version = current["updated_by"], current["updated_at"], current["version"]
        self.ko = (f"'{rec_id}' 항목은 그사이 '{by}'님이 저장했습니다({at}, 불러온 버전 "
                   f"{expected_version}, 현재 버전 {version}). 현재 값: {values_ko}. "
                   "저장하지 않았습니다. 새로 불러온 뒤 다시 저장해 주세요.")
        self.en = (f"'{rec_id}' was saved by '{by}' in the meantime ({at}; you loaded version "
                   f"{expected_version}, it is now version {version}). Current values: "
                   f"{values_en}. Nothing was saved; reload and save again.")
        if len(self.stale) > 1:
            listed = ", ".join(self.stale)
            self.ko += f" 충돌한 항목: {listed}."
            self.en += f" Stale items: {listed}."
        super().__init__(f"{self.ko} / {self.en}")


def _short(value: object, limit: int = 80) -> str:
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _check_text(value: object, ko: str, en: str) -> str:
    """Return `value` if it is text that SQLite can store within MAX_TEXT characters."""
    if not isinstance(value, str):
        raise EditError(f"{ko}은(는) 글자여야 합니다({type(value).__name__}).",
                        f"the {en} must be text, not {type(value).__name__}.")
    if len(value) > MAX_TEXT:
        raise EditError(f"{ko}이(가) 너무 깁니다({len(value):,}자, 최대 {MAX_TEXT:,}자).",
                        f"the {en} is too long ({len(value):,} characters; at most "
                        f"{MAX_TEXT:,}).")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        raise EditError(f"{ko}에 저장할 수 없는 문자가 있습니다.",
                        f"the {en} holds a character that cannot be stored.") from err
    return value


def _check_editor(editor: object) -> str:
    """Return the editor name, stripped; refuse a blank one."""
    name = _check_text(editor, "편집자 이름", "editor name").strip()
    if not name:
        raise EditError("편집자 이름이 비어 있습니다.", "the editor name is empty.")
    return name


def _check_name(name: object) -> str:
    """Return a snapshot name, stripped; refuse a blank one."""
    name = _check_text(name, "스냅숏 이름", "snapshot name").strip()
    if not name:
        raise EditError("스냅숏 이름이 비어 있습니다.", "the snapshot name is empty.")
    return name


def _check_edit(edit: Edit) -> None:
    """Refuse an edit with a bad rec_id, version, field or value (EditError)."""
    rec_id = edit.rec_id
    if not isinstance(rec_id, str) or not rec_id.strip():
        raise EditError("권고 ID가 비어 있습니다.", "the recommendation id is empty.")
    version = edit.expected_version
    if isinstance(version, bool) or not isinstance(version, numbers.Integral):
        raise EditError(f"'{rec_id}'의 버전이 정수가 아닙니다: {version!r}.",
                        f"the version of '{rec_id}' is not an integer: {version!r}.")
    if not isinstance(edit.changes, Mapping):
        raise EditError(f"'{rec_id}'의 변경 내용은 필드 이름과 값의 짝이어야 합니다.",
                        f"the changes of '{rec_id}' must map field names to values.")
    for field, value in edit.changes.items():
        if field not in EDITABLE_FIELDS:
            allowed = "', '".join(EDITABLE_FIELDS)
            raise EditError(f"'{rec_id}': 고칠 수 없는 필드 '{field}' (허용: '{allowed}').",
                            f"'{rec_id}': unknown field '{field}' (allowed: '{allowed}').")
        _check_text(value, f"'{rec_id}'의 {FIELD_KO[field]}", f"{FIELD_EN[field]} of '{rec_id}'")
        if field == "status" and value not in STATUSES:
            shown = "', '".join(STATUSES)
            raise EditError(f"'{rec_id}': 알 수 없는 상태 '{value}' (허용: '{shown}').",
                            f"'{rec_id}': unknown status '{value}' (allowed: '{shown}').")


def _frame(rows: Sequence[Sequence[Any]], columns: Sequence[str],
           dtypes: Mapping[str, str]) -> pd.DataFrame:
    """Return the rows as a DataFrame: text columns as str, the others as `dtypes` says."""
    frame = pd.DataFrame.from_records(list(rows), columns=list(columns))
    return frame.astype({c: dtypes.get(c, "str") for c in columns})


def _row(values: Sequence[Any]) -> dict[str, Any]:
    row = dict(zip(CHECKLIST_COLUMNS, values, strict=True))
    row["orphaned"] = bool(row["orphaned"])
    return row


def needs_sync(state: pd.DataFrame, recommendations: pd.DataFrame) -> bool:
    """Return whether `Store.sync` would change anything: a recommendation of the data missing
    from the state (as from checklist()), or an orphaned flag that no longer holds."""
    wanted = set(recommendations["rec_id"].astype(str))
    if state.empty:
        return bool(wanted)
    present = state["rec_id"].isin(wanted)
    return bool(wanted - set(state["rec_id"]) or (present == state["orphaned"]).any())


class Store:
    """The checklist store in one SQLite file; holds only its path and, for a file it cannot
    write, why it is read-only."""

    __slots__ = ("_mode", "_version", "path", "read_only")

    def __init__(self, path: str | Path):
        """Open the store at `path`, creating its folder, file and schema when missing.

        Raises StateError (the file untouched) for a folder, a non-regular or unreadable file,
        a file that is not SQLite, another application's database or a newer schema; a file
        that cannot be written is opened read-only (`read_only` is then "file" or "folder")."""
        self.path = Path(path)
        self.read_only: ReadOnly = ""
        self._mode = "rw"
        self._version = SCHEMA_VERSION
        try:
            info = self.path.stat()
        except FileNotFoundError:
            self._create()
            return
        except OSError as exc:  # e.g. a component of the path is a file
            raise StateError("unreachable", self.path, _detail(exc)) from exc
        if stat.S_ISDIR(info.st_mode):
            raise StateError("directory", self.path)
        if not stat.S_ISREG(info.st_mode):
            raise StateError("not_file", self.path)
        if not os.access(self.path, os.R_OK):
            raise StateError("unreadable", self.path)
        self.read_only = can_write(self.path)
        if self.read_only:
            self._mode = "ro"
        self._adopt()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"

    def _create(self) -> None:
        """Create the folder and a new database with the schema."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StateError("cannot_create", self.path, _detail(exc)) from exc
        if not os.access(self.path.parent, os.W_OK):
            raise StateError("cannot_create", self.path, "folder is not writable")
        try:
            with contextlib.closing(sqlite3.connect(_uri(self.path, "rwc"), uri=True)):
                pass
        except sqlite3.Error as exc:
            raise StateError("cannot_create", self.path, _detail(exc)) from exc
        self._adopt()

    def _inspect(self) -> tuple[int, int, set[str], int]:
        """Return application_id, user_version, table names and the number of schema objects,
        read without writing (read-only, else immutable when the folder is read-only)."""
        for mode in ("ro", "ro&immutable=1"):
            try:
                with contextlib.closing(sqlite3.connect(_uri(self.path, mode), uri=True)) as conn:
                    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
                    version = conn.execute("PRAGMA user_version").fetchone()[0]
                    names = conn.execute("SELECT type, name FROM sqlite_master").fetchall()
            except sqlite3.Error as exc:
                if getattr(exc, "sqlite_errorname", "") in ("SQLITE_NOTADB", "SQLITE_CORRUPT"):
                    raise StateError("not_sqlite", self.path, _detail(exc)) from exc
                if mode == "ro" and self.read_only:
                    continue  # a WAL file in a read-only folder: read it as immutable
                raise StateError("unreadable", self.path, _detail(exc)) from exc
            if mode != "ro":
                self._mode = mode
            tables = {name for kind, name in names if kind == "table"}
            return int(app_id), int(version), tables, len(names)
        raise AssertionError("unreachable")  # pragma: no cover

    def _adopt(self) -> None:
        """Recognise our schema, initialise an empty database, stamp an unstamped one of ours and
        migrate an older one of ours; refuse anything else without writing to it. A read-only
        file of ours at an older schema is read as it is."""
        app_id, version, tables, n_objects = self._inspect()
        complete = tables >= _TABLES
        ours = app_id == APPLICATION_ID or (app_id == 0 and complete and version >= 1)
        if not ours and (app_id != 0 or version != 0 or n_objects):
            raise StateError("foreign", self.path)  # not ours, and not an empty database
        if version > SCHEMA_VERSION:
            raise StateError("newer", self.path, str(version))
        if app_id == APPLICATION_ID and version == SCHEMA_VERSION and complete:
            if not self.read_only:
                self._wal()
            return
        if self.read_only:
            if ours and complete:
                self._version = version  # an unstamped or older file of ours: read as it is
                return
            raise StateError("cannot_init", self.path, self.read_only)
        self._wal()
        with self._write() as conn:
            self._migrate(conn)

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Bring the database to SCHEMA_VERSION inside the caller's transaction: create what is
        missing, add the columns newer versions have, stamp our id and version. Values, audit
        rows and versions are untouched; a rollback leaves the file as it was."""
        found = conn.execute("PRAGMA user_version").fetchone()[0]
        if found > SCHEMA_VERSION:  # another process moved on in between
            raise StateError("newer", self.path, str(found))
        for statement in _SCHEMA:
            conn.execute(statement)
        for table, definition in _ADDED_COLUMNS:
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
            if definition.split()[0] not in columns:
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {definition}")
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _select_items(self) -> str:
        """Return the SELECT of CHECKLIST_COLUMNS from items (without WHERE or ORDER BY)."""
        return (f"SELECT rec_id, {self._fields()}, version, orphaned, updated_at, updated_by "
                "FROM items")

    def _fields(self, prefix: str = "") -> str:
        """Return the EDITABLE_FIELDS as a select list (a field an older, read-only file lacks
        reads as '')."""
        return ", ".join(f"{prefix}{f}" if f != "reason" or self._version >= 2 else "'' AS reason"
                         for f in EDITABLE_FIELDS)

    def _wal(self) -> None:
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode = WAL")

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """Yield a fresh connection in autocommit mode, closed afterwards. It never creates the
        file (a state file deleted meanwhile is an error, not a new empty database)."""
        conn = sqlite3.connect(_uri(self.path, self._mode), uri=True, timeout=BUSY_TIMEOUT_S,
                               isolation_level=None)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            yield conn
        finally:
            conn.close()

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """Yield a connection inside BEGIN IMMEDIATE; commit on success, else roll back.
        A read-only store refuses (StateError "read_only") before connecting."""
        if self.read_only:
            raise StateError("read_only", self.path, self.read_only)
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def sync(self, recommendations: pd.DataFrame) -> SyncReport:
        """Align the store with the recommendations (columns rec_id, status); return what changed.

        New rec_ids are seeded (status from the DataFrame, other fields blank, version 1, one
        audit row by SEED_EDITOR); rows missing from the DataFrame are kept and flagged orphaned;
        orphaned rows that are back are un-flagged. Edited values are never touched.
        """
        wanted: dict[str, str] = {}
        for rec_id, status in zip(recommendations["rec_id"].astype(str),
                                  recommendations["status"].astype(str), strict=True):
            if rec_id.strip() and rec_id not in wanted:
                if status not in STATUSES:
                    raise EditError(f"'{rec_id}': 알 수 없는 상태 '{status}'.",
                                    f"'{rec_id}': unknown status '{status}'.")
                wanted[rec_id] = status
        at = now_utc()
        with self._write() as conn:
            existing = dict(conn.execute("SELECT rec_id, orphaned FROM items ORDER BY seq"))
            added = [r for r in wanted if r not in existing]
            orphaned = [r for r, flag in existing.items() if not flag and r not in wanted]
            restored = [r for r, flag in existing.items() if flag and r in wanted]
            conn.executemany(
                "INSERT INTO items (rec_id, status, updated_at, updated_by) VALUES (?, ?, ?, ?)",
                [(r, wanted[r], at, SEED_EDITOR) for r in added])
            conn.executemany(_INSERT_AUDIT, [(at, SEED_EDITOR, r, "status", "", wanted[r],
                                              SEED_NOTE, 1) for r in added])
            conn.executemany("UPDATE items SET orphaned = 1 WHERE rec_id = ?",
                             [(r,) for r in orphaned])
            conn.executemany("UPDATE items SET orphaned = 0 WHERE rec_id = ?",
                             [(r,) for r in restored])
        return SyncReport(tuple(added), tuple(orphaned), tuple(restored))

    def checklist(self) -> pd.DataFrame:
        """Return every row (orphaned ones too) in the order rec_ids entered the store: rec_id,
        the EDITABLE_FIELDS, version (int), orphaned (bool), updated_at (ISO UTC), updated_by."""
        with self._connect() as conn:
            rows = conn.execute(self._select_items() + " ORDER BY seq").fetchall()
        return _frame(rows, CHECKLIST_COLUMNS, {"version": "int64", "orphaned": "bool"})

    def save(self, rec_id: str, changes: Mapping[str, str], expected_version: int, editor: str,
             note: str = "") -> int:
        """Save one row's changes if it is still at `expected_version`; return its new version.

        Only fields whose value differs are written, with one audit row each; when nothing
        differs nothing is written and the current version comes back. Raises EditError for an
        invalid edit and StaleEditError (nothing written) when the row has moved on.
        """
        return self.save_many([Edit(rec_id, changes, expected_version)], editor, note)[rec_id]

    def save_many(self, edits: Sequence[Edit], editor: str, note: str = "") -> dict[str, int]:
        """Save several rows in one transaction, all or nothing; return {rec_id: new version}.

        If any edit is stale, StaleEditError names the first one (and lists all) and nothing is
        written. A rec_id may appear once per batch.
        """
        editor = _check_editor(editor)
        note = _check_text(note, "메모", "note")
        seen: set[str] = set()
        for edit in edits:
            _check_edit(edit)
            if edit.rec_id in seen:
                raise EditError(f"'{edit.rec_id}'이(가) 한 번에 두 번 고쳐졌습니다.",
                                f"'{edit.rec_id}' is edited twice in one batch.")
            seen.add(edit.rec_id)
        at = now_utc()
        with self._write() as conn:
            rows: dict[str, dict[str, Any]] = {}
            for edit in edits:
                found = conn.execute(self._select_items() + " WHERE rec_id = ?",
                                     (edit.rec_id,)).fetchone()
                if found is None:
                    raise EditError(f"'{edit.rec_id}' 항목이 체크리스트에 없습니다.",
                                    f"'{edit.rec_id}' is not in the checklist.")
                rows[edit.rec_id] = _row(found)
            stale = [e for e in edits if rows[e.rec_id]["version"] != e.expected_version]
            if stale:
                first = stale[0]
                raise StaleEditError(first.rec_id, int(first.expected_version),
                                     rows[first.rec_id], [e.rec_id for e in stale])
            saved: dict[str, int] = {}
            for edit in edits:
                row = rows[edit.rec_id]
                changed = {f: v for f, v in edit.changes.items() if row[f] != v}
                if not changed:
                    saved[edit.rec_id] = row["version"]
                    continue
                version = row["version"] + 1
                new = {f: changed.get(f, row[f]) for f in EDITABLE_FIELDS}
                conn.execute(
                    f"UPDATE items SET {_ITEM_ASSIGN}, version = ?, updated_at = ?, "
                    "updated_by = ? WHERE rec_id = ? AND version = ?",
                    (*(new[f] for f in EDITABLE_FIELDS), version, at, editor, edit.rec_id,
                     row["version"]))
                conn.executemany(_INSERT_AUDIT, [
                    (at, editor, edit.rec_id, f, row[f], changed[f], note, version)
                    for f in EDITABLE_FIELDS if f in changed])
                saved[edit.rec_id] = version
        return saved

    def history(self, rec_id: str | None = None) -> pd.DataFrame:
        """Return the audit rows (of one rec_id, or all), newest first: at, editor, rec_id,
        field, old, new, note, version (the row's version after that save)."""
        with self._connect() as conn:
            if rec_id is None:
                rows = conn.execute(_SELECT_HISTORY + " ORDER BY audit_id DESC").fetchall()
            else:
                rows = conn.execute(_SELECT_HISTORY + " WHERE rec_id = ? ORDER BY audit_id DESC",
                                    (rec_id,)).fetchall()
        return _frame(rows, HISTORY_COLUMNS, {"version": "int64"})

    def take_snapshot(self, name: str, editor: str) -> int:
        """Record every non-orphaned row's editable fields under a new unique `name` (e.g.
        중간보고회); return the snapshot_id. EditError if the name is blank or taken."""
        name, editor = _check_name(name), _check_editor(editor)
        with self._write() as conn:
            if conn.execute("SELECT 1 FROM snapshots WHERE name = ?", (name,)).fetchone():
                raise EditError(f"스냅숏 이름 '{name}'은(는) 이미 있습니다.",
                                f"a snapshot named '{name}' already exists.")
            cursor = conn.execute(
                "INSERT INTO snapshots (name, taken_at, editor) VALUES (?, ?, ?)",
                (name, now_utc(), editor))
            snapshot_id = int(cursor.lastrowid or 0)
            conn.execute(
                f"INSERT INTO snapshot_items (snapshot_id, rec_id, {_ITEM_FIELDS}, version) "
                f"SELECT ?, rec_id, {_ITEM_FIELDS}, version FROM items "
                "WHERE orphaned = 0 ORDER BY seq", (snapshot_id,))
        return snapshot_id

    def snapshots(self) -> pd.DataFrame:
        """Return the snapshots, oldest first: snapshot_id, name, taken_at, editor, n_items."""
        with self._connect() as conn:
            rows = conn.execute(
                "SELECT s.snapshot_id, s.name, s.taken_at, s.editor, COUNT(i.rec_id) "
                "FROM snapshots AS s LEFT JOIN snapshot_items AS i USING (snapshot_id) "
                "GROUP BY s.snapshot_id ORDER BY s.snapshot_id").fetchall()
        return _frame(rows, SNAPSHOTS_COLUMNS, {"snapshot_id": "int64", "n_items": "int64"})

    def _snapshot_id(self, conn: sqlite3.Connection, name: str) -> int:
        name = _check_name(name)
        found = conn.execute("SELECT snapshot_id FROM snapshots WHERE name = ?",
                             (name,)).fetchone()
        if found is None:
            raise EditError(f"'{name}' 스냅숏이 없습니다.", f"there is no snapshot '{name}'.")
        return int(found[0])

    def snapshot(self, name: str) -> pd.DataFrame:
        """Return rec_id and the EDITABLE_FIELDS as they were when snapshot `name` was taken
        (EditError if there is no such snapshot)."""
        with self._connect() as conn:
            snapshot_id = self._snapshot_id(conn, name)
            rows = conn.execute(
                f"SELECT i.rec_id, {self._fields('i.')} FROM snapshot_items AS i "
                "JOIN items USING (rec_id) WHERE i.snapshot_id = ? ORDER BY items.seq",
                (snapshot_id,)).fetchall()
        return _frame(rows, ("rec_id", *EDITABLE_FIELDS), {})

    def compare(self, before: str, after: str) -> pd.DataFrame:
        """Return one row per rec_id in either snapshot: rec_id, status_before, status_after
        ('' where absent), reason_after (the reason recorded in `after`) and change, one of
        CHANGES as `change_kind` defines them (a status that stayed is "unchanged"; 검토중 ->
        미반영 is "decided_not", not a regression)."""
        reason = "a.reason" if self._version >= 2 else "''"
        with self._connect() as conn:
            before_id = self._snapshot_id(conn, before)
            after_id = self._snapshot_id(conn, after)
            rows = conn.execute(
                f"SELECT items.rec_id, b.status, a.status, {reason} FROM items "
                "LEFT JOIN snapshot_items AS b ON b.rec_id = items.rec_id AND b.snapshot_id = ? "
                "LEFT JOIN snapshot_items AS a ON a.rec_id = items.rec_id AND a.snapshot_id = ? "
                "WHERE b.rec_id IS NOT NULL OR a.rec_id IS NOT NULL ORDER BY items.seq",
                (before_id, after_id)).fetchall()
        table = [(rec_id, old or "", new or "", why or "", change_kind(old, new))
                 for rec_id, old, new, why in rows]
        return _frame(table, COMPARE_COLUMNS, {})

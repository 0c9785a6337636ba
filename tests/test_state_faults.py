"""A checklist state file that cannot be used never breaks a page: folders, random bytes, a
path below a file, a newer schema, another application's database, a FIFO, a read-only file or
folder (with real permissions, as an unprivileged user), and a file deleted while the app runs.
The store refuses or opens read-only without writing; every page renders, says what is wrong
with which file, and switches editing off."""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import ALL_PAGES, ROOT
from helpers_data import raw_sqlite as raw

from se_dashboard.checklist.store import APPLICATION_ID, SCHEMA_VERSION, StateError, Store
from se_dashboard.data.loader import Dataset
from se_dashboard.ui import checklist_edit

NOTICE = re.compile(r'<div class="sed-notice"[^>]*>(.) (.*?)</div>', re.S)
SYMBOLS = {"✓": "success", "✕": "error", "⚠": "warning", "ℹ": "info"}
NOBODY = 65534


def notices(at, kind: str | None = None) -> list[str]:
    found = [(SYMBOLS[m[1]], html.unescape(m[2])) for h in at.html
             for m in NOTICE.finditer(h.proto.body)]
    return [text for k, text in found if kind in (None, k)]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()




def seeded(path: Path, dataset: Dataset, saved: str = "반영") -> Path:
    """A state file seeded from the data, with the first recommendation saved as `saved`."""
    store = Store(path)
    store.sync(dataset.recommendations)
    first = dataset.recommendations["rec_id"].iat[0]
    store.save(first, {"status": saved}, 1, "홍길동")
    return path


def foreign_db(path: Path) -> Path:
    """Another application's database, with a table named like ours, in rollback mode."""
    with raw(path) as conn:
        conn.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO items (name) VALUES ('not yours')")
    return path


def make_fault(kind: str, path: Path, dataset: Dataset) -> Path:
    """Turn the state file `path` into one of the faults of the issue; return the path used."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "directory":
        path.mkdir()
    elif kind == "random_bytes":
        path.write_bytes(os.urandom(4096))
    elif kind == "below_a_file":
        path.parent.joinpath("plain.txt").write_text("a file, not a folder")
        path = path.parent / "plain.txt" / "checklist.sqlite"
    elif kind == "newer_schema":
        seeded(path, dataset)
        with raw(path) as conn:
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    elif kind == "foreign":
        foreign_db(path)
    elif kind == "fifo":
        os.mkfifo(path)
    return path


FAULTS = {"directory": "directory", "random_bytes": "not_sqlite",
          "below_a_file": "unreachable", "newer_schema": "newer", "foreign": "foreign",
          "fifo": "not_file"}


# --- the store ----------------------------------------------------------------------------

@pytest.mark.parametrize(("fault", "kind"), FAULTS.items())
def test_store_refuses_an_unusable_file_without_touching_it(fault, kind, tmp_path, dataset):
    path = make_fault(fault, tmp_path / "state" / "checklist.sqlite", dataset)
    before = digest(path) if path.is_file() else None
    with pytest.raises(StateError) as caught:
        Store(path)
    assert caught.value.kind == kind and caught.value.path == path
    if before is not None:
        assert digest(path) == before


def test_a_foreign_database_is_never_written(tmp_path):
    path = foreign_db(tmp_path / "other.sqlite")
    stamped = tmp_path / "stamped.sqlite"
    with raw(stamped) as conn:
        conn.execute("PRAGMA application_id = 1234")  # someone else's id, no tables
    for target in (path, stamped):
        before = digest(target)
        with pytest.raises(StateError, match="foreign"):
            Store(target)
        assert digest(target) == before
        with raw(target) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 0


def test_new_and_empty_files_get_our_schema_and_id(tmp_path, dataset):
    empty = tmp_path / "empty.sqlite"
    empty.touch()
    for path in (tmp_path / "new" / "checklist.sqlite", empty):
        Store(path).sync(dataset.recommendations)
        with raw(path) as conn:
            assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert len(Store(path).checklist()) == len(dataset.recommendations)


def test_an_unstamped_file_of_ours_is_accepted_and_stamped(tmp_path, dataset):
    path = seeded(tmp_path / "old.sqlite", dataset)
    with raw(path) as conn:  # as the first version wrote it: no application id
        conn.execute("PRAGMA application_id = 0")
    store = Store(path)
    with raw(path) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert store.checklist()["status"].iat[0] == "반영"


def test_a_deleted_file_is_not_recreated_empty_behind_our_back(tmp_path, dataset):
    path = seeded(tmp_path / "s.sqlite", dataset)
    store = Store(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    with pytest.raises(sqlite3.OperationalError):
        store.checklist()
    assert not path.exists()


CHILD = """
import json, sys
from pathlib import Path
from se_dashboard.checklist.store import StateError, Store
store = Store(Path(sys.argv[1]))
out = {"read_only": store.read_only,
       "statuses": store.checklist().set_index("rec_id")["status"].to_dict()}
try:
    store.save(sys.argv[2], {"status": "미반영"}, 2, "nobody")
except StateError as exc:
    out["save"] = exc.kind
print(json.dumps(out))
"""


def as_unprivileged(args: list[str]) -> dict:
    """Run CHILD as a user without write access (nobody, when the tests run as root)."""
    command = [sys.executable, "-c", CHILD, *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("setpriv is needed to drop root's privileges")
        command = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                   *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd="/",
                          env={**os.environ, "PYTHONPATH": str(ROOT)}, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.parametrize(("file_mode", "folder_mode", "why"), [
    (0o644, 0o777, "file"), (0o644, 0o755, "file"), (0o666, 0o755, "folder")])
def test_a_read_only_file_shows_its_saved_state_and_refuses_writes(file_mode, folder_mode, why,
                                                                   dataset):
    """Real permissions: a file or folder the user cannot write (its journal files live in the
    folder)."""
    folder = Path(tempfile.mkdtemp(prefix="se-ro-state-"))
    try:
        path = seeded(folder / "checklist.sqlite", dataset)
        first = dataset.recommendations["rec_id"].iat[0]
        path.chmod(file_mode)
        folder.chmod(folder_mode)
        before = digest(path)
        out = as_unprivileged([str(path), first])
        assert out["read_only"] == why
        assert out["statuses"][first] == "반영"  # the saved state, not the data's
        assert len(out["statuses"]) == len(dataset.recommendations)
        assert out["save"] == "read_only"
        assert digest(path) == before
    finally:
        folder.chmod(0o755)
        shutil.rmtree(folder, ignore_errors=True)


# --- the pages ----------------------------------------------------------------------------

@pytest.fixture
def local(monkeypatch):
    """A browser on this machine (AppTest sends no headers); no real passcode delay."""
    monkeypatch.setattr(checklist_edit, "request_headers", lambda: {"Host": "localhost"},
                        raising=False)
    monkeypatch.setattr(checklist_edit, "sleep", lambda s: None, raising=False)


@pytest.mark.parametrize("fault", FAULTS)
def test_every_page_renders_with_a_broken_state_file(fault, run_page, checklist_state,
                                                     dataset, monkeypatch, local):
    path = make_fault(fault, checklist_state, dataset)
    monkeypatch.setenv("SE_DASHBOARD_STATE", str(path))
    for page in ALL_PAGES:
        at = run_page(page, query={"slide": "2"})
        assert not at.exception, (page, [e.value for e in at.exception])
        if page == "slides":
            continue  # the presenting page draws no notices
        warnings = notices(at, "warning")
        assert any(str(path) in w for w in warnings), (page, warnings)
    # The checklist shows the data's statuses, with editing off.
    at = run_page("recs")
    assert not [w for w in at.text_input if w.key == "recs_editor_name"]
    assert not [s for s in at.selectbox if s.key and s.key.startswith("recs_form_")]
    assert [m.value for m in at.metric][1] == str(
        (dataset.recommendations["status"] == "반영").sum())


def test_a_read_only_state_file_shows_the_saved_state_with_editing_off(
        run_page, checklist_state, dataset, monkeypatch, local):
    seeded(checklist_state, dataset)
    # Root may write anywhere; the store asks can_write() whether this user may.
    monkeypatch.setattr("se_dashboard.checklist.store.can_write", lambda path: "file",
                        raising=False)
    before = digest(checklist_state)
    at = run_page("recs")
    assert not at.exception
    reflected = (dataset.recommendations["status"] == "반영").sum() + 1
    assert [m.value for m in at.metric][1] == str(reflected)  # the saved 반영, not the CSV's
    warning = " ".join(notices(at, "warning"))
    assert str(checklist_state) in warning and "읽기 전용" in warning
    assert not [w for w in at.text_input if w.key == "recs_editor_name"]
    assert digest(checklist_state) == before


def test_a_state_file_deleted_while_running_is_seeded_again(run_page, checklist_state,
                                                            dataset, local):
    checklist_state.parent.mkdir()  # the file is created in a folder that stays
    at = run_page("recs")
    assert not at.exception
    first = dataset.recommendations["rec_id"].iat[0]
    for _ in range(2):  # once after the file was created, once after it was seen existing
        at.run()
        Store(checklist_state).save(first, {"status": "반영"}, 1, "홍길동")
        for suffix in ("", "-wal", "-shm"):
            Path(f"{checklist_state}{suffix}").unlink(missing_ok=True)
        at.run()
        assert not at.exception
        assert not notices(at, "warning")
        state = Store(checklist_state).checklist()
        assert state["rec_id"].tolist() == dataset.recommendations["rec_id"].tolist()
        assert set(state["version"]) == {1}  # freshly seeded from the data
        assert [w for w in at.text_input if w.key == "recs_editor_name"]  # editing is back


def test_a_save_that_fails_for_a_system_reason_shows_a_message(run_page, checklist_state,
                                                               dataset, local):
    at = run_page("recs")
    at.text_input(key="recs_editor_name").set_value("홍길동").run()
    first = dataset.recommendations["rec_id"].iat[0]
    at.selectbox(key=f"recs_form_{first}_status").set_value("반영")
    # The file turns into a folder between drawing the form and saving it.
    for suffix in ("", "-wal", "-shm"):
        Path(f"{checklist_state}{suffix}").unlink(missing_ok=True)
    checklist_state.mkdir()
    prefix = f"FormSubmitter:recs_form_{first}-"
    next(b for b in at.button if b.key and b.key.startswith(prefix)).click().run()
    assert not at.exception
    errors = " ".join(notices(at, "error"))
    assert str(checklist_state) in errors
    assert any(str(checklist_state) in w for w in notices(at, "warning"))

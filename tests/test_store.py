"""The checklist store on a real SQLite file: seeding, guarded saves, history, snapshots, WAL,
several editors at once (threads and processes) and kill -9 crash safety."""

from __future__ import annotations

import itertools
import os
import queue
import random
import re
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from helpers_data import raw_sqlite as raw
from pandas.testing import assert_frame_equal

from se_dashboard.checklist.store import (
    DEFAULT_STATE,
    EDITABLE_FIELDS,
    MAX_TEXT,
    SEED_EDITOR,
    SEED_NOTE,
    STATE_ENV,
    Edit,
    EditError,
    StaleEditError,
    Store,
    SyncReport,
    change_kind,
    state_path,
)
from se_dashboard.data.contract import STATUSES
from se_dashboard.data.loader import Dataset, fingerprint, load

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
WRITER = Path(__file__).resolve().parent / "store_writer.py"
EDITOR = Path(__file__).resolve().parent / "store_editor.py"
RECS = tuple(load(DATA).recommendations["rec_id"])  # the bundled data, all 검토중
N = len(RECS)
NEW = "R99"  # a recommendation the data does not have
LAST = RECS[-1]
HANGUL = re.compile("[가-힣]")


@pytest.fixture
def store(tmp_path: Path, dataset: Dataset) -> Store:
    """A store seeded from the bundled recommendations."""
    store = Store(tmp_path / "state" / "checklist.sqlite")
    store.sync(dataset.recommendations)
    return store


def row(store: Store, rec_id: str) -> pd.Series:
    return store.checklist().set_index("rec_id").loc[rec_id]


def saves(store: Store, rec_id: str | None = None) -> pd.DataFrame:
    """The audit rows written by saves (not by seeding), newest first."""
    history = store.history(rec_id)
    return history[history["editor"] != SEED_EDITOR].reset_index(drop=True)


def with_recs(recs: pd.DataFrame, drop: tuple[str, ...] = (),
              add: dict[str, str] | None = None) -> pd.DataFrame:
    """The recommendations without `drop`, plus `add` ({rec_id: status}) at the end."""
    kept = recs[~recs["rec_id"].isin(drop)][["rec_id", "status"]].astype(str)
    extra = pd.DataFrame({"rec_id": list(add or {}), "status": list((add or {}).values())})
    return pd.concat([kept, extra], ignore_index=True)


def child_env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT)}




def assert_series_same(left: pd.Series, right: pd.Series) -> None:
    assert left.to_dict() == right.to_dict()


def assert_audit_agrees(store: Store) -> None:
    """Every row's version and values are exactly what its audit trail says: saves wrote
    versions 2..version, and per field each old value is the previous new one, the last new
    one being the current value (so no save is half there)."""
    trails: dict[str, list[tuple[str, str, str, str, int]]] = {}
    oldest_first = store.history().iloc[::-1]
    for editor, rec_id, field, old, new, version in oldest_first[
            ["editor", "rec_id", "field", "old", "new", "version"]].itertuples(index=False):
        trails.setdefault(rec_id, []).append((editor, field, old, new, int(version)))
    for current in store.checklist().to_dict("records"):
        trail = trails.pop(current["rec_id"])
        assert trail[0] == (SEED_EDITOR, "status", "", trail[0][3], 1)
        assert sorted({t[4] for t in trail[1:]}) == list(range(2, current["version"] + 1))
        values = dict.fromkeys(EDITABLE_FIELDS, "")
        for editor, field, old, new, _ in trail:
            assert editor == SEED_EDITOR or old == values[field], (current["rec_id"], field)
            values[field] = new
        assert values == {f: current[f] for f in EDITABLE_FIELDS}, current["rec_id"]
    assert not trails


# --- paths and module hygiene ---------------------------------------------------------------

def test_state_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    assert DEFAULT_STATE == ROOT / "state" / "checklist.sqlite"
    assert "state/" in (ROOT / ".gitignore").read_text().split()
    monkeypatch.delenv(STATE_ENV, raising=False)
    assert state_path() == DEFAULT_STATE
    monkeypatch.setenv(STATE_ENV, "")
    assert state_path() == DEFAULT_STATE
    monkeypatch.setenv(STATE_ENV, str(tmp_path / "env.sqlite"))
    assert state_path() == tmp_path / "env.sqlite"
    assert state_path(tmp_path / "arg.sqlite") == tmp_path / "arg.sqlite"
    assert state_path(str(tmp_path / "s.sqlite")) == tmp_path / "s.sqlite"


def test_store_never_imports_streamlit():
    code = "import sys, se_dashboard.checklist.store; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], env=child_env(), cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_store_holds_only_its_path(tmp_path: Path):
    store = Store(tmp_path / "s.sqlite")
    assert not hasattr(store, "__dict__")
    assert store.path == tmp_path / "s.sqlite"


# --- sync -------------------------------------------------------------------------------------

def test_seeds_from_the_bundled_data(tmp_path: Path, dataset: Dataset):
    before = fingerprint(DATA)
    path = tmp_path / "new" / "folder" / "checklist.sqlite"
    store = Store(path)
    assert path.is_file()
    report = store.sync(dataset.recommendations)
    assert report == SyncReport(added=RECS, orphaned=(), restored=())

    table = store.checklist()
    assert list(table.columns) == ["rec_id", "status", "plan_section", "responsible_unit",
                                   "response_note", "reason", "version", "orphaned",
                                   "updated_at", "updated_by"]
    assert table["rec_id"].tolist() == list(RECS)
    assert (table["status"] == "검토중").all()
    assert (table[["plan_section", "responsible_unit", "response_note", "reason"]] == ""
            ).all().all()
    assert table["version"].dtype == "int64" and (table["version"] == 1).all()
    assert table["orphaned"].dtype == bool and not table["orphaned"].any()
    assert (table["updated_by"] == SEED_EDITOR).all()
    stamp = datetime.fromisoformat(table["updated_at"].iat[0])
    assert stamp.utcoffset() == timedelta(0) and stamp.microsecond == 0

    history = store.history()
    assert list(history.columns) == ["at", "editor", "rec_id", "field", "old", "new", "note",
                                     "version"]
    assert len(history) == N
    assert sorted(history["rec_id"]) == list(RECS)
    assert history["rec_id"].tolist() == list(reversed(RECS))  # newest first
    assert set(zip(history["editor"], history["field"], history["old"], history["new"],
                   history["note"], history["version"], strict=True)) == {
        (SEED_EDITOR, "status", "", "검토중", SEED_NOTE, 1)}

    # Idempotent: nothing to report, nothing changed.
    assert store.sync(dataset.recommendations) == SyncReport()
    assert_frame_equal(store.checklist(), table)
    assert len(store.history()) == N
    # The data folder is never written; the store is one SQLite file (and its WAL companions).
    assert fingerprint(DATA) == before
    assert {p.name for p in path.parent.iterdir()} <= {
        "checklist.sqlite", "checklist.sqlite-wal", "checklist.sqlite-shm"}


def test_sync_adds_orphans_and_restores(store: Store, dataset: Dataset):
    recs = dataset.recommendations
    store.save("R03", {"status": "반영", "plan_section": "전략 2-3"}, 1, editor="김")
    edited = row(store, "R03")

    # NEW appears, R05 disappears; R03's status in the data changed, which sync ignores.
    changed = with_recs(recs, drop=("R05",), add={NEW: "미반영"})
    changed.loc[changed["rec_id"] == "R03", "status"] = "미반영"
    assert store.sync(changed) == SyncReport(added=(NEW,), orphaned=("R05",))
    table = store.checklist().set_index("rec_id")
    assert table.index.tolist() == [*RECS, NEW]
    assert table.loc[NEW, ["status", "version", "orphaned"]].tolist() == ["미반영", 1, False]
    assert table.loc["R05", ["status", "version", "orphaned"]].tolist() == ["검토중", 1, True]
    assert_series_same(table.loc["R03"], edited)
    assert store.history(NEW)[["editor", "new", "version"]].values.tolist() == [
        [SEED_EDITOR, "미반영", 1]]
    assert store.sync(changed) == SyncReport()

    # An orphaned row can still be edited; when it comes back it keeps its edits.
    store.save("R05", {"response_note": "통합됨"}, 1, editor="김")
    back = with_recs(recs, drop=("R07",))
    assert store.sync(back) == SyncReport(orphaned=("R07", NEW), restored=("R05",))
    table = store.checklist().set_index("rec_id")
    assert table.loc["R05", ["response_note", "version", "orphaned"]].tolist() == [
        "통합됨", 2, False]
    assert table["orphaned"][lambda s: s].index.tolist() == ["R07", NEW]
    assert len(table) == N + 1  # nothing is ever deleted
    assert_audit_agrees(store)


def test_sync_refuses_an_unknown_status(store: Store, dataset: Dataset):
    bad = with_recs(dataset.recommendations, add={NEW: "완료"})
    with pytest.raises(EditError, match="완료"):
        store.sync(bad)
    assert len(store.checklist()) == N


# --- save -------------------------------------------------------------------------------------

def test_save_bumps_the_version_and_audits_each_changed_field(store: Store):
    version = row(store, "R03")["version"]  # numpy int64, as the UI will pass it
    assert isinstance(version, np.integer)
    new = store.save("R03", {"status": "부분반영", "plan_section": "전략 2-3",
                             "responsible_unit": "사회적경제과"}, version, editor=" 김주무관 ",
                     note="중간보고 반영")
    assert new == 2
    current = row(store, "R03")
    assert current[["status", "plan_section", "responsible_unit", "response_note", "version",
                    "updated_by"]].tolist() == ["부분반영", "전략 2-3", "사회적경제과", "", 2,
                                                "김주무관"]
    audit = saves(store, "R03")
    assert set(audit[["editor", "field", "old", "new", "note", "version"]].itertuples(
        index=False, name=None)) == {
        ("김주무관", "status", "검토중", "부분반영", "중간보고 반영", 2),
        ("김주무관", "plan_section", "", "전략 2-3", "중간보고 반영", 2),
        ("김주무관", "responsible_unit", "", "사회적경제과", "중간보고 반영", 2)}
    assert (audit["at"] == current["updated_at"]).all()

    # Only fields that differ are written: plan_section is resent unchanged.
    assert store.save("R03", {"status": "반영", "plan_section": "전략 2-3"}, 2, "이") == 3
    audit = saves(store, "R03")
    assert len(audit) == 4
    assert audit.iloc[0][["editor", "field", "old", "new", "note", "version"]].tolist() == [
        "이", "status", "부분반영", "반영", "", 3]
    assert store.history("R01")["editor"].tolist() == [SEED_EDITOR]
    assert_audit_agrees(store)


def test_a_save_without_changes_writes_nothing(store: Store):
    store.save("R03", {"plan_section": "전략 1-1"}, 1, "김")
    table, history = store.checklist(), store.history()
    assert store.save("R03", {"status": "검토중", "plan_section": "전략 1-1"}, 2, "이") == 2
    assert store.save("R03", {}, 2, "이") == 2
    assert store.save_many([], "이") == {}
    assert_frame_equal(store.checklist(), table)
    assert_frame_equal(store.history(), history)


@pytest.mark.parametrize(("rec_id", "changes", "version", "editor", "needle"), [
    ("R99", {"status": "반영"}, 1, "김", "R99"),
    ("R03", {"title_ko": "새 제목"}, 1, "김", "title_ko"),
    ("R03", {"status": "완료"}, 1, "김", "완료"),
    ("R03", {"status": ""}, 1, "김", "status"),
    ("R03", {"plan_section": "가" * (MAX_TEXT + 1)}, 1, "김", "5,001"),
    ("R03", {"response_note": None}, 1, "김", "text"),
    ("R03", {"response_note": "bad \ud800 surrogate"}, 1, "김", "stored"),
    ("R03", {"status": "반영"}, "1", "김", "integer"),
    ("R03", {"status": "반영"}, True, "김", "integer"),
    ("R03", {"status": "반영"}, 1, "  ", "editor"),
    ("R03", {"status": "반영"}, 1, "", "editor"),
    ("", {"status": "반영"}, 1, "김", "id"),
])
def test_invalid_edits_are_refused(store: Store, rec_id, changes, version, editor, needle):
    table, history = store.checklist(), store.history()
    with pytest.raises(EditError) as caught:
        store.save(rec_id, changes, version, editor=editor)
    err = caught.value
    assert isinstance(err, ValueError)
    assert HANGUL.search(err.ko) and err.en and needle in str(err)
    assert str(err) == f"{err.ko} / {err.en}"
    assert_frame_equal(store.checklist(), table)
    assert_frame_equal(store.history(), history)


def test_text_up_to_max_and_a_long_note_limit(store: Store):
    assert store.save("R03", {"response_note": "가" * MAX_TEXT}, 1, "김") == 2
    with pytest.raises(EditError, match="note"):
        store.save("R03", {"status": "반영"}, 2, "김", note="x" * (MAX_TEXT + 1))
    assert row(store, "R03")["version"] == 2


def test_a_stale_save_is_refused_with_the_current_values(store: Store):
    store.save("R03", {"status": "반영", "plan_section": "전략 2-3"}, 1, editor="김주무관")
    table, history = store.checklist(), store.history()
    with pytest.raises(StaleEditError) as caught:
        store.save("R03", {"status": "미반영", "response_note": "보류"}, 1, editor="이팀장")
    err = caught.value
    assert (err.rec_id, err.expected_version, err.stale) == ("R03", 1, ("R03",))
    assert err.current["status"] == "반영" and err.current["version"] == 2
    assert err.current["updated_by"] == "김주무관"
    message = str(err)
    for needle in ("R03", "'반영'", "전략 2-3", "김주무관", "현재 값", "Current values",
                   "version 2"):
        assert needle in message
    assert_frame_equal(store.checklist(), table)
    assert_frame_equal(store.history(), history)


# --- save_many ----------------------------------------------------------------------------------

def test_save_many_is_all_or_nothing(store: Store):
    store.save("R02", {"status": "반영"}, 1, "김")
    store.save("R04", {"status": "반영"}, 1, "김")
    table, history = store.checklist(), store.history()
    batch = [Edit("R01", {"status": "반영"}, 1), Edit("R02", {"status": "미반영"}, 1),
             Edit("R03", {"plan_section": "전략 1"}, 1), Edit("R04", {"status": "미반영"}, 1)]
    with pytest.raises(StaleEditError) as caught:
        store.save_many(batch, "이")
    assert caught.value.rec_id == "R02" and caught.value.stale == ("R02", "R04")
    assert "R04" in str(caught.value)
    assert_frame_equal(store.checklist(), table)
    assert_frame_equal(store.history(), history)

    # An invalid edit anywhere in the batch also writes nothing.
    for bad in (Edit("R99", {"status": "반영"}, 1), Edit("R05", {"status": "완료"}, 1),
                Edit("R01", {"status": "미반영"}, 1)):
        with pytest.raises(EditError):
            store.save_many([Edit("R01", {"status": "반영"}, 1), bad], "이")
        assert_frame_equal(store.checklist(), table)

    fresh = [Edit("R01", {"status": "반영"}, 1), Edit("R02", {"status": "미반영"}, 2),
             Edit("R03", {"status": "검토중"}, 1), Edit("R04", {"response_note": "a"}, 2)]
    assert store.save_many(fresh, "이", note="일괄") == {"R01": 2, "R02": 3, "R03": 1, "R04": 3}
    audit = saves(store)
    batch_rows = audit[audit["editor"] == "이"]
    assert sorted(batch_rows["rec_id"]) == ["R01", "R02", "R04"]
    assert (batch_rows["note"] == "일괄").all() and batch_rows["at"].nunique() == 1
    assert_audit_agrees(store)


# --- snapshots ----------------------------------------------------------------------------------

def test_snapshots_take_list_read_and_unique_names(store: Store, dataset: Dataset):
    assert store.snapshots().empty
    store.save("R01", {"status": "부분반영", "plan_section": "전략 1-2"}, 1, "김")
    assert store.take_snapshot("중간보고회", "김") == 1
    store.save("R01", {"status": "반영", "plan_section": "전략 1-3"}, 2, "김")
    store.sync(with_recs(dataset.recommendations, drop=(LAST,)))
    assert store.take_snapshot(" 최종보고회 ", " 이 ") == 2

    listed = store.snapshots()
    assert list(listed.columns) == ["snapshot_id", "name", "taken_at", "editor", "n_items"]
    assert listed[["snapshot_id", "name", "editor", "n_items"]].values.tolist() == [
        [1, "중간보고회", "김", N], [2, "최종보고회", "이", N - 1]]  # orphaned LAST is left out

    interim = store.snapshot("중간보고회")
    assert list(interim.columns) == ["rec_id", *EDITABLE_FIELDS]
    assert interim["rec_id"].tolist() == list(RECS)
    assert interim.iloc[0].tolist() == ["R01", "부분반영", "전략 1-2", "", "", ""]
    assert store.snapshot("최종보고회").iloc[0].tolist() == ["R01", "반영", "전략 1-3", "", "", ""]

    for name in ("중간보고회", " 최종보고회", "", "   "):
        with pytest.raises(EditError):
            store.take_snapshot(name, "김")
    with pytest.raises(EditError):
        store.take_snapshot("새 이름", " ")
    with pytest.raises(EditError, match="없습니다"):
        store.snapshot("없는 보고회")
    with pytest.raises(EditError):
        store.compare("중간보고회", "없는 보고회")
    assert len(store.snapshots()) == 2


BEFORE_AFTER = {  # rec_id: (status in the first snapshot, in the second, expected change)
    "R01": ("검토중", "반영", "newly_reflected"),
    "R02": ("미반영", "부분반영", "newly_reflected"),
    "R03": ("부분반영", "반영", "newly_reflected"),
    "R04": ("검토중", "검토중", "unchanged"),
    "R05": ("미반영", "검토중", "reopened"),
    "R06": ("미반영", "미반영", "unchanged"),
    "R07": ("반영", "부분반영", "regressed"),
    "R08": ("반영", "미반영", "regressed"),
    "R09": ("검토중", "미반영", "decided_not"),
    "R10": ("반영", "반영", "unchanged"),
    "R11": ("부분반영", "부분반영", "unchanged"),
}


def test_compare_has_every_change_category(store: Store, dataset: Dataset):
    store.save_many([Edit(r, {"status": b}, 1) for r, (b, _, _) in BEFORE_AFTER.items()], "김")
    store.take_snapshot("중간보고회", "김")
    versions = row_versions(store)
    store.save_many([Edit(r, {"status": a}, versions[r]) for r, (_, a, _) in BEFORE_AFTER.items()],
                    "김")
    store.sync(with_recs(dataset.recommendations, drop=("R12",), add={NEW: "반영"}))
    store.take_snapshot("최종보고회", "김")

    compared = store.compare("중간보고회", "최종보고회")
    assert list(compared.columns) == ["rec_id", "status_before", "status_after",
                                      "reason_after", "change"]
    assert compared["rec_id"].tolist() == [*RECS, NEW]
    got = compared.set_index("rec_id").drop(columns="reason_after")
    for rec_id, (before, after, change) in BEFORE_AFTER.items():
        assert got.loc[rec_id].tolist() == [before, after, change], rec_id
    assert got.loc["R12"].tolist() == ["검토중", "", "removed"]
    assert got.loc[NEW].tolist() == ["", "반영", "added"]
    assert got.loc["R13"].tolist() == ["검토중", "검토중", "unchanged"]
    assert set(got["change"]) == {"newly_reflected", "decided_not", "reopened", "regressed",
                                  "unchanged", "added", "removed"}
    # The other way round, a move up is a move down.
    back = store.compare("최종보고회", "중간보고회").set_index("rec_id")["change"]
    assert (back["R01"], back["R07"], back["R12"], back[NEW]) == (
        "regressed", "newly_reflected", "added", "removed")


def row_versions(store: Store) -> dict[str, int]:
    table = store.checklist()
    return dict(zip(table["rec_id"], table["version"].astype(int), strict=True))


def test_change_kind_rule_over_every_pair():
    """A status that stayed is unchanged (open ones too); only a reflected status that went
    lower is a regression; 검토중 -> 미반영 is a decision, 미반영 -> 검토중 a reopening."""
    rank = {"미반영": 0, "검토중": 1, "부분반영": 2, "반영": 3}
    reflected = ("반영", "부분반영")
    for before, after in itertools.product(STATUSES, repeat=2):
        kind = change_kind(before, after)
        if after == before:
            assert kind == "unchanged"
        elif after in reflected and rank[after] > rank[before]:
            assert kind == "newly_reflected"
        elif before in reflected:
            assert kind == "regressed" and rank[after] < rank[before]
        else:
            assert kind == {("검토중", "미반영"): "decided_not",
                            ("미반영", "검토중"): "reopened"}[(before, after)]
    assert change_kind(None, "반영") == "added" and change_kind("반영", None) == "removed"


# --- concurrency --------------------------------------------------------------------------------

def test_wal_journal_mode(store: Store):
    with raw(store.path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_save_waits_for_a_held_write_lock(store: Store):
    result: list[int] = []
    with raw(store.path) as conn:
        conn.execute("BEGIN IMMEDIATE")
        worker = threading.Thread(
            target=lambda: result.append(store.save("R03", {"status": "반영"}, 1, "김")))
        worker.start()
        time.sleep(0.3)
        assert worker.is_alive()  # waiting on the busy timeout, not failed with "locked"
        conn.execute("COMMIT")
    worker.join()
    assert result == [2]


def settle(outcomes: dict[str, object], statuses: dict[str, str], store: Store,
           rec_id: str) -> str:
    """Check that exactly one editor won and the row and history are the winner's alone;
    return the loser."""
    winners = [name for name, got in outcomes.items() if got == 2]
    losers = [name for name, got in outcomes.items() if got != 2]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    winner, loser = winners[0], losers[0]
    current = row(store, rec_id)
    assert current[["status", "response_note", "version", "updated_by"]].tolist() == [
        statuses[winner], f"by {winner}", 2, winner]
    audit = saves(store, rec_id)
    assert set(audit["editor"]) == {winner} and len(audit) == 2
    assert sorted(audit["field"]) == ["response_note", "status"]
    return loser


def test_two_threads_edit_the_same_rec(store: Store):
    statuses = {"김": "반영", "이": "미반영"}
    for rec_id in RECS[:5]:
        barrier = threading.Barrier(2)

        def edit(editor: str, rec_id: str = rec_id, barrier: threading.Barrier = barrier):
            version = row(store, rec_id)["version"]
            barrier.wait()  # both have read version 1 before either saves
            try:
                return store.save(rec_id, {"status": statuses[editor],
                                           "response_note": f"by {editor}"}, version, editor)
            except StaleEditError as err:
                return err

        with ThreadPoolExecutor(2) as pool:
            outcomes = dict(zip(statuses, pool.map(edit, statuses), strict=True))
        loser = settle(outcomes, statuses, store, rec_id)
        refused = outcomes[loser]
        assert isinstance(refused, StaleEditError) and refused.current["version"] == 2
        assert refused.current["status"] == row(store, rec_id)["status"]
    assert_audit_agrees(store)


def test_two_processes_edit_the_same_rec(store: Store):
    statuses = {"김": "반영", "이": "미반영"}
    children = {
        name: subprocess.Popen([sys.executable, str(EDITOR), str(store.path), "R07", name, status],
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=child_env(), cwd=ROOT)
        for name, status in statuses.items()}
    try:
        for child in children.values():  # both have read version 1 ...
            assert child.stdout is not None and child.stdout.readline() == "read 1\n"
        for child in children.values():  # ... before either is told to save
            assert child.stdin is not None
            child.stdin.write("go\n")
            child.stdin.flush()
        outputs = {name: child.communicate()[0].strip() for name, child in children.items()}
    finally:
        for child in children.values():
            if child.poll() is None:
                child.kill()
                child.communicate()
    outcomes = {name: 2 if out == "saved 2" else out for name, out in outputs.items()}
    loser = settle(outcomes, statuses, store, "R07")
    assert outputs[loser] == f"stale {row(store, 'R07')['status']}"
    assert_audit_agrees(store)


def test_many_threads_save_different_recs(store: Store):
    rounds = 5
    barrier = threading.Barrier(len(RECS))

    def work(rec_id: str) -> list[int]:
        barrier.wait()
        got, version = [], 1
        for i in range(rounds):
            version = store.save(rec_id, {"status": STATUSES[i % 4], "response_note": str(i)},
                                 version, editor=f"editor {rec_id}")
            got.append(version)
        return got

    with ThreadPoolExecutor(len(RECS)) as pool:
        results = list(pool.map(work, RECS))
    assert results == [list(range(2, rounds + 2))] * len(RECS)
    table = store.checklist()
    assert (table["version"] == rounds + 1).all()
    assert (table["response_note"] == str(rounds - 1)).all()
    audit = saves(store)
    assert audit.groupby("rec_id")["version"].nunique().to_dict() == dict.fromkeys(RECS, rounds)
    with raw(store.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert_audit_agrees(store)


# --- crash safety -------------------------------------------------------------------------------

KILL_ROUNDS = 20
CRASH_REC = "R05"


class _Lines:
    """Lines of a child's output, read by a thread so that no read can block the test forever."""

    def __init__(self, stream) -> None:
        self.queue: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, args=(stream,), daemon=True).start()

    def _pump(self, stream) -> None:
        for line in stream:
            self.queue.put(line)
        self.queue.put("")  # end of output

    def next(self, timeout: float = 20.0) -> str:
        """Return the next non-empty line ("" at the end of output); fail after `timeout`."""
        while True:
            try:
                line = self.queue.get(timeout=timeout)
            except queue.Empty:
                pytest.fail(f"the writer said nothing for {timeout} s")
            if line != "\n":
                return line


def test_kill_9_mid_save_leaves_a_consistent_store(store: Store):
    rng = random.Random(20250501)  # the delays repeat; where the kill lands does not
    launcher = subprocess.Popen([sys.executable, str(WRITER), str(store.path), CRASH_REC],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, env=child_env(), cwd=ROOT)
    assert launcher.stdin is not None and launcher.stdout is not None
    output = _Lines(launcher.stdout)
    try:
        for _ in range(KILL_ROUNDS):
            start = int(row(store, CRASH_REC)["version"])
            launcher.stdin.write("go\n")
            launcher.stdin.flush()
            pid_line = output.next()
            assert pid_line.startswith("pid "), pid_line
            lines = [output.next()]  # at least one save committed
            time.sleep(rng.uniform(0, 0.03))
            os.kill(int(pid_line.split()[1]), signal.SIGKILL)
            while lines[-1] and not lines[-1].startswith(("dead", "exit")):
                lines.append(output.next())
            assert lines[-1] == f"dead {int(signal.SIGKILL)}\n", lines[-1]
            # A kill can land inside a print: only whole numbers count as reported.
            reported = [int(v) for v in lines[:-1] if v.strip().isdigit() and v.endswith("\n")]
            assert reported == list(range(start + 1, start + 1 + len(reported)))

            after = Store(store.path)  # opens after the crash
            with raw(after.path) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            version = int(row(after, CRASH_REC)["version"])
            # Every reported commit is there; at most one more committed before its print.
            assert version in (reported[-1], reported[-1] + 1)
            audit = saves(after, CRASH_REC)
            assert len(audit) == 2 * (version - 1)  # two fields change per save
            assert set(range(2, version + 1)) == set(audit["version"]) >= set(reported)
            assert_audit_agrees(after)
            assert (after.snapshots()["n_items"] == N).all()
        launcher.stdin.close()
        assert launcher.wait() == 0
    finally:
        if launcher.poll() is None:
            launcher.kill()
        launcher.wait()
        for pipe in (launcher.stdin, launcher.stdout, launcher.stderr):
            if pipe is not None:
                pipe.close()
    assert int(row(store, CRASH_REC)["version"]) > KILL_ROUNDS

"""Issue 11, the checklist's reason (처리 사유) and its Korean UI: the store's own reason field and
the in-place migration of version 1 files, the reason rule (required for 미반영, prompted for
부분반영), the reason on cards, in the disposition table, its exports, the printed report and the
slides' data, snapshot comparison (a decision is not a regression, unchanged items are counted),
history and times in the UI language, the toolbar above the list, and the pinned bulk table."""

from __future__ import annotations

import hashlib
import html
import io
import json
import re
import sqlite3
from datetime import timedelta, timezone
from pathlib import Path

import pandas as pd
import pytest
from helpers_data import raw_sqlite as raw

from se_dashboard.checklist import progress
from se_dashboard.checklist.store import EDITABLE_FIELDS, Edit, Store
from se_dashboard.data.loader import Dataset
from se_dashboard.present import slides
from se_dashboard.present.disposition import disposition_table, to_csv
from se_dashboard.present.handout import handout_html
from se_dashboard.ui import checklist_edit

NOTICE = re.compile(r'<div class="sed-notice"[^>]*>(.) (.*?)</div>', re.S)
SYMBOLS = {"✓": "success", "✕": "error", "⚠": "warning", "ℹ": "info"}
OUR_ID = 0x53454431
# The schema the first version of the dashboard wrote (user_version 1), verbatim.
V1_SCHEMA = (
    """CREATE TABLE items (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        rec_id TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL,
        plan_section TEXT NOT NULL DEFAULT '',
        responsible_unit TEXT NOT NULL DEFAULT '',
        response_note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1),
        orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1)),
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL)""",
    """CREATE TABLE audit (
        audit_id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        editor TEXT NOT NULL,
        rec_id TEXT NOT NULL REFERENCES items (rec_id),
        field TEXT NOT NULL,
        old TEXT NOT NULL,
        new TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL)""",
    "CREATE INDEX audit_by_rec ON audit (rec_id, audit_id)",
    """CREATE TABLE snapshots (
        snapshot_id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        taken_at TEXT NOT NULL,
        editor TEXT NOT NULL)""",
    """CREATE TABLE snapshot_items (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (snapshot_id),
        rec_id TEXT NOT NULL REFERENCES items (rec_id),
        status TEXT NOT NULL,
        plan_section TEXT NOT NULL,
        responsible_unit TEXT NOT NULL,
        response_note TEXT NOT NULL,
        version INTEGER NOT NULL,
        PRIMARY KEY (snapshot_id, rec_id))""",
    "PRAGMA user_version = 1",
)
T0 = "2025-05-01T00:30:00+00:00"




def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def v1_file(path: Path, stamped: bool = True) -> Path:
    """A state file as version 1 wrote it: two items (one edited), their audit rows and a
    snapshot; with our application id, or without it (the first releases)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with raw(path) as conn:
        for statement in V1_SCHEMA:
            conn.execute(statement)
        if stamped:
            conn.execute(f"PRAGMA application_id = {OUR_ID}")
        conn.executemany(
            "INSERT INTO items (rec_id, status, plan_section, response_note, version, "
            "updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [("R01", "반영", "전략 1", "부록에 실음", 2, T0, "김"),
             ("R02", "검토중", "", "", 1, T0, "data")])
        conn.executemany(
            "INSERT INTO audit (at, editor, rec_id, field, old, new, note, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(T0, "data", "R01", "status", "", "검토중", "seeded from recommendations.csv", 1),
             (T0, "data", "R02", "status", "", "검토중", "seeded from recommendations.csv", 1),
             (T0, "김", "R01", "status", "검토중", "반영", "", 2)])
        conn.execute("INSERT INTO snapshots (name, taken_at, editor) VALUES ('중간', ?, '김')",
                     (T0,))
        conn.execute("INSERT INTO snapshot_items SELECT 1, rec_id, status, plan_section, "
                     "responsible_unit, response_note, version FROM items")
    return path


def table_dump(path: Path, table: str) -> list[tuple]:
    with raw(path) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def columns_of(path: Path, table: str) -> list[str]:
    with raw(path) as conn:
        return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def pragma(path: Path, name: str) -> int:
    with raw(path) as conn:
        return conn.execute(f"PRAGMA {name}").fetchone()[0]


# --- the store: the reason field and migration ------------------------------------------------

@pytest.mark.parametrize("stamped", [True, False])
def test_a_version_1_file_migrates_in_place_keeping_every_value(tmp_path, stamped):
    path = v1_file(tmp_path / "state" / "progress.sqlite", stamped)
    items, audit = table_dump(path, "items"), table_dump(path, "audit")
    snapshot_rows = table_dump(path, "snapshot_items")
    store = Store(path)
    assert not store.read_only
    assert (pragma(path, "user_version"), pragma(path, "application_id")) == (2, OUR_ID)
    assert columns_of(path, "items")[-1] == "reason"
    assert columns_of(path, "snapshot_items")[-1] == "reason"
    # Nothing else moved: values, versions, audit rows and snapshots are as they were.
    assert [row[:-1] for row in table_dump(path, "items")] == items
    assert {row[-1] for row in table_dump(path, "items")} == {""}
    assert table_dump(path, "audit") == audit
    assert [row[:-1] for row in table_dump(path, "snapshot_items")] == snapshot_rows
    assert store.checklist().set_index("rec_id").at["R01", "plan_section"] == "전략 1"
    # The migrated file takes reasons, audited like any field; a second open changes nothing.
    store.save("R02", {"status": "미반영", "reason": "시 권한 밖"}, 1, "이")
    assert Store(path).checklist().set_index("rec_id").at["R02", "reason"] == "시 권한 밖"
    history = store.history("R02")
    assert history.loc[history["field"] == "reason", ["old", "new"]].values.tolist() == [
        ["", "시 권한 밖"]]
    assert store.snapshot("중간")["reason"].tolist() == ["", ""]


def test_a_read_only_version_1_file_is_read_with_blank_reasons(tmp_path, monkeypatch):
    path = v1_file(tmp_path / "old.sqlite")
    monkeypatch.setattr("se_dashboard.checklist.store.can_write", lambda p: "file")
    before = digest(path)
    store = Store(path)
    assert store.read_only == "file"
    table = store.checklist()
    assert list(table.columns) == ["rec_id", *EDITABLE_FIELDS, "version", "orphaned",
                                   "updated_at", "updated_by"]
    assert table["reason"].tolist() == ["", ""]
    assert table.set_index("rec_id").at["R01", "status"] == "반영"
    assert store.snapshot("중간")["reason"].tolist() == ["", ""]
    assert digest(path) == before
    assert (pragma(path, "user_version"), "reason" in columns_of(path, "items")) == (1, False)


def test_a_failed_migration_leaves_the_file_at_version_1(tmp_path, monkeypatch):
    path = v1_file(tmp_path / "old.sqlite")
    monkeypatch.setattr("se_dashboard.checklist.store._ADDED_COLUMNS",
                        (("items", "reason TEXT NOT NULL DEFAULT ''"),
                         ("no_such_table", "reason TEXT NOT NULL DEFAULT ''")))
    with pytest.raises(sqlite3.Error):
        Store(path)
    assert pragma(path, "user_version") == 1  # one transaction: the first column is gone too
    assert "reason" not in columns_of(path, "items")


def test_another_applications_file_with_our_tables_is_never_migrated(tmp_path):
    path = v1_file(tmp_path / "other.sqlite", stamped=False)
    with raw(path) as conn:
        conn.execute("PRAGMA application_id = 1234")
    before = digest(path)
    with pytest.raises(Exception, match="foreign"):
        Store(path)
    assert digest(path) == before


def test_compare_carries_the_reason_and_counts_a_decision_as_one(tmp_path, dataset):
    store = Store(tmp_path / "s.sqlite")
    store.sync(dataset.recommendations)
    first, second = dataset.recommendations["rec_id"].iloc[:2]
    store.take_snapshot("중간보고회", "김")
    store.save_many([Edit(first, {"status": "미반영", "reason": "예산 부족"}, 1),
                     Edit(second, {"status": "반영"}, 1)], "김")
    store.take_snapshot("최종보고회", "김")
    compared = store.compare("중간보고회", "최종보고회").set_index("rec_id")
    assert compared.at[first, "change"] == "decided_not"
    assert compared.at[first, "reason_after"] == "예산 부족"
    counts = compared["change"].value_counts().to_dict()
    assert counts == {"unchanged": len(compared) - 2, "decided_not": 1, "newly_reflected": 1}


# --- pure helpers ------------------------------------------------------------------------------

def test_the_reason_rule_by_status():
    assert [progress.reason_rule(s) for s in ("반영", "부분반영", "검토중", "미반영")] == [
        "", "prompted", "", "required"]
    rows = pd.DataFrame({"rec_id": ["A", "B", "C", "D", "E"],
                         "status": ["미반영", "미반영", "부분반영", "검토중", "부분반영"],
                         "reason": ["", "예산", "  ", "", "일부"]})
    assert progress.missing_reasons(rows) == ["A"]
    assert progress.missing_reasons(rows, "prompted") == ["C"]


def test_local_time_names_the_zone(seoul):
    assert progress.local_time("2025-05-01T09:30:00+00:00") == "2025-05-01 18:30:00 KST"
    assert progress.local_time("2025-05-01T09:30:00+00:00", timezone(timedelta(0), "UTC")) == (
        "2025-05-01 09:30:00 UTC")
    assert progress.local_time("not a time") == "not a time"


def with_reasons(dataset: Dataset) -> tuple[Dataset, str, str]:
    """The dataset with its first backed recommendation 미반영 (with a reason) and the second
    부분반영 (without); returns it and the two rec_ids."""
    backed = progress.recommendation_rows(dataset, dataset.remarks)["rec_id"].tolist()
    first, second = backed[:2]
    state = pd.DataFrame({"rec_id": [first, second], "status": ["미반영", "부분반영"],
                          "plan_section": ["", "전략 1"], "responsible_unit": ["", ""],
                          "response_note": ["", ""], "reason": ["국가 사무: 타기관 이첩", ""],
                          "version": [2, 2], "orphaned": [False, False]})
    return progress.with_state(dataset, state), first, second


def test_the_reason_reaches_the_table_exports_report_and_slides(dataset):
    ds, first, second = with_reasons(dataset)
    table = disposition_table(ds, ds.remarks)
    numbered = table.set_index(table.columns[0])
    rows = progress.recommendation_rows(ds, ds.remarks)["rec_id"].tolist()
    row = numbered.loc[rows.index(first) + 1]
    assert (row["반영 여부"], row["처리 사유"]) == ("미반영", "국가 사무: 타기관 이첩")
    row = numbered.loc[rows.index(second) + 1]
    assert (row["반영 여부"], row["처리 사유"], row["반영 위치"]) == ("부분반영", "", "전략 1")
    assert list(table.columns).index("처리 사유") == list(table.columns).index("반영 여부") + 1
    english = disposition_table(ds, ds.remarks, lang="en")
    assert "국가 사무: 타기관 이첩" in english["Reason"].tolist()
    csv = pd.read_csv(io.BytesIO(to_csv(table)), encoding="utf-8-sig", dtype=str,
                      keep_default_na=False)
    assert "국가 사무: 타기관 이첩" in csv["처리 사유"].tolist()
    report = html.unescape(handout_html(ds, ds.remarks, lang="ko", title="t", subtitle="s",
                                        filter_text="f", generated_at="g"))
    assert "처리 사유: 국가 사무: 타기관 이첩" in report
    open_recs = slides.recommendations_with(ds, ds.remarks, ("미반영",))
    assert open_recs.set_index("rec_id").at[first, "reason"] == "국가 사무: 타기관 이첩"


# --- the page ----------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def local_request(monkeypatch):
    monkeypatch.setattr(checklist_edit, "request_headers", lambda: {"Host": "localhost"},
                        raising=False)
    monkeypatch.setattr(checklist_edit, "sleep", lambda s: None, raising=False)


def notices(at, kind: str | None = None) -> list[str]:
    found = [(SYMBOLS[m[1]], html.unescape(m[2])) for h in at.html
             for m in NOTICE.finditer(h.proto.body)]
    return [text for k, text in found if kind in (None, k)]


def signed_in(run_page, query: dict | None = None):
    at = run_page("recs", query=query)
    at.text_input(key="recs_editor_name").set_value("홍길동").run()
    assert not at.exception
    return at


def save_button(at, rec_id: str):
    prefix = f"FormSubmitter:recs_form_{rec_id}-"
    return next(b for b in at.button if b.key and b.key.startswith(prefix))


def card(at, rec_id: str) -> str:
    """The HTML of a recommendation's card heading."""
    return next(h.proto.body for h in at.html
                if "sed-rec-title" in h.proto.body and f" {rec_id} · " in h.proto.body)


def test_not_reflected_needs_a_reason_and_the_card_shows_it_in_its_colour(run_page,
                                                                          checklist_state,
                                                                          dataset):
    first, second = dataset.recommendations["rec_id"].iloc[:2]
    at = signed_in(run_page)
    at.selectbox(key=f"recs_form_{first}_status").set_value("미반영")
    save_button(at, first).click().run()
    assert not at.exception
    refused = " ".join(notices(at, "error"))
    assert "처리 사유" in refused and first in refused
    assert Store(checklist_state).checklist().set_index("rec_id").at[first, "version"] == 1
    # The form kept the choice: add the reason and save.
    assert at.selectbox(key=f"recs_form_{first}_status").value == "미반영"
    at.text_area(key=f"recs_form_{first}_reason").set_value("시 권한 밖: 국가 사무")
    save_button(at, first).click().run()
    assert f"{first} 저장됨 (버전 2)" in notices(at, "success")
    saved = Store(checklist_state).checklist().set_index("rec_id").loc[first]
    assert (saved["status"], saved["reason"]) == ("미반영", "시 권한 밖: 국가 사무")
    head = card(at, first)
    assert "<b>처리 사유</b>: 시 권한 밖: 국가 사무" in head
    boxes = re.findall(r'<div class="sed-response" style="--c:(#[0-9A-Fa-f]{6})">', head)
    assert boxes and set(boxes) == {"#D55E00"}  # edged in the 미반영 colour, not green
    # 부분반영 without a reason is saved, with a prompt for it.
    at.selectbox(key=f"recs_form_{second}_status").set_value("부분반영")
    save_button(at, second).click().run()
    prompt = " ".join(notices(at, "warning"))
    assert f"{second} 저장됨 (버전 2)" in prompt and "처리 사유" in prompt
    assert "사유 미기재" not in card(at, second)


def test_a_not_reflected_item_without_reason_says_so_and_under_review_does_not(
        run_page, checklist_state, dataset):
    first, second = dataset.recommendations["rec_id"].iloc[:2]
    run_page("recs")  # seeds the state
    Store(checklist_state).save(first, {"status": "미반영"}, 1, "스크립트")
    at = run_page("recs")
    assert "<b>처리 사유</b>: 사유 미기재" in card(at, first)
    assert "사유 미기재" not in card(at, second)


def test_bulk_table_pins_id_and_title_and_refuses_a_reason_less_not_reflected(
        run_page, checklist_state):
    at = signed_in(run_page)
    editor = next(d for d in at.get("dataframe") if d.proto.editing_mode)
    config = json.loads(editor.proto.columns)
    assert config["rec_id"]["pinned"] and config["title"]["pinned"]
    assert not config["status"].get("pinned")
    assert config["reason"]["label"] == "처리 사유" and config["title"]["label"] == "권고"
    at.session_state["recs_bulk"] = {"edited_rows": {0: {"status": "미반영"},
                                                     1: {"status": "미반영", "reason": "중복"}},
                                     "added_rows": [], "deleted_rows": []}
    at.button(key="recs_bulk_save").click().run()
    refused = " ".join(notices(at, "error"))
    state = Store(checklist_state).checklist()
    assert state["rec_id"].iat[0] in refused and state["rec_id"].iat[1] not in refused
    assert set(state["version"]) == {1}  # all or nothing
    at.session_state["recs_bulk"] = {"edited_rows": {0: {"status": "미반영", "reason": "예산"},
                                                     1: {"status": "미반영", "reason": "중복"}},
                                     "added_rows": [], "deleted_rows": []}
    at.button(key="recs_bulk_save").click().run()
    assert notices(at, "success") == ["권고 2건 저장됨"]
    state = Store(checklist_state).checklist()
    assert state["reason"].iloc[:2].tolist() == ["예산", "중복"]


def walk(node, path=()):
    yield node, path
    for child in getattr(node, "children", {}).values():
        yield from walk(child, (*path, node.type))


def test_export_and_snapshots_are_above_the_list_without_opening_anything(run_page):
    at = signed_in(run_page)
    order = [(getattr(n, "key", None), getattr(n, "type", ""), path,
              getattr(getattr(n, "proto", None), "body", "")) for n, path in walk(at._tree)]
    first_card = next(i for i, (_, kind, _, body) in enumerate(order)
                      if kind == "html" and "sed-rec-title" in body)
    place = {key: (i, path) for i, (key, _, path, _) in enumerate(order) if key}
    for key in ("recs_export_xlsx", "recs_export_csv", "recs_snapshot_take",
                "recs_snapshot_name", "recs_editor_name"):
        position, path = place[key]
        assert position < first_card, key
        assert "expander" not in path, key  # nothing to open first
    assert "tab" in place["recs_snapshot_take"][1]


def test_snapshot_comparison_and_history_in_korean_and_english(run_page, checklist_state,
                                                               dataset, seoul):
    first, second = dataset.recommendations["rec_id"].iloc[:2]
    at = signed_in(run_page)
    at.text_input(key="recs_snapshot_name").set_value("중간보고회")
    at.button(key="recs_snapshot_take").click().run()
    Store(checklist_state).save_many([Edit(first, {"status": "미반영", "reason": "예산 부족"}, 1),
                                      Edit(second, {"status": "반영"}, 1)], "홍길동")
    at.text_input(key="recs_snapshot_name").set_value("최종보고회")
    at.button(key="recs_snapshot_take").click().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    n = len(dataset.recommendations)
    assert (metrics["미반영 결정"], metrics["후퇴"], metrics["새로 반영됨"], metrics["변동 없음"]
            ) == ("1", "0", "1", str(n - 2))
    frames = [d.value for d in at.dataframe]
    compared = next(f for f in frames if "변화" in f.columns).set_index("ID")
    assert compared.at[first, "처리 사유 (이후)"] == "예산 부족"
    assert compared.at[first, "권고"] == dataset.recommendations.set_index("rec_id").at[
        first, "title_ko"]
    listed = next(f for f in frames if "저장 시각" in f.columns)
    assert listed["저장 시각"].str.endswith(" KST").all()
    history = next(f for f in frames if "항목" in f.columns)
    assert history["시각"].str.endswith(" KST").all()
    assert not set(history["항목"]) & {"status", "reason", "plan_section", "response_note"}
    assert "데이터 폴더" in set(history["편집자"]) and "data" not in set(history["편집자"])
    per_rec = next(h.proto.body for h in at.html if "시각 · 편집자" in h.proto.body)
    assert "데이터에서 가져옴" in per_rec and "recommendations.csv" not in per_rec

    english = run_page("recs", query={"lang": "en"})
    assert not english.exception
    metrics = {m.label: m.value for m in english.metric}
    assert metrics["Declined"] == "1" and metrics["Unchanged"] == str(n - 2)
    frames = [d.value for d in english.dataframe]
    compared = next(f for f in frames if "Change" in f.columns).set_index("ID")
    assert (compared.at[first, "Status before"], compared.at[first, "Status after"]) == (
        "Under review", "Not reflected")
    history = next(f for f in frames if "Field" in f.columns)
    assert set(history["Field"]) >= {"Status", "Reason"}
    assert "data folder" in set(history["Editor"])
    assert {"Reflected", "Not reflected"} <= set(history["After"])
    raw_names = {"rec_id", "status_before", "status_after", "snapshot_id", "taken_at", "change",
                 "reason", "plan_section", "response_note", "updated_at", "updated_by"}
    for frame in frames:
        assert not raw_names & set(frame.columns), list(frame.columns)


def test_the_stores_refusals_are_shown_in_the_ui_language(run_page, checklist_state, dataset):
    first = dataset.recommendations["rec_id"].iat[0]
    at = signed_in(run_page, {"lang": "en"})
    at.selectbox(key=f"recs_form_{first}_status").set_value("반영")
    Store(checklist_state).save(first, {"status": "부분반영", "reason": "1단계만"}, 1, "동료")
    save_button(at, first).click().run()
    refused = " ".join(notices(at, "error"))
    assert "was saved by '동료'" in refused and "reason '1단계만'" in refused
    assert "저장했습니다" not in refused and "현재 값" not in refused


def test_the_page_shows_a_read_only_version_1_file_with_blank_reasons(run_page, checklist_state,
                                                                      monkeypatch):
    v1_file(checklist_state)
    with raw(checklist_state) as conn:  # a second snapshot, so the page compares them
        conn.execute("INSERT INTO snapshots (name, taken_at, editor) VALUES ('최종', ?, '김')",
                     (T0,))
        conn.execute("INSERT INTO snapshot_items SELECT 2, rec_id, '미반영', plan_section, "
                     "responsible_unit, response_note, version FROM items WHERE rec_id = 'R02'")
    monkeypatch.setattr("se_dashboard.checklist.store.can_write", lambda p: "file")
    before = digest(checklist_state)
    at = run_page("recs")
    assert not at.exception
    assert any("읽기 전용" in w for w in notices(at, "warning"))
    assert "<b>반영 위치</b>: 전략 1" in card(at, "R01")  # the saved state, not the data's
    compared = next(d.value for d in at.dataframe if "변화" in d.value.columns).set_index("ID")
    assert compared.loc["R02", ["변화", "처리 사유 (이후)"]].tolist() == ["미반영 결정", ""]
    assert digest(checklist_state) == before

"""The checklist editing flow in AppTest: local, passcode and read-only modes, stale edits,
bulk edits, snapshots, orphans; plus the pure access and progress helpers it relies on."""

import io
import shutil

import pandas as pd
import pytest
from conftest import DATA

from se_dashboard import checklist
from se_dashboard.access import access_for, is_loopback
from se_dashboard.store import Store
from se_dashboard.ui import checklist_edit


def save_button(at, rec_id: str):
    prefix = f"FormSubmitter:recs_form_{rec_id}-"
    return next(b for b in at.button if b.key and b.key.startswith(prefix))


def frame_with(at, column: str) -> pd.DataFrame:
    """The first dataframe shown with this column (AppTest gives dataframes no keys)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def metrics(at) -> list[str]:
    return [m.value for m in at.metric]


@pytest.fixture
def recs_page(run_page):
    def open_page(**kwargs):
        at = run_page("recs", **kwargs)
        assert not at.exception
        return at
    return open_page


def sign_in(at, name: str = "홍길동"):
    at.text_input(key="recs_editor_name").set_value(name).run()
    assert not at.exception
    return at


def test_local_server_edits_persist_with_history(recs_page, run_page, checklist_state):
    at = sign_in(recs_page())
    assert metrics(at)[:5] == ["0%", "0", "0", "17", "0"]
    at.selectbox(key="recs_form_R01_status").set_value("반영")
    at.text_input(key="recs_form_R01_plan_section").set_value("전략 2-3")
    at.text_input(key="recs_form_R01_responsible_unit").set_value("사회적경제과")
    at.text_area(key="recs_form_R01_response_note").set_value("경기도 사례를 부록에 실음")
    save_button(at, "R01").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["R01 저장됨 (버전 2)"]
    assert metrics(at)[:5] == ["6%", "1", "0", "16", "0"]  # 1 / 17 = 5.9 %
    row = Store(checklist_state).checklist().set_index("rec_id").loc["R01"]
    assert (row["status"], row["plan_section"], row["version"]) == ("반영", "전략 2-3", 2)
    history = Store(checklist_state).history("R01")
    assert set(history.loc[history["editor"] == "홍길동", "field"]) == {
        "status", "plan_section", "responsible_unit", "response_note"}
    # A new session (another browser) sees the saved state, on every page.
    overview = run_page("overview")
    assert metrics(overview)[5] == "1 / 17"


def test_stale_edit_is_refused_and_shows_the_current_value(recs_page, checklist_state):
    at = sign_in(recs_page())
    at.selectbox(key="recs_form_R02_status").set_value("반영")
    # A colleague saves R02 after this page was drawn.
    Store(checklist_state).save("R02", {"status": "미반영"}, 1, "동료", "")
    save_button(at, "R02").click().run()
    assert not at.exception
    errors = " ".join(e.value for e in at.error)
    assert "미반영" in errors and "R02" in errors
    row = Store(checklist_state).checklist().set_index("rec_id").loc["R02"]
    assert (row["status"], row["version"]) == ("미반영", 2)


def test_bulk_edit_saves_all_or_reports_stale(recs_page, checklist_state):
    at = sign_in(recs_page())
    at.session_state["recs_bulk"] = {"edited_rows": {0: {"status": "부분반영"},
                                                     2: {"plan_section": "전략 1-1"}},
                                     "added_rows": [], "deleted_rows": []}
    at.button(key="recs_bulk_save").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["권고 2건 저장됨"]
    state = Store(checklist_state).checklist().set_index("rec_id")
    assert state.at["R01", "status"] == "부분반영" and state.at["R03", "plan_section"] == "전략 1-1"
    # The table is drawn from a fixed base; a colleague's save in between makes it stale.
    at.run()
    Store(checklist_state).save("R04", {"status": "반영"}, 1, "동료", "")
    at.session_state["recs_bulk"] = {"edited_rows": {3: {"status": "미반영"}},
                                     "added_rows": [], "deleted_rows": []}
    at.button(key="recs_bulk_save").click().run()
    assert "R04" in " ".join(e.value for e in at.error)
    assert Store(checklist_state).checklist().set_index("rec_id").at["R04", "status"] == "반영"


def test_passcode_gates_editing(recs_page, monkeypatch):
    monkeypatch.setenv("SE_DASHBOARD_EDIT_PASSCODE", "s3cret")
    at = recs_page()
    assert not [w for w in at.text_input if w.key == "recs_editor_name"]
    assert not [s for s in at.selectbox if s.key and s.key.startswith("recs_form_")]
    at.text_input(key="recs_passcode").set_value("wrong")
    next(b for b in at.button if b.label == "편집 잠금 해제").click().run()
    assert "암호가 맞지 않습니다." in [e.value for e in at.error]
    at.text_input(key="recs_passcode").set_value("s3cret")
    next(b for b in at.button if b.label == "편집 잠금 해제").click().run()
    sign_in(at)
    assert at.selectbox(key="recs_form_R01_status").value == "검토중"


def test_network_server_without_passcode_is_read_only(recs_page, monkeypatch):
    monkeypatch.setattr(checklist_edit, "server_address", lambda: "0.0.0.0")
    at = recs_page()
    assert any("SE_DASHBOARD_EDIT_PASSCODE" in i.value for i in at.info)
    assert not [w for w in at.text_input if w.key == "recs_editor_name"]
    assert not [s for s in at.selectbox if s.key and s.key.startswith("recs_form_")]
    assert not [b for b in at.button if b.key == "recs_bulk_save"]


def test_snapshots_compare(recs_page, checklist_state):
    at = sign_in(recs_page())
    at.text_input(key="recs_snapshot_name").set_value("중간보고회")
    at.button(key="recs_snapshot_take").click().run()
    Store(checklist_state).save("R01", {"status": "반영"}, 1, "홍길동", "")
    at.text_input(key="recs_snapshot_name").set_value("최종보고회")
    at.button(key="recs_snapshot_take").click().run()
    assert not at.exception
    compared = frame_with(at, "status_before")
    assert compared.set_index("rec_id").at["R01", "change"] == "새로 반영됨"
    labels = {m.label: m.value for m in at.metric}
    assert labels["새로 반영됨"] == "1" and labels["아직 열림"] == "16"


def test_removed_recommendation_is_shown_as_orphaned(recs_page, checklist_state, tmp_path,
                                                     monkeypatch):
    recs_page()  # seeds the state from the bundled data
    Store(checklist_state).save("R17", {"status": "반영"}, 1, "홍길동", "")
    folder = tmp_path / "data"
    shutil.copytree(DATA, folder)
    remarks = pd.read_csv(folder / "remarks.csv", dtype=str, keep_default_na=False)
    remarks["recommendation_ids"] = remarks["recommendation_ids"].str.replace("R17", "R05")
    remarks.to_csv(folder / "remarks.csv", index=False)
    recs = pd.read_csv(folder / "recommendations.csv", dtype=str, keep_default_na=False)
    recs[recs["rec_id"] != "R17"].to_csv(folder / "recommendations.csv", index=False)
    at = recs_page(data=folder)
    orphans = frame_with(at, "updated_by")
    assert orphans["rec_id"].tolist() == ["R17"] and orphans["status"].tolist() == ["반영"]


@pytest.mark.parametrize(("address", "expected"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("", False), (None, False), ("192.168.0.10", False), ("example", False),
])
def test_is_loopback(address, expected):
    assert is_loopback(address) is expected


def test_access_modes():
    assert access_for("pw", "0.0.0.0").mode == "passcode"
    assert access_for(None, "127.0.0.1").mode == "local"
    assert access_for("  ", "0.0.0.0").mode == "read_only"
    gate = access_for("s3cret", "127.0.0.1")
    assert gate.unlocks("s3cret") and not gate.unlocks("s3cre") and not gate.unlocks("")
    assert not access_for(None, "127.0.0.1").unlocks("")


def test_reflection_rate_as_reports_compute_it(dataset):
    recs = dataset.recommendations.copy()
    recs["status"] = (["반영"] * 5 + ["부분반영"] * 3 + ["미반영"] * 2 + ["검토중"] * 7)
    recs["status"] = recs["status"].astype(dataset.recommendations["status"].dtype)
    result = checklist.reflection(recs)
    assert (result.total, result.reflected, result.partly) == (17, 5, 3)
    assert result.rate == pytest.approx((5 + 1.5) / 17)
    assert checklist.reflection(recs.iloc[:0]).rate == 0.0


def test_reflection_by_org_type(dataset):
    state = pd.DataFrame({"rec_id": ["R03", "R12"], "status": ["반영", "부분반영"],
                          "plan_section": ["", ""], "responsible_unit": ["", ""],
                          "response_note": ["", ""], "version": [2, 2],
                          "orphaned": [False, False]})
    ds = checklist.with_state(dataset, state)
    table = checklist.reflection_by_org_type(ds, ds.remarks).set_index("org_type")
    # coop backs R03 (반영), R05, R06, R12 (부분반영): (1 + 0.5) / 4
    assert table.at["coop", "rate"] == pytest.approx(1.5 / 4)
    assert table.at["support", "rate"] == 0.0


def test_with_state_and_changed_fields(dataset):
    state = pd.DataFrame({"rec_id": ["R01", "R99"], "status": ["반영", "미반영"],
                          "plan_section": ["전략 1", ""], "responsible_unit": ["과", ""],
                          "response_note": ["메모", ""], "version": [3, 1],
                          "orphaned": [False, True]})
    recs = checklist.with_state(dataset, state).recommendations.set_index("rec_id")
    assert (recs.at["R01", "status"], recs.at["R01", "plan_section"], recs.at["R01", "version"]
            ) == ("반영", "전략 1", 3)
    assert (recs.at["R02", "status"], recs.at["R02", "plan_section"]) == ("검토중", "")
    assert "R99" not in recs.index
    base = recs.reset_index()[["rec_id", "status", "plan_section"]].astype(str)
    changes = checklist.changed_fields(base, {0: {"status": "반영", "plan_section": " 전략 2 "},
                                              1: {"status": "검토중"}},
                                       ("status", "plan_section"))
    assert changes == {"R01": {"plan_section": "전략 2"}}


def test_history_export_csv_for_excel(recs_page, checklist_state):
    recs_page()  # seeds the state
    Store(checklist_state).save("R05", {"status": "부분반영", "response_note": "=1+1"}, 1,
                                "홍길동", "회의 후")
    data = checklist_edit.history_csv("ko", {"R05": "현장과 함께"})
    assert data.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype=str)
    assert list(table.columns) == ["시각 (UTC)", "편집자", "ID", "권고", "항목", "이전", "이후",
                                   "메모"]
    edits = table[table["편집자"] == "홍길동"].set_index("항목")
    assert edits.at["status", "이후"] == "부분반영" and edits.at["status", "이전"] == "검토중"
    assert edits.at["response_note", "이후"] == "'=1+1"  # no spreadsheet runs it
    assert (table["ID"] == "R05").sum() == 3  # the seed row and two changed fields

"""The checklist editing flow in AppTest: local, passcode and read-only modes, stale edits,
bulk edits, snapshots, orphans; plus the pure access and progress helpers it relies on."""

import html
import io
import re
import shutil

import pandas as pd
import pytest
from conftest import DATA

from se_dashboard.checklist import progress
from se_dashboard.checklist.access import Access, access_for, is_loopback
from se_dashboard.checklist.store import Store
from se_dashboard.ui import checklist_edit

NOTICE = re.compile(r'<div class="sed-notice"[^>]*>(.) (.*?)</div>', re.S)
SYMBOLS = {"✓": "success", "✕": "error", "⚠": "warning", "ℹ": "info"}


@pytest.fixture(autouse=True)
def local_request(monkeypatch):
    """AppTest sends no request headers: these tests are a browser on this machine, and the
    passcode delay is recorded instead of waited."""
    monkeypatch.setattr(checklist_edit, "request_headers", lambda: {"Host": "localhost"})
    waits: list[float] = []
    monkeypatch.setattr(checklist_edit, "sleep", waits.append)
    return waits


def notices(at, kind: str | None = None) -> list[str]:
    """The plain-text notices (render.notice) shown, of one kind or all, as their text."""
    found = [(SYMBOLS[m[1]], html.unescape(m[2])) for h in at.html
             for m in NOTICE.finditer(h.proto.body)]
    return [text for k, text in found if kind in (None, k)]


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


def test_local_server_edits_persist_with_history(recs_page, run_page, checklist_state,
                                                 dataset):
    n = len(dataset.recommendations)  # all 검토중 in the bundled data
    at = sign_in(recs_page())
    assert metrics(at)[:5] == ["0%", "0", "0", str(n), "0"]
    at.selectbox(key="recs_form_R01_status").set_value("반영")
    at.text_input(key="recs_form_R01_plan_section").set_value("전략 2-3")
    at.text_input(key="recs_form_R01_responsible_unit").set_value("사회적경제과")
    at.text_area(key="recs_form_R01_response_note").set_value("경기도 사례를 부록에 실음")
    save_button(at, "R01").click().run()
    assert not at.exception
    assert notices(at, "success") == ["R01 저장됨 (버전 2)"]
    assert metrics(at)[:5] == [f"{round(100 / n)}%", "1", "0", str(n - 1), "0"]
    row = Store(checklist_state).checklist().set_index("rec_id").loc["R01"]
    assert (row["status"], row["plan_section"], row["version"]) == ("반영", "전략 2-3", 2)
    history = Store(checklist_state).history("R01")
    assert set(history.loc[history["editor"] == "홍길동", "field"]) == {
        "status", "plan_section", "responsible_unit", "response_note"}
    # A new session (another browser) sees the saved state, on every page.
    overview = run_page("overview")
    assert metrics(overview)[5] == f"1 / {n}"


def test_stale_edit_is_refused_and_shows_the_current_value(recs_page, checklist_state):
    at = sign_in(recs_page())
    at.selectbox(key="recs_form_R02_status").set_value("반영")
    # A colleague saves R02 after this page was drawn.
    Store(checklist_state).save("R02", {"status": "미반영"}, 1, "동료", "")
    save_button(at, "R02").click().run()
    assert not at.exception
    errors = " ".join(notices(at, "error"))
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
    # Saved; the 부분반영 without a reason is prompted for one (a warning, not a refusal).
    saved = notices(at, "warning")
    assert len(saved) == 1 and saved[0].startswith("권고 2건 저장됨") and "R01" in saved[0]
    state = Store(checklist_state).checklist().set_index("rec_id")
    assert state.at["R01", "status"] == "부분반영" and state.at["R03", "plan_section"] == "전략 1-1"
    # The table is drawn from a fixed base; a colleague's save in between makes it stale.
    at.run()
    Store(checklist_state).save("R04", {"status": "반영"}, 1, "동료", "")
    at.session_state["recs_bulk"] = {"edited_rows": {3: {"status": "미반영",
                                                         "reason": "예산 부족"}},
                                     "added_rows": [], "deleted_rows": []}
    at.button(key="recs_bulk_save").click().run()
    assert "R04" in " ".join(notices(at, "error"))
    assert Store(checklist_state).checklist().set_index("rec_id").at["R04", "status"] == "반영"


def test_passcode_gates_editing(recs_page, monkeypatch):
    monkeypatch.setenv("SE_DASHBOARD_EDIT_PASSCODE", "s3cret")
    at = recs_page()
    assert not [w for w in at.text_input if w.key == "recs_editor_name"]
    assert not [s for s in at.selectbox if s.key and s.key.startswith("recs_form_")]
    at.text_input(key="recs_passcode").set_value("wrong")
    next(b for b in at.button if b.label == "편집 잠금 해제").click().run()
    assert "암호가 맞지 않습니다." in notices(at, "error")
    at.text_input(key="recs_passcode").set_value("s3cret")
    next(b for b in at.button if b.label == "편집 잠금 해제").click().run()
    sign_in(at)
    assert at.selectbox(key="recs_form_R01_status").value == "검토중"


def test_network_server_without_passcode_is_read_only(recs_page, monkeypatch):
    monkeypatch.setattr(checklist_edit, "server_address", lambda: "0.0.0.0")
    at = recs_page()
    assert any("SE_DASHBOARD_EDIT_PASSCODE" in i for i in notices(at, "info"))
    assert not [w for w in at.text_input if w.key == "recs_editor_name"]
    assert not [s for s in at.selectbox if s.key and s.key.startswith("recs_form_")]
    assert not [b for b in at.button if b.key == "recs_bulk_save"]


def test_snapshots_compare(recs_page, checklist_state, dataset):
    at = sign_in(recs_page())
    at.text_input(key="recs_snapshot_name").set_value("중간보고회")
    at.button(key="recs_snapshot_take").click().run()
    Store(checklist_state).save("R01", {"status": "반영"}, 1, "홍길동", "")
    at.text_input(key="recs_snapshot_name").set_value("최종보고회")
    at.button(key="recs_snapshot_take").click().run()
    assert not at.exception
    compared = frame_with(at, "이전 상태")
    assert list(compared.columns) == ["ID", "권고", "이전 상태", "이후 상태", "처리 사유 (이후)",
                                      "변화"]
    assert compared.set_index("ID").at["R01", "변화"] == "새로 반영됨"
    labels = {m.label: m.value for m in at.metric}
    stayed = len(dataset.recommendations) - 1
    assert labels["새로 반영됨"] == "1" and labels["변동 없음"] == str(stayed)


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
    orphans = frame_with(at, "마지막 저장")
    assert orphans["ID"].tolist() == ["R17"] and orphans["반영 상태"].tolist() == ["반영"]


@pytest.mark.parametrize(("address", "expected"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True),
    ("0.0.0.0", False), ("", False), (None, False), ("192.168.0.10", False), ("example", False),
])
def test_is_loopback(address, expected):
    assert is_loopback(address) is expected


def test_access_modes():
    assert access_for("pw", "0.0.0.0", False).mode == "passcode"
    assert access_for(None, "127.0.0.1", True).mode == "local"
    assert access_for(None, "0.0.0.0", True) == Access("read_only", reason="network")
    gate = access_for("s3cret", "127.0.0.1", True)
    assert gate.unlocks("s3cret") and not gate.unlocks("s3cre") and not gate.unlocks("")
    assert not access_for(None, "127.0.0.1", True).unlocks("")


def test_reflection_rate_as_reports_compute_it(dataset):
    recs = dataset.recommendations.copy()
    n = len(recs)
    recs["status"] = (["반영"] * 5 + ["부분반영"] * 3 + ["미반영"] * 2 + ["검토중"] * (n - 10))
    recs["status"] = recs["status"].astype(dataset.recommendations["status"].dtype)
    result = progress.reflection(recs)
    assert (result.total, result.reflected, result.partly) == (n, 5, 3)
    assert result.rate == pytest.approx((5 + 1.5) / n)
    assert progress.reflection(recs.iloc[:0]).rate == 0.0


def test_reflection_by_org_type(dataset):
    links = dataset.remark_recs.astype(str)
    backed = links.groupby("org_type")["rec_id"].apply(set).to_dict()
    coop = sorted(backed["coop"])
    assert len(coop) >= 2
    done, partly = coop[0], coop[1]
    state = pd.DataFrame({"rec_id": [done, partly], "status": ["반영", "부분반영"],
                          "plan_section": ["", ""], "responsible_unit": ["", ""],
                          "response_note": ["", ""], "version": [2, 2],
                          "orphaned": [False, False]})
    ds = progress.with_state(dataset, state)
    table = progress.reflection_by_org_type(ds, ds.remarks).set_index("org_type")
    # coop backs `done` (반영), `partly` (부분반영) and the rest open: (1 + 0.5) / all it backs
    assert table.at["coop", "rate"] == pytest.approx(1.5 / len(coop))
    for org_type, recs in backed.items():
        expected = ((done in recs) + 0.5 * (partly in recs)) / len(recs)
        assert table.at[org_type, "rate"] == pytest.approx(expected), org_type


def test_with_state_and_changed_fields(dataset):
    state = pd.DataFrame({"rec_id": ["R01", "R99"], "status": ["반영", "미반영"],
                          "plan_section": ["전략 1", ""], "responsible_unit": ["과", ""],
                          "response_note": ["메모", ""], "version": [3, 1],
                          "orphaned": [False, True]})
    recs = progress.with_state(dataset, state).recommendations.set_index("rec_id")
    assert (recs.at["R01", "status"], recs.at["R01", "plan_section"], recs.at["R01", "version"]
            ) == ("반영", "전략 1", 3)
    assert (recs.at["R02", "status"], recs.at["R02", "plan_section"]) == ("검토중", "")
    assert "R99" not in recs.index
    base = recs.reset_index()[["rec_id", "status", "plan_section"]].astype(str)
    changes = progress.changed_fields(base, {0: {"status": "반영", "plan_section": " 전략 2 "},
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
    assert list(table.columns) == ["시각", "편집자", "ID", "권고", "항목", "이전", "이후", "메모"]
    edits = table[table["편집자"] == "홍길동"].set_index("항목")
    assert edits.at["반영 상태", "이후"] == "부분반영" and edits.at["반영 상태", "이전"] == "검토중"
    assert edits.at["조치 내용", "이후"] == "'=1+1"  # no spreadsheet runs it
    assert (table["ID"] == "R05").sum() == 3  # the seed row and two changed fields


HOSTILE = "**굵게** ![x](http://192.0.2.1/x.png) :smile: :material/home: $x^2$ <b>b</b>"


def markdown_texts(at) -> str:
    """Everything shown through elements that interpret Markdown."""
    return " ".join(str(e.value) for kind in ("markdown", "caption", "success", "error",
                                                 "info", "warning") for e in getattr(at, kind))


def test_names_ids_and_values_in_messages_are_plain_text(recs_page, checklist_state, dataset):
    first, second = dataset.recommendations["rec_id"].iloc[:2]
    at = sign_in(recs_page(), HOSTILE)
    captions = [html.unescape(m) for h in at.html
                for m in re.findall(r'<div class="sed-caption">(.*?)</div>', h.proto.body)]
    assert f"편집자: {HOSTILE}" in captions  # the editor's own name, as typed
    # A colleague with a hostile name and value saves first: our save is stale.
    Store(checklist_state).save(second, {"plan_section": "[전략](http://192.0.2.1/)"}, 1, HOSTILE)
    at.selectbox(key=f"recs_form_{second}_status").set_value("반영")
    save_button(at, second).click().run()
    stale = " ".join(notices(at, "error"))
    assert HOSTILE in stale and "[전략](http://192.0.2.1/)" in stale and second in stale
    assert "192.0.2.1" not in markdown_texts(at)
    at.text_input(key="recs_snapshot_name").set_value(HOSTILE)
    at.button(key="recs_snapshot_take").click().run()
    assert f"스냅샷 '{HOSTILE}' 저장됨" in notices(at, "success")
    assert "굵게" not in markdown_texts(at)
    at.selectbox(key=f"recs_form_{first}_status").set_value("반영")
    save_button(at, first).click().run()
    assert f"{first} 저장됨 (버전 2)" in notices(at, "success")
    assert "192.0.2.1" not in markdown_texts(at) and "굵게" not in markdown_texts(at)

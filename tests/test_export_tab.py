"""The export tab of the recommendations page (issue 11): one row per recommendation or per
remark, of the current checklist or of a named snapshot, with the state exported and its
as-of time (local, with the zone's name) in the XLSX title."""

from __future__ import annotations

import io
import re
from collections.abc import Callable

import pandas as pd
import pytest
from openpyxl import load_workbook
from streamlit.runtime.media_file_manager import MediaFileManager

from se_dashboard.checklist.store import Store, state_path
from se_dashboard.present.disposition import COLUMNS_KO, REMARK_COLUMNS_KO

STAMP = r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)? KST"


@pytest.fixture(autouse=True)
def in_seoul(seoul: None) -> None:
    """The server's local time zone is Asia/Seoul in every test here."""


@pytest.fixture(autouse=True)
def deferred(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """Every download button's deferred callable, by file id (AppTest's runtime ends with the
    run, so they are kept as the server's media file manager registers them)."""
    kept: dict[str, Callable[[], bytes]] = {}
    register = MediaFileManager.add_deferred

    def add_deferred(self, data_callable, *args, **kwargs):
        file_id = register(self, data_callable, *args, **kwargs)
        kept[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", add_deferred)
    return kept


@pytest.fixture
def download(deferred) -> Callable[[object, str], bytes]:
    """Return the bytes a download button of the last run sends on a click."""
    return lambda at, key: deferred[at.download_button(key=key).proto.deferred_file_id]()


def sheet(data: bytes):
    return load_workbook(io.BytesIO(data)).active


def test_current_state_by_recommendation(run_page, download) -> None:
    at = run_page("recs")
    assert not at.exception
    rows = at.radio(key="recs_export_rows")
    assert rows.value == "rec" and rows.options == ["권고별", "발언별"]
    assert at.selectbox(key="recs_export_state").options == ["현재 상태"]
    ws = sheet(download(at, "recs_export_xlsx"))
    title = ws["A1"].value
    assert title.startswith("의견 반영 결과표 · 중간보고회 · 현재 상태 · ")
    assert re.search(rf"· {STAMP} 기준$", title), title
    assert tuple(c.value for c in ws[2]) == COLUMNS_KO


def test_a_named_snapshot_by_remark(run_page, dataset, download) -> None:
    at = run_page("recs")  # seeds the state file
    store = Store(state_path())
    rec_id = dataset.recommendations["rec_id"].iat[0]
    store.take_snapshot("최종보고회", "tester")
    version = int(store.checklist().set_index("rec_id").at[rec_id, "version"])
    store.save(rec_id, {"status": "미반영", "reason": "예산 부족"}, version, "tester")
    at.run()
    state = at.selectbox(key="recs_export_state")
    assert state.options == ["현재 상태", "최종보고회"]
    at.radio(key="recs_export_rows").set_value("remark")
    state.set_value("최종보고회")
    at.run()
    assert not at.exception
    ws = sheet(download(at, "recs_export_xlsx"))
    title = ws["A1"].value
    assert title.startswith("의견 반영 결과표 (발언별) · 중간보고회 · 스냅샷 '최종보고회' · ")
    assert re.search(rf"· {STAMP} 기준$", title), title
    assert tuple(c.value for c in ws[2]) == REMARK_COLUMNS_KO
    status = {row[5].value.split()[0]: row[7].value for row in ws.iter_rows(min_row=3)}
    assert status[rec_id] == "검토중"  # as in the snapshot, not the later 미반영
    csv = pd.read_csv(io.BytesIO(download(at, "recs_export_csv")), encoding="utf-8-sig",
                      dtype=str, keep_default_na=False)
    assert tuple(csv.columns) == REMARK_COLUMNS_KO
    assert len(csv) == ws.max_row - 2
    # The current state again: the later decision and its reason.
    at.selectbox(key="recs_export_state").set_value("")
    at.run()
    csv = pd.read_csv(io.BytesIO(download(at, "recs_export_csv")), encoding="utf-8-sig",
                      dtype=str, keep_default_na=False)
    mine = csv[csv["권고"].str.startswith(f"{rec_id} ")]
    assert set(mine["반영 여부"]) == {"미반영"} and set(mine["처리 사유"]) == {"예산 부족"}


def test_the_english_export_names_its_sheet_in_english(run_page, download) -> None:
    at = run_page("recs", query={"lang": "en"})
    assert not at.exception
    ws = sheet(download(at, "recs_export_xlsx"))
    assert ws.title == "Disposition"
    assert sheet(download(run_page("recs"), "recs_export_xlsx")).title == "의견 반영 결과"

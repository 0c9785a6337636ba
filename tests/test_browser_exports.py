"""Browser test of the export tab (issue 11): choosing one row per remark downloads an XLSX
whose title names the current state and its as-of time, with the by-remark columns."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from browser_helpers import open_page, wait_for_render
from conftest import URLS
from openpyxl import load_workbook
from playwright.sync_api import Page

from se_dashboard.present.disposition import REMARK_COLUMNS_KO

pytestmark = pytest.mark.browser


def test_xlsx_by_remark_downloads_with_state_and_time(app: Page, server: str,
                                                      tmp_path: Path) -> None:
    open_page(app, f"{server}/{URLS['recs']}")
    app.get_by_role("tab", name="결과표 내보내기").click()
    app.get_by_text("발언별", exact=True).click()
    wait_for_render(app)
    with app.expect_download() as download:
        app.get_by_role("button", name="엑셀 (XLSX)").click()
    assert download.value.suggested_filename == "disposition-by-remark.xlsx"
    path = tmp_path / "by-remark.xlsx"
    download.value.save_as(path)
    ws = load_workbook(path).active
    title = ws["A1"].value
    assert title.startswith("의견 반영 결과표 (발언별) · 중간보고회 · 현재 상태 · "), title
    assert re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d \S+ 기준$", title), title
    assert tuple(c.value for c in ws[2]) == REMARK_COLUMNS_KO
    assert ws["B3"].value == "M01"

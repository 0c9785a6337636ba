"""Browser test of the checklist toolbar and the reason (issue 11): at 1280x720 the export and
snapshot tabs sit above the first recommendation, an editor takes a snapshot without opening
anything but the tab, and a 미반영 saved with its reason shows it in a box edged in the 미반영
colour, not the green of a reflected item."""

from __future__ import annotations

import re
import uuid

import pytest
from browser_helpers import open_page, wait_for_render
from conftest import URLS
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

NOT_REFLECTED_EDGE = "rgb(213, 94, 0)"  # palette.STATUS_COLOURS["미반영"], #D55E00


def test_toolbar_above_the_list_and_a_reason_in_its_colour(app: Page, server: str) -> None:
    app.set_viewport_size({"width": 1280, "height": 720})
    open_page(app, f"{server}/{URLS['recs']}")
    cards = app.locator('[class*="st-key-recs_item_"]')
    first_card_top = cards.first.bounding_box()["y"]
    for name in ("결과표 내보내기", "스냅샷"):
        tab = app.get_by_role("tab", name=name)
        box = tab.bounding_box()
        assert box["y"] + box["height"] <= 720, name  # in the first screen, no scrolling
        assert box["y"] < first_card_top, name
    name = app.get_by_label("편집자 이름 (변경 이력에 남습니다)")
    expect(name).to_be_visible()
    name.fill("브라우저 시험")
    name.press("Enter")
    wait_for_render(app)

    app.get_by_role("tab", name="스냅샷").click()
    snapshot = f"최종보고회 {uuid.uuid4().hex[:6]}"
    app.get_by_label("스냅샷 이름").fill(snapshot)
    take = app.get_by_role("button", name="현재 체크리스트를 스냅샷으로 저장")
    assert take.bounding_box()["y"] < cards.first.bounding_box()["y"]
    take.click()
    wait_for_render(app)
    expect(app.locator(".sed-notice", has_text=f"스냅샷 '{snapshot}' 저장됨")).to_be_visible()

    item = cards.last
    item.get_by_text("편집", exact=True).click()
    item.get_by_label("반영 상태").click()
    app.get_by_role("option", name="미반영", exact=True).click()
    item.get_by_role("textbox", name=re.compile("^처리 사유")).fill("타기관 이첩: 경기도 소관")
    item.get_by_role("button", name="저장").click()
    wait_for_render(app)
    reason = cards.last.locator(".sed-response", has_text="타기관 이첩: 경기도 소관")
    expect(reason).to_be_visible()
    assert reason.evaluate("e => getComputedStyle(e).borderLeftColor") == NOT_REFLECTED_EDGE
    background = reason.evaluate("e => getComputedStyle(e).backgroundColor")
    assert background == "rgb(246, 247, 249)"  # neutral, not the green tint of before

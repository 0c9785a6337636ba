"""The import page in a real browser: upload a DOCX through the file chooser, correct one
speaker's organization type in the table, save, see the new meeting in the dashboard's meeting
filter, then switch back to the previous version. Every render also runs the no-foreign-request
guard and fails on a Streamlit exception box; the page with its tables has no serious or
critical axe-core finding."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import RENDER_TIMEOUT, open_page, wait_for_render
from conftest import DATA, streamlit_server
from playwright.sync_api import Page, expect
from test_accessibility import audit, blocking

from se_dashboard.data import versions
from se_dashboard.data.loader import load
from se_dashboard.data.versions import VERSIONS_ENV

pytestmark = pytest.mark.browser

MEETING = "최종보고회"
NEW = "박새롬"


def minutes_docx(path: Path) -> Path:
    """A small minutes file as a secretary would type it in Word."""
    from docx import Document

    document = Document()
    document.add_heading("광명시 사회적경제 기본계획 최종보고회 회의록", level=1)
    document.add_paragraph("일시: 2026년 11월 20일(금) 14:00")
    document.add_paragraph("○ 이은애(서울시 사회적경제지원센터장)")
    document.add_paragraph("실행 계획을 현장과 함께 점검해 주었으면 한다. 분기마다 한 번은 "
                           "모이면 좋겠다.")
    document.add_paragraph("○ 박새롬(새봄소비자협동조합 이사장) 공공구매를 늘려 주기 바란다.")
    document.add_paragraph("- 끝 -")
    document.save(path)
    return path


@pytest.fixture(scope="module")
def import_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, Path]]:
    """A server on a copy of the bundled data, with its own versions folder."""
    root = tmp_path_factory.mktemp("import")
    data = root / "data"
    shutil.copytree(DATA, data)
    kept = root / "versions"
    with streamlit_server(data=data, env={VERSIONS_ENV: str(kept)}) as url:
        yield url, data.resolve(), kept


def choose_type(page: Page, row: int, label: str) -> None:
    """Choose the organization type of row `row` (0: the first speaker) of the speaker table.

    glide-data-grid draws on a canvas: select the row's first cell by clicking it (rows are of
    equal height, as many as its accessibility table counts, the header included), move to the
    type column (the fourth) with the keyboard, open its list with Enter and pick the label."""
    grid = page.get_by_test_id("stDataFrameResizable").first
    grid.scroll_into_view_if_needed()
    box = grid.bounding_box()
    rows = int(grid.locator("table[role=grid]").get_attribute("aria-rowcount"))
    height = box["height"] / rows
    page.mouse.click(box["x"] + 20, box["y"] + height * (row + 1.5))
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Enter")
    page.get_by_role("option", name=label, exact=True).click()


def test_upload_correct_save_and_switch_back(app: Page, import_server: tuple[str, Path, Path],
                                             tmp_path: Path, screenshots: Path) -> None:
    url, data, kept = import_server
    app.set_viewport_size({"width": 1280, "height": 900})
    open_page(app, f"{url}/import")
    expect(app.get_by_role("heading", level=1)).to_have_text("가져오기")

    app.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(
        minutes_docx(tmp_path / "최종보고회-회의록.docx"))
    expect(app.get_by_text("읽은 회의록: 최종보고회-회의록.docx")).to_be_visible(
        timeout=RENDER_TIMEOUT)
    wait_for_render(app)
    title = app.get_by_label("회의 이름 (예: 최종보고회)")
    title.fill(MEETING)
    title.press("Enter")
    # The first plan of a server builds the sentence splitter (kiwipiepy), which takes a while.
    expect(app.get_by_text("발언자 2명, 발언 2개, 발췌 3개를 찾았습니다.")).to_be_visible(
        timeout=3 * RENDER_TIMEOUT)
    wait_for_render(app)
    editor = app.get_by_test_id("stDataFrame").first
    editor.scroll_into_view_if_needed()
    app.screenshot(path=screenshots / "import-found-ko.png")
    serious = blocking(audit(app, "import [found]"))
    assert not serious, "\n".join(serious)

    # 박새롬's co-op is new to the data: untyped until a type is chosen from the labels.
    choose_type(app, 1, "소비자협동조합")
    expect(app.get_by_text("고친 내용을 반영했습니다.")).to_be_visible(timeout=RENDER_TIMEOUT)
    wait_for_render(app)
    expect(app.get_by_text("'유형 미정'인 발언자가")).to_have_count(0)

    app.get_by_role("button", name="새 버전으로 저장").click()
    saved = app.get_by_text("'최종보고회' 회의의 발췌 3개(발언자 2명)를 새 버전")
    expect(saved).to_be_visible(timeout=RENDER_TIMEOUT)
    wait_for_render(app)
    saved.scroll_into_view_if_needed()
    app.screenshot(path=screenshots / "import-saved-ko.png")
    made = versions.list_versions(data, kept)
    assert len(made) == 1 and made[0].current
    new = load(made[0].path).remarks.query(f"meeting == '{MEETING}'")
    assert new["speaker"].tolist() == ["이은애", "이은애", NEW]
    assert new["org_type"].astype(str).tolist() == ["support", "support", "coop"]

    # The link opens the overview on the new meeting, chosen in the sidebar's meeting filter.
    app.get_by_role("link", name=f"개요에서 '{MEETING}' 보기").click()
    app.wait_for_url(f"{url}/?*mt=*")
    wait_for_render(app)
    sidebar = app.get_by_test_id("stSidebar")
    chosen = sidebar.locator("[data-tag]", has_text=MEETING)
    expect(chosen).to_have_count(1, timeout=RENDER_TIMEOUT)
    app.screenshot(path=screenshots / "import-overview-new-meeting-ko.png")

    # Back to the original folder: the dashboard has one meeting again (no meeting filter).
    open_page(app, f"{url}/import")
    choice = app.get_by_test_id("stSelectbox").filter(has_text="바꿀 버전")
    choice.get_by_role("combobox").click()
    app.keyboard.press("ArrowDown")  # the click focuses the box; the key opens its list
    app.get_by_role("option", name="원본 데이터 폴더").click()
    app.get_by_role("button", name="이 버전으로 바꾸기…").click()
    expect(app.get_by_text("'원본 데이터 폴더'(으)로 바꿀까요?")).to_be_visible()
    wait_for_render(app)
    app.get_by_role("button", name="바꾸기", exact=True).click()
    expect(app.get_by_text("'원본 데이터 폴더'(으)로 바꿨습니다.")).to_be_visible()
    wait_for_render(app)
    app.screenshot(path=screenshots / "import-switched-back-ko.png")
    assert versions.current_name(data, kept) is None
    open_page(app, f"{url}/")
    expect(app.get_by_test_id("stSidebar").get_by_text("회의", exact=True)).to_have_count(0)
    expect(app.get_by_text(MEETING)).to_have_count(0)

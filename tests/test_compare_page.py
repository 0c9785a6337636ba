"""The compare page (pages/5_compare.py) in AppTest on the two-meeting fixture: what it shows,
the compared meetings, filters from the URL, the English switch, the anonymized view, one
meeting only, and its CSV tables. Expected figures are hand-checked against
tests/fixtures/two_meetings (its README gives the per-meeting figures)."""

from __future__ import annotations

import csv
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import test_inert_text as inert  # its check that no data markup takes effect on a page
from conftest import APP, DATA, FIXTURES
from streamlit.testing.v1 import AppTest

from se_dashboard.analysis import compare
from se_dashboard.data.loader import DATA_ENV, load
from se_dashboard.data.text import has_invisible
from se_dashboard.present import export
from se_dashboard.present.labels import t
from se_dashboard.present.vocab import meeting_titles, theme_labels
from se_dashboard.ui import compare_view

COMPARE = "pages/5_compare.py"
TWO = FIXTURES / "two_meetings"
HOSTILE = FIXTURES / "hostile_data"
INTERIM, FINAL = "중간보고회", "최종보고회"
RunCompare = Callable[..., AppTest]


@pytest.fixture
def run_compare(monkeypatch: pytest.MonkeyPatch) -> RunCompare:
    """Run the compare page in AppTest on a data folder (default: the two-meeting fixture),
    with query parameters as a deep link would give them."""

    def run(query: dict[str, str | list[str]] | None = None, data: Path = TWO) -> AppTest:
        monkeypatch.setenv(DATA_ENV, str(data))
        at = AppTest.from_file(str(APP), default_timeout=30)
        for key, value in (query or {}).items():
            at.query_params[key] = value
        at.switch_page(COMPARE)
        return at.run()

    return run


def html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.html)


def lists(at: AppTest) -> dict[str, tuple[int, list[str]]]:
    """The new / persisted / dropped lists: change -> (count in the heading, items)."""
    found = {}
    for body in (h.proto.body for h in at.html if "sed-cmp-list" in h.proto.body):
        change = re.search(r'data-change="(\w+)"', body).group(1)
        count = int(re.search(r"</b> \((\d+)\)", body).group(1))
        found[change] = (count, re.findall(r"<li>(.*?)</li>", body))
    return found


def frame(at: AppTest, column: str):
    """The table shown with a column of that name."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_renders_the_comparison_first_to_last(run_compare):
    at = run_compare()
    assert not at.exception
    assert at.title[0].value == "회의 비교"
    assert at.selectbox(key="compare_earlier").value == INTERIM
    assert at.selectbox(key="compare_later").value == FINAL
    body = html(at)
    assert "중간보고회: 참석자 15명 · 발췌 35건" in body
    assert "최종보고회: 참석자 5명 · 발췌 8건 · 코딩 전 3건" in body
    assert "최종보고회 발언 3건은 아직 주제를 코딩하지 않아" in body  # not read as dropped
    got = lists(at)
    assert got["new"] == (0, [])
    assert got["persisted"][0] == 7
    assert got["persisted"][1][:2] == ["지원센터·중간지원조직 (7 → 2)",
                                       "참여형 계획·거버넌스 (4 → 1)"]
    assert got["dropped"] == (5, ["기업 지속가능성·자립 (5 → 0)", "지역 특성·자원 (4 → 0)",
                                  "연구·실태 분석 (4 → 0)", "마을·주민 (3 → 0)",
                                  "네트워크·연대 (3 → 0)"])
    assert "두 회의 모두 4명 · 중간보고회에서만 11명 · 최종보고회에서만 1명" in body
    people = frame(at, "발언자")
    assert people["발언자"].tolist()[:5] == ["이한준", "이은애", "박미정", "강찬호", "한용명"]
    assert people.iloc[-1].to_dict() == {
        "발언자": "정하늘", "소속": "광명청년넷", "기관 유형": "유형 미정",
        "발언한 회의": "최종보고회에서만", "중간보고회 발췌": 0, "최종보고회 발췌": 2}
    recs = frame(at, "ID").set_index("ID")
    assert len(recs) == 20
    # R03: 이한준 M03, 박미정 M16, 윤혜갑 M19, 박태현 M30 at the interim meeting; 이한준 M36
    columns = ["중간보고회 참석자", "최종보고회 참석자", "근거가 나온 회의"]
    assert recs.loc["R03", columns].tolist() == [4, 1, "중간보고회, 최종보고회"]
    assert recs.loc["R10", "근거가 나온 회의"] == "중간보고회"


def test_the_chart_shows_both_meetings_side_by_side_with_labels(run_compare):
    at = run_compare()
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    traces = [d for d in figure["data"] if d["type"] == "bar"]
    assert [d["name"] for d in traces] == [INTERIM, FINAL]
    assert traces[0]["y"][0] == "참여형 계획·거버넌스"  # codebook order, first on top
    assert traces[0]["x"][:2] == [4, 7] and traces[1]["x"][:2] == [1, 2]  # participants
    assert traces[0]["text"][:2] == ["4", "7"]  # every bar carries its value
    assert traces[0]["marker"]["pattern"]["shape"] != traces[1]["marker"]["pattern"]["shape"]
    at.segmented_control(key="compare_unit").set_value("excerpts").run()
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    traces = [d for d in figure["data"] if d["type"] == "bar"]
    assert traces[0]["x"][:2] == [8, 8]  # governance M04 M05 M06 M07 M08 M23 M27 M33; ...


def test_changing_the_compared_meetings_changes_the_numbers(run_compare):
    at = run_compare()
    at.selectbox(key="compare_earlier").set_value(FINAL).run()
    at.selectbox(key="compare_later").set_value(INTERIM).run()
    assert not at.exception
    got = lists(at)
    assert (got["new"][0], got["persisted"][0], got["dropped"]) == (5, 7, (0, []))
    assert got["new"][1][0] == "기업 지속가능성·자립 (0 → 5)"
    assert "두 회의 모두 4명 · 최종보고회에서만 1명 · 중간보고회에서만 11명" in html(at)
    assert frame(at, "발언자")["발언자"].tolist()[4] == "정하늘"
    at.selectbox(key="compare_later").set_value(FINAL).run()
    assert "같은 회의를 두 번 골랐습니다" in html(at) and not lists(at)


def test_an_org_type_filter_in_the_url_changes_the_numbers(run_compare):
    at = run_compare({"org": ["coop"]})
    assert not at.exception
    assert "<b>기관 유형</b>: 소비자협동조합" in html(at)
    got = lists(at)
    # coops: 박미정 서원희 김미숙 최미자 at the interim meeting; 박미정 M39 (implementation)
    assert got["new"] == (0, [])
    assert got["persisted"] == (1, ["실행력·구체성 (1 → 1)"])
    assert got["dropped"][0] == 7 and got["dropped"][1][0] == "참여형 계획·거버넌스 (2 → 0)"
    assert "두 회의 모두 1명 · 중간보고회에서만 3명 · 최종보고회에서만 0명" in html(at)
    recs = frame(at, "ID").set_index("ID")
    # coops back R03 R05 R10 R12 R14 R20; R12 at both meetings (박미정 M17, M39)
    assert recs.index.tolist() == ["R03", "R05", "R10", "R12", "R14", "R20"]
    assert recs.loc["R12", "근거가 나온 회의"] == "중간보고회, 최종보고회"


def test_english_switch(run_compare):
    at = run_compare()
    at.sidebar.radio(key="compare_lang").set_value("en").run()
    assert not at.exception
    assert at.title[0].value == "Compare meetings"
    assert at.selectbox(key="compare_earlier").label == "Earlier meeting"
    body = html(at)
    assert "Interim report meeting: 15 participants · 35 excerpts" in body
    assert "At both: 4 · at the Interim report meeting only: 11 · at the Final report meeting " \
           "only: 1" in body
    got = lists(at)
    assert got["dropped"][1][0] == "Enterprise sustainability &amp; self-reliance (5 → 0)"
    people = frame(at, "Speaker")
    assert list(people.columns) == ["Speaker", "Organization", "Organization type", "Spoke at",
                                    "Interim report meeting: excerpts",
                                    "Final report meeting: excerpts"]
    assert people["Spoke at"].iloc[0] == "Both"
    assert "Backed at" in frame(at, "ID").columns


def test_anonymized_view_shows_no_names(run_compare):
    at = run_compare({"anon": "1"})
    assert not at.exception
    people = frame(at, "발언자")
    assert "소속" not in people.columns
    assert people["발언자"].iloc[0] == "참석자 A · 행정·공공기관"  # 이한준, first to speak
    shown = html(at) + " ".join(str(d.value.to_dict()) for d in at.dataframe)
    # names, organizations and roles (R01's title names 경기도 the province, not a speaker)
    assert not [n for n in ("이한준", "정하늘", "광명청년넷", "광명시민신문", "사회적경제팀장")
                if n in shown]


def test_one_meeting_says_how_to_bring_in_another(run_compare):
    at = run_compare(data=DATA)
    assert not at.exception
    body = html(at)
    assert "회의 비교에는 회의가 두 개 이상 필요합니다" in body and "(중간보고회)" in body
    assert "가져오기" in body
    assert not at.selectbox and not at.get("plotly_chart") and not at.dataframe
    english = run_compare({"lang": "en"}, data=DATA)
    assert "needs at least two meetings" in html(english) and "Import page" in html(english)


def test_a_meeting_filter_keeping_one_meeting(run_compare):
    at = run_compare({"mt": [FINAL]})
    assert not at.exception
    assert "회의 필터에 회의가 하나(최종보고회)만 골라져 있습니다" in html(at)
    assert not at.selectbox


def test_empty_filter_result_says_so(run_compare):
    at = run_compare({"q": "zzzz-no-match"})
    assert not at.exception
    assert at.info[0].value == t("empty", "ko")
    assert not at.selectbox


def test_comparison_tables_export_as_excel_csv():
    ds = load(TWO)
    pair = {INTERIM: INTERIM, FINAL: FINAL}
    long = compare.theme_by_meeting(ds, ds.remarks, list(pair))
    changes = compare.theme_changes(ds, ds.remarks, INTERIM, FINAL)
    table = compare_view.theme_table(ds, long, changes, pair, theme_labels(ds, "ko"),
                                     lambda key, **v: t(key, "ko", **v))
    data = export.to_excel_csv(table)
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM, for Excel
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ("주제,중간보고회 참석자,중간보고회 발췌,최종보고회 참석자,"
                        "최종보고회 발췌,변화")
    assert lines[1] == "참여형 계획·거버넌스,4,8,1,1,계속 나옴"
    assert lines[3] == "기업 지속가능성·자립,5,7,0,0,더 이상 안 나옴"
    titles = meeting_titles(ds, "en")
    recs = compare_view.recs_table(ds, compare.recommendation_meetings(ds, ds.remarks), titles,
                                   "en", lambda key, **v: t(key, "en", **v))
    row = recs.set_index("ID").loc["R08"]
    # R08: 이은애 M10, 윤혜갑 M18, 박태현 M31; 정하늘 M43
    assert row.tolist() == ["Build the social economy mini cluster", "Under review", 3, 3, 1, 1,
                            "Interim report meeting, Final report meeting"]


def two_hostile_meetings(tmp_path: Path) -> Path:
    """The hostile fixture (markup, formulas and bidi characters in every name) with its last
    ten remarks moved to a second meeting whose name is as hostile as the first's."""
    folder = tmp_path / "hostile_two"
    shutil.copytree(HOSTILE, folder)
    remarks = folder / "remarks.csv"
    with remarks.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    column = rows[0].index("meeting")
    for row in rows[-10:]:
        row[column] = "=1+1 최종 <b>meeting</b> [x](http://example.invalid/m) :smile: \u202e회의"
    with remarks.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return folder


@pytest.mark.parametrize("query", [{}, {"lang": "en", "anon": "1"}])
def test_hostile_names_stay_inert_on_the_page_and_the_slide(run_compare, run_page, tmp_path,
                                                            query):
    folder = two_hostile_meetings(tmp_path)
    at = run_compare(query, data=folder)
    assert not at.exception
    assert len(lists(at)) == 3 and inert.findings(at) == []
    assert "<b>meeting</b>" not in html(at) and "&lt;b&gt;meeting&lt;/b&gt;" in html(at)
    headers = [str(c) for d in at.dataframe for c in d.value.columns]
    assert any("최종" in c for c in headers) and not [c for c in headers if has_invisible(c)]
    slide = run_page("slides", query={**query, "slide": "5"}, data=folder)
    assert not slide.exception
    body = next(h.proto.body for h in slide.html if 'class="sed-slide"' in h.proto.body)
    assert 'class="sed-since-cols"' in body and inert.findings(slide) == []
    assert "<b>meeting</b>" not in body


def test_a_view_backing_no_recommendation_says_so(run_compare):
    at = run_compare({"q": "적용도"})  # only M04 (이은애, interim), which backs none
    assert not at.exception
    assert "현재 보기의 발언이 뒷받침하는 권고가 없습니다." in html(at)
    assert "두 회의 모두 0명 · 중간보고회에서만 1명 · 최종보고회에서만 0명" in html(at)

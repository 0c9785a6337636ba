"""AppTest tests of every page on tests/fixtures/two_meetings: the meeting filter in the sidebar
and the URL, the meetings named by subtitle and banner (never silently merged), "not yet
coded" remarks counted and said, meetings on cards, the untyped organization type, and the
printable report. Figures are hand-checked in the fixture's README.md."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import PAGES
from streamlit.testing.v1 import AppTest

from se_dashboard.analysis.filters import Filters, apply
from se_dashboard.data.loader import load
from se_dashboard.present import export, handout, palette, vocab
from se_dashboard.present.palette import UNTYPED_COLOUR

RunPage = Callable[..., AppTest]
TWO = Path(__file__).resolve().parent / "fixtures" / "two_meetings"
FINAL, INTERIM = "최종보고회", "중간보고회"
PAGE_NAMES = tuple(PAGES)
BOTH_KO = "중간보고회 · 최종보고회"
BOTH_EN = "Interim report meeting · Final report meeting"
ALL_COUNTS = "발췌 43 / 43 (아직 코딩되지 않은 3건 포함) · 참석자 16 / 16"
FINAL_COUNTS = "발췌 8 / 43 (아직 코딩되지 않은 3건 포함) · 참석자 5 / 16"
NOT_CODED = "3개 발언은 아직 코딩되지 않았습니다."
EMPTY = "현재 필터에 맞는 발언이 없습니다. 필터를 바꾸거나 초기화해 주세요."


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def run(run_page: RunPage, page: str, **query: Any) -> AppTest:
    return ok(run_page(page, query=query, data=TWO))


def widget(at: AppTest, page: str, name: str) -> Any:
    return at.sidebar.get_by_key(f"{page}_{name}")


def banner(at: AppTest) -> str:
    [found] = [h.proto.body for h in at.html if 'class="sed-banner"' in h.proto.body]
    return found


def captions(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.html if "sed-caption" in h.proto.body)


def notices(at: AppTest) -> str:
    return " ".join(h.proto.body for h in at.html if "sed-notice" in h.proto.body)


def card_ids(at: AppTest) -> list[str]:
    return [rid for h in at.html for rid in re.findall(r'data-remark-id="([^"]+)"', h.proto.body)]


def cards_html(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.html if "data-remark-id" in h.proto.body)


def metric_values(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def query_params(at: AppTest) -> dict[str, list[str]]:
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_every_page_names_both_meetings_without_a_meeting_filter(run_page, page_name) -> None:
    at = run(run_page, page_name)
    meetings = widget(at, page_name, "f_meetings")
    assert meetings.value == []
    assert meetings.options == ["중간보고회", "최종보고회 (2015-06-30)"]  # titles with date
    text = banner(at)
    assert f"회의: {BOTH_KO}" in text and ALL_COUNTS in text


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_meeting_filter_in_the_sidebar_changes_the_numbers(run_page, page_name) -> None:
    at = run(run_page, page_name)
    widget(at, page_name, "f_meetings").set_value([FINAL])
    ok(at.run())
    text = banner(at)
    assert "<b>회의</b>: 최종보고회" in text and FINAL_COUNTS in text
    assert query_params(at) == {"mt": [FINAL]}
    if page_name == "overview":
        # participants, org types, excerpts, themes, recommendations, reflected of them
        assert metric_values(at) == ["5", "5", "8", "7", "5", "0 / 5"]
    if page_name == "who":
        assert card_ids(at) == [f"M{i}" for i in range(36, 44)]
        assert at.dataframe[0].value["speaker"].tolist() == ["이한준", "이은애", "박미정",
                                                             "강찬호", "정하늘"]
    if page_name == "recs":
        assert sorted(c.key.removeprefix("recs_item_") for c in at.container
                      if c.key and c.key.startswith("recs_item_")) == [
            "R03", "R05", "R08", "R12", "R18"]


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_deep_link_restores_the_meeting(run_page, page_name) -> None:
    at = run(run_page, page_name, mt=FINAL)
    assert widget(at, page_name, "f_meetings").value == [FINAL]
    assert FINAL_COUNTS in banner(at)
    assert query_params(at) == {"mt": [FINAL]}
    if page_name == "overview":
        assert metric_values(at) == ["5", "5", "8", "7", "5", "0 / 5"]


def test_a_link_to_an_unknown_meeting_shows_everything(run_page) -> None:
    at = run(run_page, "overview", mt="착수보고회")
    assert widget(at, "overview", "f_meetings").value == []
    assert query_params(at) == {}
    assert metric_values(at)[:3] == ["16", "6", "43"]


def test_subtitle_names_the_meetings_in_view(run_page) -> None:
    at = run(run_page, "overview")
    assert f"연구용역 {BOTH_KO} 참석자 코멘터리" in captions(at)
    assert f"집계 범위: {BOTH_KO}" in captions(at)
    # the headline figures say what each meeting adds
    assert "중간보고회 발췌 35건 · 참석자 15명 / 최종보고회 발췌 8건(코딩 전 3건) · 참석자 5명" in (
        captions(at))
    assert metric_values(at) == ["16", "6", "43", "12", "20", "0 / 20"]
    final = run(run_page, "overview", mt=FINAL)
    assert "연구용역 최종보고회 참석자 코멘터리" in captions(final)
    assert "중간보고회" not in captions(final)
    assert '<div class="sed-caption">집계 범위: 최종보고회</div>' in captions(final)
    english = run(run_page, "overview", lang="en")
    assert f"at the {BOTH_EN} of the research" in captions(english)
    assert "Meetings: " + BOTH_EN in banner(english)
    assert (widget(english, "overview", "f_meetings").options
            == ["Interim report meeting", "Final report meeting (2015-06-30)"])


@pytest.mark.parametrize("page_name", ["overview", "themes"])
def test_not_yet_coded_note_where_theme_figures_are_shown(run_page, page_name) -> None:
    at = run(run_page, page_name)
    assert NOT_CODED in notices(at)
    interim = run(run_page, page_name, mt=INTERIM)
    assert "아직 코딩되지 않았습니다" not in notices(interim)
    assert "아직 코딩되지 않은" not in banner(interim)
    assert "발췌 35 / 43 · 참석자 15 / 16" in banner(interim)
    civic = run(run_page, page_name, org="civic", lang="en")
    assert "1 remark not yet coded" in notices(civic)


def test_theme_counts_leave_out_uncoded_remarks_and_say_so(run_page) -> None:
    at = run(run_page, "themes", mt=FINAL)
    freq = next(c for c in at.get("plotly_chart") if c.key == "themes_freq")
    spec = json.loads(freq.proto.spec)
    total = spec["data"][-1]
    totals = {c[0]: x for c, x in zip(total["customdata"], total["x"], strict=True)}
    assert totals["support_center"] == 2 and totals["mini_cluster"] == 1
    assert sum(totals.values()) == 8  # the 5 coded remarks' 8 theme mentions, by 5 people
    untyped = next(t for t in spec["data"] if t.get("name") == "유형 미정")
    assert untyped["marker"]["color"] == UNTYPED_COLOUR
    assert untyped["marker"]["pattern"]["shape"] == "|"


def test_theme_filter_says_what_it_leaves_out(run_page) -> None:
    at = run(run_page, "who", theme="trust")
    assert card_ids(at) == ["M10", "M27", "M28", "M40"]
    assert "아직 코딩되지 않은 발언 3개는 주제가 없어 주제 필터가 걸린 이 보기에 들지 않습니다" in (
        banner(at))
    interim = run(run_page, "who", theme="trust", mt=INTERIM)
    assert "주제 필터" not in banner(interim)


def test_cards_show_the_meeting_and_not_yet_coded(run_page) -> None:
    at = run(run_page, "who", mt=FINAL)
    cards = cards_html(at)
    assert cards.count('<span class="sed-meeting">최종보고회</span>') == 8
    assert cards.count("sed-uncoded") == 3
    uncoded = re.search(r'data-remark-id="M42".*?</div></div>', cards).group(0)
    assert "아직 코딩되지 않음" in uncoded
    assert ">유형 미정</span>" in uncoded
    assert f'<div class="sed-card" style="--c:{UNTYPED_COLOUR}" data-remark-id="M42">' in cards
    people = at.dataframe[0].value.set_index("speaker")
    assert people.loc["정하늘", "org_type"] == "유형 미정"


def test_cards_of_a_single_meeting_do_not_name_it(run_page) -> None:
    at = ok(run_page("who"))  # the bundled data: one meeting
    assert "sed-meeting" not in cards_html(at)
    assert not [w for w in at.sidebar.multiselect if w.key == "who_f_meetings"]


def test_participants_offered_follow_the_meeting(run_page) -> None:
    at = run(run_page, "who", mt=FINAL)
    people = widget(at, "who", "f_speakers")
    assert [o.split(" · ")[0] for o in people.options] == ["이한준", "이은애", "박미정", "강찬호",
                                                           "정하늘"]


def test_empty_result_says_so(run_page) -> None:
    at = run(run_page, "overview", mt=FINAL, kind="공감")  # nobody agreed at the final meeting
    assert EMPTY in [i.value for i in at.info]
    assert "발췌 0 / 43 · 참석자 0 / 16" in banner(at)
    assert not at.metric


def test_printable_report_names_the_meetings_and_not_yet_coded() -> None:
    two = load(TWO)
    both = handout.handout_html(two, two.remarks, lang="ko", title="t", subtitle="s",
                                filter_text="-", generated_at="now")
    assert f'<dd data-meta="meetings">{BOTH_KO}</dd>' in both
    assert re.search(r'data-figure="not_coded"><span class="ho-num">3</span>', both)
    assert "3개 발언은 아직 코딩되지 않았습니다." in both
    final_view = apply(two, Filters(meetings=(FINAL,)))
    final = handout.handout_html(two, final_view, lang="en", title="t", subtitle="s",
                                 filter_text="-", generated_at="now", meetings=[FINAL])
    assert '<dd data-meta="meetings">Final report meeting</dd>' in final
    assert "3 remarks not yet coded" in final
    themed = apply(two, Filters(themes=("trust",)))
    left = handout.handout_html(two, themed, lang="ko", title="t", subtitle="s",
                                filter_text="-", generated_at="now", left_out=3)
    assert 'data-figure="not_coded"' not in left
    assert "아직 코딩되지 않은 발언 3개는 주제가 없어" in left
    interim = handout.handout_html(two, apply(two, Filters(meetings=(INTERIM,))), lang="ko",
                                   title="t", subtitle="s", filter_text="-",
                                   generated_at="now", meetings=[INTERIM])
    assert "아직 코딩되지" not in interim
    assert '<dd data-meta="meetings">중간보고회</dd>' in interim


def test_meeting_labels_and_the_export_name_meetings_in_the_ui_language() -> None:
    two = load(TWO)
    assert vocab.meeting_titles(two, "en") == {INTERIM: "Interim report meeting",
                                               FINAL: "Final report meeting"}
    assert vocab.meeting_options(two, "ko") == {INTERIM: "중간보고회",
                                                FINAL: "최종보고회 (2015-06-30)"}
    assert vocab.meetings_text(two, [FINAL, INTERIM], "en") == BOTH_EN  # display order
    assert vocab.meetings_text(two, [FINAL], "ko") == FINAL
    table = export.excerpts_table(two, two.remarks.iloc[34:38], "en")  # M35-M38
    assert table["Meeting"].tolist() == ["Interim report meeting"] + [
        "Final report meeting"] * 3
    assert table["Themes"].tolist()[3] == ""  # M38, not yet coded


def test_untyped_organizations_are_grey_with_their_own_pattern_wherever_they_sit() -> None:
    bundled = ["public", "support", "enterprise", "coop", "civic"]
    before = palette.org_type_colours(bundled), palette.org_type_patterns(bundled)
    for types in ([*bundled, "untyped"], ["untyped", *bundled]):
        colours, patterns = palette.org_type_colours(types), palette.org_type_patterns(types)
        assert colours.pop("untyped") == UNTYPED_COLOUR
        assert patterns.pop("untyped") == palette.UNTYPED_PATTERN
        assert (colours, patterns) == before  # the other types keep theirs
    many = [*(f"t{i}" for i in range(9)), "untyped"]
    patterns = palette.org_type_patterns(many)
    assert palette.UNTYPED_PATTERN not in [patterns[t] for t in many[:-1]]
    assert palette.org_type_pattern_indices(many)["untyped"] == 7  # htmlcharts' "|"


def test_anonymized_view_of_the_final_meeting(run_page) -> None:
    at = run(run_page, "who", anon="1", mt=FINAL, lang="en")
    cards = cards_html(at)
    assert "정하늘" not in cards and "광명청년넷" not in cards
    # lettered in order of first remark: 정하늘 is the 16th participant
    assert cards.count("Participant P · Type not yet set") == 2
    assert cards.count('<span class="sed-meeting">Final report meeting</span>') == 8

"""AppTest tests of every page on the bundled data: rendering in Korean and English, the sidebar
filters and the counts they give, filters kept across pages, deep links, reset, the empty state,
and each page's own controls (participants, cards, table view, chart selections, checklist).

Expected figures are hand-checked constants; `test_expected_figures_match_the_csv` recomputes
them from data/remarks.csv with the csv module only (no se_dashboard code), so a data edit that
makes a constant stale fails there, not in a page test.
"""

from __future__ import annotations

import base64
import csv
import html
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import DATA, PAGES
from streamlit.testing.v1 import AppTest

from se_dashboard.data.loader import Dataset

RunPage = Callable[..., AppTest]
PAGE_NAMES = tuple(PAGES)
TITLES = {
    "overview": ("광명시 사회적경제 기본계획 이해관계자 의견",
                 "Gwangmyeong social economy plan: stakeholder remarks"),
    "who": ("누가 무엇을", "Who said what"),
    "themes": ("주제", "Themes"),
    "recs": ("권고", "Recommendations"),
}
EMPTY_MESSAGE = {"ko": "현재 필터에 맞는 발언이 없습니다. 필터를 바꾸거나 초기화해 주세요.",
                 "en": "No remark matches the current filter. Change the filter or reset it."}
NO_RECS_MESSAGE = "현재 필터에 맞는 권고가 없습니다."
NO_MATCH = "zzzz-no-match"
FILTER_FIELDS = ("org_types", "speakers", "themes", "kinds")


# --- Independent expectations from the CSV files (csv module only) --------------------------------


def read_csv(path: Path, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    with path.open(encoding=encoding, newline="") as handle:
        return list(csv.DictReader(handle))


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


def matching(rows: list[dict[str, str]], org_types: tuple[str, ...] = (),
             speakers: tuple[str, ...] = (), themes: tuple[str, ...] = (),
             kinds: tuple[str, ...] = (), query: str = "") -> list[dict[str, str]]:
    """The rows a filter keeps: OR within a field, AND across fields, literal case-free search
    over excerpt, translation, speaker and organization."""
    needle = query.strip().casefold()

    def keep(row: dict[str, str]) -> bool:
        return ((not org_types or row["org_type"] in org_types)
                and (not speakers or row["speaker"] in speakers)
                and (not themes or bool(set(split(row["themes"])) & set(themes)))
                and (not kinds or row.get("kind", "") in kinds)
                and (not needle or any(needle in row.get(c, "").casefold() for c in
                                       ("excerpt", "excerpt_en", "speaker", "organization"))))

    return [row for row in rows if keep(row)]


def headline(rows: list[dict[str, str]], status: dict[str, str]) -> tuple[int, ...]:
    """participants, org types, excerpts, themes, recommendations, reflected (반영)."""
    recs = {r for row in rows for r in split(row["recommendation_ids"])}
    return (len({row["speaker"] for row in rows}), len({row["org_type"] for row in rows}),
            len(rows), len({t for row in rows for t in split(row["themes"])}), len(recs),
            sum(status[r] == "반영" for r in recs))


REMARKS = read_csv(DATA / "remarks.csv")
STATUS = {row["rec_id"]: row["status"] for row in read_csv(DATA / "recommendations.csv")}


def ids_where(predicate: Callable[[dict[str, str]], bool]) -> list[str]:
    return [row["remark_id"] for row in REMARKS if predicate(row)]


# Hand-checked against data/remarks.csv: filter -> (participants, org types, excerpts, themes,
# recommendations, reflected).
OVERVIEW_CASES: dict[str, tuple[dict[str, Any], tuple[int, ...]]] = {
    "none": ({}, (15, 5, 35, 12, 20, 0)),
    "coop": ({"org_types": ("coop",)}, (4, 1, 7, 8, 6, 0)),
    "public": ({"org_types": ("public",)}, (3, 1, 7, 6, 5, 0)),
    "coop+civic": ({"org_types": ("coop", "civic")}, (8, 2, 15, 11, 14, 0)),
    "theme trust": ({"themes": ("trust",)}, (3, 3, 3, 5, 3, 0)),
    "kind 공감": ({"kinds": ("공감",)}, (2, 2, 3, 4, 1, 0)),
    "search 미니 클러스터": ({"query": "미니 클러스터"}, (3, 3, 3, 4, 2, 0)),
    "civic x support_center": ({"org_types": ("civic",), "themes": ("support_center",)},
                               (3, 1, 4, 6, 6, 0)),
    "speaker 이은애 x kind 제안": ({"speakers": ("이은애",), "kinds": ("제안",)},
                                (1, 1, 5, 5, 5, 0)),
}


@pytest.mark.parametrize("case", list(OVERVIEW_CASES))
def test_expected_figures_match_the_csv(case: str) -> None:
    filters, expected = OVERVIEW_CASES[case]
    assert headline(matching(REMARKS, **filters), STATUS) == expected


def test_hand_checked_ids_match_the_csv() -> None:
    assert ids_where(lambda r: r["speaker"] == "이은애") == [f"M{i:02d}" for i in range(4, 12)]
    assert ids_where(lambda r: "trust" in split(r["themes"]) and r["org_type"] == "coop") == [
        "M27"]
    coop_recs = {x for row in matching(REMARKS, org_types=("coop",))
                 for x in split(row["recommendation_ids"])}
    assert sorted(coop_recs) == ["R03", "R05", "R10", "R12", "R14", "R20"]


# --- Helpers reading a run ------------------------------------------------------------------------


def ok(at: AppTest) -> AppTest:
    """Fail with the app's traceback if the run raised."""
    assert not at.exception, [e.value for e in at.exception]
    return at


def metric_values(at: AppTest) -> list[str]:
    return [m.value for m in at.metric]


def overview_metrics(expected: tuple[int, ...], lang: str = "ko") -> list[str]:
    *numbers, recs, reflected = expected
    last = f"{reflected} / {recs}"
    return [str(n) for n in (*numbers, recs)] + [last]


def banner(at: AppTest) -> str:
    found = [h.proto.body for h in at.html if 'class="sed-banner"' in h.proto.body]
    assert len(found) == 1, found
    return found[0]


def card_ids(at: AppTest) -> list[str]:
    """Remark ids of the excerpt cards on the page, in page order."""
    return [rid for h in at.html for rid in re.findall(r'data-remark-id="([^"]+)"', h.proto.body)]


def cards_html(at: AppTest) -> str:
    return "".join(h.proto.body for h in at.html if "data-remark-id" in h.proto.body)


def infos(at: AppTest) -> list[str]:
    return [i.value for i in at.info]


def charts(at: AppTest) -> dict[str, dict[str, Any]]:
    """Plotly figures on the page by chart key, as parsed JSON."""
    return {c.key: json.loads(c.proto.spec) for c in at.get("plotly_chart")}


def numbers(values: Any) -> list[float]:
    """A Plotly array: a plain list, or the typed-array form {'dtype', 'bdata'} of plotly 6+."""
    if isinstance(values, dict) and "bdata" in values:
        import numpy as np

        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def widget(at: AppTest, page: str, name: str) -> Any:
    return at.sidebar.get_by_key(f"{page}_{name}")


def set_filters(at: AppTest, page: str, **values: Any) -> AppTest:
    """Set sidebar filter widgets of `page` (org_types=..., query=...) and run once."""
    for field, value in values.items():
        w = widget(at, page, f"f_{field}")
        w.set_value(value if isinstance(value, str) else list(value))
    return ok(at.run())


def select(at: AppTest, chart: str, *customdata: list[str]) -> AppTest:
    """Simulate clicking points of a Plotly chart (its on_select event in session state)."""
    at.session_state[chart] = {"selection": {
        "points": [{"customdata": list(c)} for c in customdata],
        "point_indices": list(range(len(customdata))), "box": [], "lasso": []}}
    return ok(at.run())


def query_params(at: AppTest) -> dict[str, list[str]]:
    """The URL query string after a run, every value as a list."""
    return {k: [v] if isinstance(v, str) else list(v) for k, v in at.query_params.items()}


def status_metrics(at: AppTest) -> dict[str, str]:
    """The recommendation status metrics (label with its status symbol) and their values."""
    return {m.label: m.value for m in at.metric if m.label[:1] in "●◐○✕"}


def rec_containers(at: AppTest) -> list[str]:
    return [c.key.removeprefix("recs_item_") for c in at.container
            if c.key and c.key.startswith("recs_item_")]


# --- Every page renders ---------------------------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_page_renders_in_korean_by_default(run_page: RunPage, page_name: str) -> None:
    at = ok(run_page(page_name))
    assert at.title[0].value == TITLES[page_name][0]
    assert widget(at, page_name, "lang").value == "ko"
    assert "전체 보기: 필터 없음" in banner(at)
    assert "발췌 35 / 35 · 참석자 15 / 15" in banner(at)


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_page_renders_in_english_from_the_link(run_page: RunPage, page_name: str) -> None:
    at = ok(run_page(page_name, query={"lang": "en"}))
    assert at.title[0].value == TITLES[page_name][1]
    assert widget(at, page_name, "lang").value == "en"
    assert "35 of 35 excerpts · 15 of 15 participants" in banner(at)
    assert query_params(at) == {"lang": ["en"]}


def test_overview_in_english_labels_its_metrics(run_page: RunPage) -> None:
    at = ok(run_page("overview", query={"lang": "en"}))
    assert [m.label.replace("\u00ad", "") for m in at.metric] == [
        "Participants", "Organization types", "Excerpts", "Themes", "Recommendations",
        "Reflected"]  # a soft hyphen may break "Recommendations" in a narrow metric
    assert metric_values(at) == overview_metrics(OVERVIEW_CASES["none"][1], "en")


def test_language_switch_is_kept_across_pages(run_page: RunPage) -> None:
    at = ok(run_page("overview"))
    widget(at, "overview", "lang").set_value("en")
    ok(at.run())
    assert at.title[0].value == TITLES["overview"][1]
    assert query_params(at) == {"lang": ["en"]}
    ok(at.switch_page(PAGES["themes"]).run())
    assert at.title[0].value == "Themes"
    assert widget(at, "themes", "lang").value == "en"


# --- Filters and counts ---------------------------------------------------------------------------


@pytest.mark.parametrize("case", list(OVERVIEW_CASES))
def test_overview_metrics_follow_the_filters(run_page: RunPage, case: str) -> None:
    filters, expected = OVERVIEW_CASES[case]
    at = ok(run_page("overview"))
    if filters:
        set_filters(at, "overview", **filters)
    assert metric_values(at) == overview_metrics(expected)
    n = expected[2]
    assert f"발췌 {n} / 35 · 참석자 {expected[0]} / 15" in banner(at)


def test_organization_type_filter_on_every_page(run_page: RunPage) -> None:
    """org=coop narrows each page: banner, participants, the theme chart, the checklist."""
    coop = matching(REMARKS, org_types=("coop",))
    for page in PAGE_NAMES:
        at = ok(run_page(page))
        set_filters(at, page, org_types=["coop"])
        assert "<b>기관 유형</b>: 소비자협동조합" in banner(at), page
        assert "발췌 7 / 35 · 참석자 4 / 15" in banner(at), page
        if page == "who":
            assert at.dataframe[0].value["speaker"].tolist() == list(
                dict.fromkeys(r["speaker"] for r in coop))
            assert card_ids(at) == [r["remark_id"] for r in coop]
        if page == "themes":
            freq = charts(at)["themes_freq"]
            total_trace = freq["data"][-1]
            totals = {c[0]: x for c, x in zip(total_trace["customdata"],
                                              numbers(total_trace["x"]), strict=True)}
            assert totals["village"] == 1  # 최미자 only
            assert totals["governance"] == 2  # 김미숙, 최미자
            assert totals["network"] == 0
        if page == "recs":
            assert rec_containers(at) == ["R03", "R05", "R10", "R12", "R14", "R20"]


# --- Filters kept across pages --------------------------------------------------------------------


def test_filters_are_kept_when_moving_between_pages(run_page: RunPage) -> None:
    at = ok(run_page("overview"))
    set_filters(at, "overview", org_types=["coop"])
    assert metric_values(at) == overview_metrics(OVERVIEW_CASES["coop"][1])

    ok(at.switch_page(PAGES["themes"]).run())
    assert at.title[0].value == "주제"
    assert "<b>기관 유형</b>: 소비자협동조합" in banner(at)
    assert "발췌 7 / 35 · 참석자 4 / 15" in banner(at)
    assert widget(at, "themes", "f_org_types").value == ["coop"]
    assert query_params(at) == {"org": ["coop"]}

    # Changed on the themes page, the filter follows back to the overview.
    set_filters(at, "themes", org_types=["coop", "civic"])
    ok(at.switch_page(PAGES["overview"] or "app.py").run())
    assert widget(at, "overview", "f_org_types").value == ["coop", "civic"]
    assert metric_values(at) == overview_metrics(OVERVIEW_CASES["coop+civic"][1])

    ok(at.switch_page(PAGES["who"]).run())
    assert widget(at, "who", "f_org_types").value == ["coop", "civic"]
    assert len(at.dataframe[0].value) == 8  # 4 coop + 4 civic participants
    ok(at.switch_page(PAGES["recs"]).run())
    assert widget(at, "recs", "f_org_types").value == ["coop", "civic"]
    assert len(rec_containers(at)) == 14  # as OVERVIEW_CASES["coop+civic"]


@pytest.mark.parametrize(("lang", "text"), [("ko", "모두 선택"), ("en", "Select all")])
def test_multiselect_bulk_option_speaks_the_ui_language(run_page: RunPage, lang: str,
                                                        text: str) -> None:
    at = ok(run_page("themes", query={"lang": lang} if lang == "en" else {}))
    css = next(h.proto.body for h in at.html if "__select_all__" in h.proto.body)
    assert f'content:"{text}"' in css


def test_participant_list_follows_the_organization_type(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    set_filters(at, "who", speakers=["이은애", "최미자"])
    set_filters(at, "who", org_types=["coop"])
    people = widget(at, "who", "f_speakers")
    assert [o.split(" · ")[0] for o in people.options] == ["박미정", "서원희", "김미숙", "최미자"]
    assert people.value == ["최미자"]  # 이은애 is of another type: dropped, not an empty page
    assert card_ids(at) == ["M32", "M33"]
    assert query_params(at) == {"org": ["coop"], "who": ["최미자"]}


def test_deep_link_with_a_participant_of_another_type(run_page: RunPage) -> None:
    at = ok(run_page("who", query={"org": ["coop"], "who": ["이은애"]}))
    assert widget(at, "who", "f_speakers").value == []
    assert card_ids(at) == [r["remark_id"] for r in matching(REMARKS, org_types=("coop",))]


# --- Deep links -----------------------------------------------------------------------------------


DEEP_LINK = {"org": ["coop"], "theme": ["trust"], "q": "신뢰", "lang": "en"}


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_deep_link_restores_the_filters(run_page: RunPage, page_name: str) -> None:
    at = ok(run_page(page_name, query=DEEP_LINK))
    assert at.title[0].value == TITLES[page_name][1]
    assert widget(at, page_name, "f_org_types").value == ["coop"]
    assert widget(at, page_name, "f_themes").value == ["trust"]
    assert widget(at, page_name, "f_query").value == "신뢰"
    assert widget(at, page_name, "f_speakers").value == []
    assert widget(at, page_name, "lang").value == "en"
    expected = matching(REMARKS, org_types=("coop",), themes=("trust",), query="신뢰")
    assert [r["remark_id"] for r in expected] == ["M27"]
    assert "1 of 35 excerpts · 1 of 15 participants" in banner(at)
    assert query_params(at) == {k: [v] if isinstance(v, str) else v for k, v in DEEP_LINK.items()}
    if page_name == "overview":
        assert metric_values(at) == overview_metrics((1, 1, 1, 2, 1, 0), "en")
    if page_name == "who":
        assert card_ids(at) == ["M27"]
        assert '<mark class="sed-mark">신뢰</mark>' in cards_html(at)
    if page_name == "recs":
        assert rec_containers(at) == ["R05"]


@pytest.mark.parametrize("query", [
    {"org": ["nope"]},
    {"org": ["nope"], "theme": ["no_such_theme"], "kind": ["nah"], "who": ["Nobody"],
     "lang": "fr"},
])
def test_unknown_link_values_are_dropped(run_page: RunPage, query: dict[str, Any]) -> None:
    at = ok(run_page("overview", query=query))
    assert at.title[0].value == TITLES["overview"][0]  # an unknown language falls back to Korean
    for field in FILTER_FIELDS:
        assert widget(at, "overview", f"f_{field}").value == []
    assert metric_values(at) == overview_metrics(OVERVIEW_CASES["none"][1])
    assert "전체 보기: 필터 없음" in banner(at)
    assert query_params(at) == {}


def test_unknown_link_values_are_dropped_and_known_ones_kept(run_page: RunPage) -> None:
    at = ok(run_page("recs", query={"org": ["nope", "coop"], "theme": ["zzz"]}))
    assert widget(at, "recs", "f_org_types").value == ["coop"]
    assert widget(at, "recs", "f_themes").value == []
    assert rec_containers(at) == ["R03", "R05", "R10", "R12", "R14", "R20"]
    assert query_params(at) == {"org": ["coop"]}


def test_url_mirrors_the_filters(run_page: RunPage) -> None:
    at = ok(run_page("overview"))
    assert query_params(at) == {}
    set_filters(at, "overview", org_types=["coop", "civic"], themes=["trust"])
    assert query_params(at) == {"org": ["coop", "civic"], "theme": ["trust"]}
    set_filters(at, "overview", query="  신뢰 ", kinds=["제안"], speakers=["강찬호"])
    assert query_params(at) == {"org": ["coop", "civic"], "who": ["강찬호"], "theme": ["trust"],
                                "kind": ["제안"], "q": ["신뢰"]}
    set_filters(at, "overview", org_types=[], speakers=[], kinds=[], query="")
    assert query_params(at) == {"theme": ["trust"]}


def test_link_from_the_url_reopens_the_same_view(run_page: RunPage) -> None:
    """The query string the app writes, opened as a new session, gives the same counts."""
    at = ok(run_page("overview"))
    set_filters(at, "overview", org_types=["civic"], themes=["support_center"])
    shown = metric_values(at)
    link = query_params(at)
    again = ok(run_page("overview", query=link))
    assert metric_values(again) == shown == overview_metrics(
        OVERVIEW_CASES["civic x support_center"][1])


# --- Reset ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_reset_clears_all_filters(run_page: RunPage, page_name: str) -> None:
    at = ok(run_page(page_name))
    assert widget(at, page_name, "reset").proto.disabled  # nothing to reset yet
    set_filters(at, page_name, org_types=["coop", "civic"], speakers=["강옥희"], themes=["village"],
                kinds=["제안"], query="센터")
    assert "현재 필터" in banner(at)
    assert "발췌 1 / 35" in banner(at)  # M24
    widget(at, page_name, "reset").click()
    ok(at.run())
    for field in FILTER_FIELDS:
        assert widget(at, page_name, f"f_{field}").value == []
    assert widget(at, page_name, "f_query").value == ""
    assert "전체 보기: 필터 없음" in banner(at)
    assert "발췌 35 / 35 · 참석자 15 / 15" in banner(at)
    assert query_params(at) == {}
    assert widget(at, page_name, "reset").proto.disabled
    if page_name == "overview":
        assert metric_values(at) == overview_metrics(OVERVIEW_CASES["none"][1])


# --- Empty state ----------------------------------------------------------------------------------


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_empty_state_from_the_search(run_page: RunPage, page_name: str) -> None:
    at = ok(run_page(page_name))
    set_filters(at, page_name, query=NO_MATCH)
    assert EMPTY_MESSAGE["ko"] in infos(at)
    assert not at.get("plotly_chart")
    assert not at.metric
    assert not at.dataframe
    assert card_ids(at) == []
    assert "발췌 0 / 35 · 참석자 0 / 15" in banner(at)
    assert widget(at, page_name, "f_query").value == NO_MATCH
    assert not widget(at, page_name, "reset").proto.disabled


@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_empty_state_from_a_link_in_english(run_page: RunPage, page_name: str) -> None:
    """coop remarks are 우려 or 제안: coop x 평가 matches nothing."""
    assert not matching(REMARKS, org_types=("coop",), kinds=("평가",))
    at = ok(run_page(page_name, query={"org": ["coop"], "kind": ["평가"], "lang": "en"}))
    assert EMPTY_MESSAGE["en"] in infos(at)
    assert not at.get("plotly_chart")
    assert card_ids(at) == []


def who_took_part(at: AppTest) -> str:
    return next(h.proto.body for h in at.html if 'class="sed-ws"' in h.proto.body)


def test_overview_shows_who_took_part(run_page: RunPage) -> None:
    at = ok(run_page("overview"))
    panel = who_took_part(at)
    people = list(dict.fromkeys(r["speaker"] for r in REMARKS))
    assert all(name in panel for name in people) and len(people) == 15
    assert "참석자 4명 · 발췌 7건" in panel and "등대생협" in panel  # consumer co-ops
    set_filters(at, "overview", org_types=["coop"])
    panel = who_took_part(at)
    assert [n for n in people if n in panel] == ["박미정", "서원희", "김미숙", "최미자"]
    anon = ok(run_page("overview", query={"anon": "1", "lang": "en"}))
    panel = who_took_part(anon)
    assert not [n for n in people if n in panel] and "등대생협" not in panel
    assert "participants: 4 · excerpts: 7" in panel


# --- Who said what --------------------------------------------------------------------------------


def test_who_lists_every_participant(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    people = at.dataframe[0].value
    assert len(people) == 15
    assert people["speaker"].tolist() == list(dict.fromkeys(r["speaker"] for r in REMARKS))
    per_person = {s: sum(r["speaker"] == s for r in REMARKS) for s in people["speaker"]}
    assert dict(zip(people["speaker"], people["n_excerpts"], strict=True)) == per_person
    assert at.selectbox(key="who_person").value == ""


def test_who_participants_follow_the_filter(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    set_filters(at, "who", org_types=["coop"])
    people = at.dataframe[0].value
    assert len(people) == 4
    assert people["speaker"].tolist() == ["박미정", "서원희", "김미숙", "최미자"]
    assert set(people["org_type"]) == {"소비자협동조합"}
    assert people["n_excerpts"].tolist() == [2, 2, 1, 2]


def test_who_one_person_shows_their_excerpts_in_order(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    at.selectbox(key="who_person").set_value("이은애")
    ok(at.run())
    assert card_ids(at) == ["M04", "M05", "M06", "M07", "M08", "M09", "M10", "M11"]
    assert "이은애" in cards_html(at)
    assert any(s.value == "발언 발췌 (8)" for s in at.header)


def test_who_one_person_is_the_participant_filter(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    at.selectbox(key="who_person").set_value("이은애")
    ok(at.run())
    assert widget(at, "who", "f_speakers").value == ["이은애"]  # the sidebar shows it
    assert "발췌 8 / 35 · 참석자 1 / 15" in banner(at)  # the banner agrees with the page
    assert query_params(at) == {"who": ["이은애"]}
    again = ok(run_page("who", query={"who": ["이은애"]}))  # and the link reopens it
    assert again.selectbox(key="who_person").value == "이은애"
    assert card_ids(again) == [f"M{i:02d}" for i in range(4, 12)]
    again.selectbox(key="who_person").set_value("")
    ok(again.run())
    assert widget(again, "who", "f_speakers").value == [] and len(card_ids(again)) == 20


def test_who_person_no_longer_in_view_falls_back_to_everyone(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    at.selectbox(key="who_person").set_value("이은애")
    ok(at.run())
    set_filters(at, "who", org_types=["coop"])
    assert at.selectbox(key="who_person").value == ""
    assert card_ids(at) == ["M16", "M17", "M20", "M21", "M27", "M32", "M33"]


def test_who_table_view_shows_the_filtered_rows(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    set_filters(at, "who", org_types=["coop"])
    at.segmented_control(key="who_view").set_value("table")
    ok(at.run())
    assert len(at.dataframe) == 2
    table = at.dataframe[1].value
    assert table["ID"].tolist() == ids_where(lambda r: r["org_type"] == "coop")
    assert table.columns.tolist()[:3] == ["ID", "회의", "발언자"]
    assert set(table["기관 유형"]) == {"소비자협동조합"}
    assert card_ids(at) == []  # the table replaces the cards


def test_who_cards_are_paged(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    all_ids = [r["remark_id"] for r in REMARKS]
    assert card_ids(at) == all_ids[:20]
    at.number_input(key="who_card_page").set_value(2)
    ok(at.run())
    assert card_ids(at) == all_ids[20:]


def test_who_search_marks_the_match(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    set_filters(at, "who", query="미니 클러스터")
    assert card_ids(at) == ["M10", "M18", "M31"]
    html = cards_html(at)
    assert html.count('<mark class="sed-mark">미니 클러스터</mark>') >= 3


def test_who_download_button(run_page: RunPage) -> None:
    at = ok(run_page("who"))
    button = at.download_button(key="who_download")
    assert button.proto.label == "필터된 발췌 CSV 내려받기"


# --- Themes ---------------------------------------------------------------------------------------


def test_themes_prompts_for_a_selection(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    assert set(charts(at)) == {"themes_freq", "themes_crosstab", "themes_cooc"}
    assert "차트의 막대나 칸을 누르면 근거 발언을 여기에 보여 줍니다." in infos(at)
    assert card_ids(at) == []


def test_themes_bar_selection_lists_its_excerpts(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    select(at, "themes_freq", ["governance", "coop"])
    assert card_ids(at) == ["M27", "M33"]
    html = cards_html(at)
    assert "김미숙" in html
    assert "최미자" in html


def test_themes_total_selection_lists_every_type(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    select(at, "themes_freq", ["trust", None])
    assert card_ids(at) == ids_where(lambda r: "trust" in split(r["themes"]))


@pytest.mark.parametrize("cell", [["support_center", "civic"], ["governance", "support"]])
def test_themes_crosstab_selection_lists_its_excerpts(run_page: RunPage, cell: list[str]) -> None:
    theme, org_type = cell
    expected = ids_where(lambda r: theme in split(r["themes"]) and r["org_type"] == org_type)
    assert expected
    at = ok(run_page("themes"))
    select(at, "themes_crosstab", cell)
    assert card_ids(at) == expected


@pytest.mark.parametrize("pair", [["governance", "trust"], ["village", "network"],
                                  ["trust", "trust"]])
def test_themes_cooccurrence_selection_lists_excerpts_with_both(run_page: RunPage,
                                                                pair: list[str]) -> None:
    expected = ids_where(lambda r: set(pair) <= set(split(r["themes"])))
    assert expected
    at = ok(run_page("themes"))
    select(at, "themes_cooc", pair)
    assert card_ids(at) == expected


def test_themes_latest_selection_wins(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    select(at, "themes_freq", ["trust", "coop"])
    select(at, "themes_cooc", ["village", "network"])
    assert card_ids(at) == ["M09", "M11", "M24"]


def test_themes_selection_respects_the_filter(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    set_filters(at, "themes", query="신뢰")
    select(at, "themes_freq", ["governance", "coop"])
    assert card_ids(at) == ["M27"]  # M33 (coop, governance) does not contain 신뢰


def bar_counts(figure: dict[str, Any]) -> dict[tuple[str, str], int]:
    """(theme_id, org_type) -> the value of that stacked segment."""
    out = {}
    for trace in figure["data"]:
        if trace.get("type") != "bar":
            continue
        for (theme, org_type), x in zip(trace["customdata"], numbers(trace["x"]), strict=True):
            out[(theme, org_type)] = int(x)
    return out


def expected_frequency(unit: str) -> dict[tuple[str, str], int]:
    themes = [r["theme_id"] for r in read_csv(DATA / "codebook.csv")]
    org_types = [r["org_type"] for r in read_csv(DATA / "org_types.csv")]
    out = {}
    for theme in themes:
        for org_type in org_types:
            rows = [r for r in REMARKS
                    if theme in split(r["themes"]) and r["org_type"] == org_type]
            out[(theme, org_type)] = (len({r["speaker"] for r in rows}) if unit == "participants"
                                      else len(rows))
    return out


def test_themes_unit_switch_counts_excerpts(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    assert bar_counts(charts(at)["themes_freq"]) == expected_frequency("participants")
    at.segmented_control(key="themes_unit").set_value("excerpts")
    ok(at.run())
    excerpts = bar_counts(charts(at)["themes_freq"])
    assert excerpts == expected_frequency("excerpts")
    assert excerpts[("governance", "support")] == 5  # 이은애: one participant, five excerpts
    totals = charts(at)["themes_freq"]["data"][-1]
    by_theme = dict(zip([c[0] for c in totals["customdata"]], numbers(totals["x"]), strict=True))
    assert by_theme["governance"] == len(ids_where(lambda r: "governance" in split(r["themes"])))


def test_themes_share_shows_counts_and_percentages(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    at.segmented_control(key="themes_measure").set_value("share")
    ok(at.run())
    trace = charts(at)["themes_crosstab"]["data"][0]
    text = {tuple(c): s for c, s in zip(trace["customdata"], trace["text"], strict=True)}
    assert text[("trust", "coop")] == "1/4<br>25%"  # 김미숙 of 4 coop participants
    base = {o: len({r["speaker"] for r in REMARKS if r["org_type"] == o})
            for o in ("public", "support", "enterprise", "coop", "civic")}
    for (theme, org_type), n in expected_frequency("participants").items():
        of = base[org_type]
        assert text[(theme, org_type)] == f"{n}/{of}<br>{round(100 * n / of)}%"


def test_themes_cooccurrence_matrix_matches_the_csv(run_page: RunPage) -> None:
    at = ok(run_page("themes"))
    trace = charts(at)["themes_cooc"]["data"][0]
    text = {tuple(c): s for c, s in zip(trace["customdata"], trace["text"], strict=True)}
    for (a, b), shown in text.items():
        assert shown == str(len(ids_where(lambda r, a=a, b=b: {a, b} <= set(split(r["themes"])))))


# --- Recommendations ------------------------------------------------------------------------------


def test_recs_lists_every_recommendation(run_page: RunPage) -> None:
    at = ok(run_page("recs"))
    assert rec_containers(at) == [f"R{i:02d}" for i in range(1, 21)]
    assert status_metrics(at) == {
        "● 반영": "0", "◐ 부분반영": "0", "○ 검토중": "20", "✕ 미반영": "0"}
    assert any(s.value == "권고 체크리스트 (20)" for s in at.header)


def test_recs_status_filter_without_match(run_page: RunPage) -> None:
    at = ok(run_page("recs"))
    at.multiselect(key="recs_status").set_value(["반영"])
    ok(at.run())
    assert NO_RECS_MESSAGE in infos(at)
    assert rec_containers(at) == []
    at.multiselect(key="recs_status").set_value(["검토중"])
    ok(at.run())
    assert len(rec_containers(at)) == 20


def test_recs_follow_the_organization_type(run_page: RunPage) -> None:
    at = ok(run_page("recs"))
    set_filters(at, "recs", org_types=["coop"])
    assert rec_containers(at) == ["R03", "R05", "R10", "R12", "R14", "R20"]
    assert status_metrics(at)["○ 검토중"] == "6"


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_descriptions_follow_the_ui_language(run_page: RunPage, dataset: Dataset,
                                             lang: str) -> None:
    other = "en" if lang == "ko" else "ko"
    at = ok(run_page("recs", query={"lang": lang} if lang == "en" else {}))
    shown = " ".join(h.proto.body for h in at.html)
    recs = dataset.recommendations
    assert all(html.escape(d) in shown for d in recs[f"detail_{lang}"][:20])
    assert not [d for d in recs[f"detail_{other}"] if html.escape(d) in shown]
    at = ok(run_page("themes", query={"lang": lang} if lang == "en" else {}))
    [codebook] = [d.value for d in at.dataframe if "definition" in d.value.columns]
    assert codebook["definition"].tolist() == dataset.themes[f"definition_{lang}"].tolist()


def test_recs_evidence_lists_the_backing_excerpts(run_page: RunPage) -> None:
    at = ok(run_page("recs"))
    item = at.container(key="recs_item_R05")
    ids = [rid for node in item if getattr(node, "type", "") == "html"
           for rid in re.findall(r'data-remark-id="([^"]+)"', node.proto.body)]
    assert ids == ids_where(lambda r: "R05" in split(r["recommendation_ids"]))

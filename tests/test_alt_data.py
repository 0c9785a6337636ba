"""A second, unrelated data folder (tests/fixtures/alt_data: a made-up school-route consultation
with other org types, themes and recommendation ids, remarks.csv in CP949 without the optional
`kind` and `meeting` columns) validates and drives every page with its own counts.

Expected figures are hand-checked and recomputed from the CSV files with the csv module only.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import FIXTURES, PAGES
from streamlit.testing.v1 import AppTest

from se_dashboard.__main__ import main
from se_dashboard.data.loader import load

RunPage = Callable[..., AppTest]
ALT = FIXTURES / "alt_data"
PAGE_NAMES = tuple(PAGES)
TITLES = {"overview": ("광명시 사회적경제 기본계획 이해관계자 의견",
                       "Gwangmyeong social economy plan: stakeholder remarks"),
          "who": ("누가 무엇을", "Who said what"), "themes": ("주제", "Themes"),
          "recs": ("권고", "Recommendations")}
ORG_TYPES = {"residents": ("주민", "Residents"), "schools": ("학교·학부모", "Schools & parents"),
             "businesses": ("상인·소상공인", "Local businesses")}
THEMES = ["safe_routes", "green_space", "rent", "youth_space"]
# Hand-checked: filter -> participants, org types, excerpts, themes, recommendations, 반영.
HEADLINES = {
    None: (6, 3, 12, 4, 3, 1),
    "residents": (2, 1, 4, 3, 2, 1),
    "schools": (2, 1, 4, 3, 2, 1),
    "businesses": (2, 1, 4, 4, 2, 1),
}


def read_csv(name: str, encoding: str = "utf-8-sig") -> list[dict[str, str]]:
    text = (ALT / name).read_bytes().decode(encoding)
    return list(csv.DictReader(io.StringIO(text, newline="")))


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split(";") if part.strip()]


REMARKS = read_csv("remarks.csv", encoding="cp949")
STATUS = {row["rec_id"]: row["status"] for row in read_csv("recommendations.csv")}


def csv_headline(org_type: str | None) -> tuple[int, ...]:
    rows = [r for r in REMARKS if org_type is None or r["org_type"] == org_type]
    recs = {x for r in rows for x in split(r["recommendation_ids"])}
    return (len({r["speaker"] for r in rows}), len({r["org_type"] for r in rows}), len(rows),
            len({t for r in rows for t in split(r["themes"])}), len(recs),
            sum(STATUS[x] == "반영" for x in recs))


def ids_where(predicate: Callable[[dict[str, str]], bool]) -> list[str]:
    return [r["remark_id"] for r in REMARKS if predicate(r)]


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    return at


def card_ids(at: AppTest) -> list[str]:
    return [rid for h in at.html for rid in re.findall(r'data-remark-id="([^"]+)"', h.proto.body)]


def banner(at: AppTest) -> str:
    found = [h.proto.body for h in at.html if 'class="sed-banner"' in h.proto.body]
    assert len(found) == 1, found
    return found[0]


def status_metrics(at: AppTest) -> dict[str, str]:
    """The recommendation status metrics (label with its status symbol) and their values."""
    return {m.label: m.value for m in at.metric if m.label[:1] in "●◐○✕"}


def rec_containers(at: AppTest) -> list[str]:
    return [c.key.removeprefix("recs_item_") for c in at.container
            if c.key and c.key.startswith("recs_item_")]


def metrics(expected: tuple[int, ...], lang: str = "ko") -> list[str]:
    *numbers, recs, reflected = expected
    last = f"{reflected} / {recs}"
    return [str(n) for n in (*numbers, recs)] + [last]


def set_filter(at: AppTest, page: str, field: str, value: Any) -> AppTest:
    at.sidebar.get_by_key(f"{page}_f_{field}").set_value(value)
    return ok(at.run())


def select(at: AppTest, chart: str, customdata: list[str]) -> AppTest:
    at.session_state[chart] = {"selection": {"points": [{"customdata": customdata}],
                                             "point_indices": [0], "box": [], "lasso": []}}
    return ok(at.run())


# --- The folder itself ----------------------------------------------------------------------------


def test_remarks_file_is_cp949_without_the_optional_columns() -> None:
    data = (ALT / "remarks.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    header = data.decode("cp949").splitlines()[0].split(",")
    assert "kind" not in header
    assert "meeting" not in header
    assert {"remark_id", "speaker", "org_type", "themes", "recommendation_ids"} <= set(header)


@pytest.mark.parametrize("org_type", list(HEADLINES))
def test_hand_checked_figures_match_the_csv(org_type: str | None) -> None:
    assert csv_headline(org_type) == HEADLINES[org_type]


def test_alt_data_validates() -> None:
    ds = load(ALT)
    assert ds.org_type_ids == list(ORG_TYPES)
    assert ds.theme_ids == THEMES
    assert ds.recommendations["rec_id"].tolist() == ["G1", "G2", "G3"]
    assert ds.recommendations["status"].astype(str).tolist() == ["반영", "부분반영", "미반영"]
    assert ds.remarks["remark_id"].tolist() == [r["remark_id"] for r in REMARKS]
    assert ds.remarks["excerpt"].tolist() == [r["excerpt"] for r in REMARKS]  # CP949 decoded
    assert ds.remarks["kind"].isna().all()
    assert set(ds.remarks["meeting"]) == {"중간보고회"}  # the contract's default meeting
    assert ds.participants["speaker"].tolist() == list(dict.fromkeys(r["speaker"] for r in REMARKS))
    by_id = ds.remarks.set_index("remark_id")
    assert by_id.at["A11", "role"] == ""
    assert by_id.at["A02", "recommendation_ids"] == ()
    assert by_id.at["A10", "recommendation_ids"] == ("G1", "G3")


def test_validate_command_accepts_alt_data(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(ALT)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: ")
    for line in ("participants: 6", "excerpts: 12", "org_types: 3", "themes: 4",
                 "recommendations: 3"):
        assert line in out


# --- Every page on the alternative data -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["ko", "en"])
@pytest.mark.parametrize("page_name", PAGE_NAMES)
def test_page_renders_on_alt_data(run_page: RunPage, page_name: str, lang: str) -> None:
    at = ok(run_page(page_name, query={"lang": lang}, data=ALT))
    assert at.title[0].value == TITLES[page_name][lang == "en"]
    counts = ("발췌 12 / 12 · 참석자 6 / 6" if lang == "ko"
              else "12 of 12 excerpts · 6 of 6 participants")
    assert counts in banner(at)
    labels = {o: pair[lang == "en"] for o, pair in ORG_TYPES.items()}
    assert at.sidebar.multiselect(key=f"{page_name}_f_org_types").options == list(labels.values())


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_overview_metrics_on_alt_data(run_page: RunPage, lang: str) -> None:
    at = ok(run_page("overview", query={"lang": lang}, data=ALT))
    assert [m.value for m in at.metric] == metrics(HEADLINES[None], lang)
    captions = [h.proto.body for h in at.html if "sed-caption" in h.proto.body]
    meeting = {"ko": "중간보고회", "en": "Interim report meeting"}[lang]
    assert any(meeting in c for c in captions)  # the contract's default meeting


@pytest.mark.parametrize("org_type", ["residents", "schools", "businesses"])
def test_overview_filter_by_alt_org_type(run_page: RunPage, org_type: str) -> None:
    at = ok(run_page("overview", data=ALT))
    set_filter(at, "overview", "org_types", [org_type])
    assert [m.value for m in at.metric] == metrics(HEADLINES[org_type])
    assert f"<b>기관 유형</b>: {ORG_TYPES[org_type][0]}" in banner(at)
    assert at.query_params["org"] == org_type


def test_who_on_alt_data(run_page: RunPage) -> None:
    at = ok(run_page("who", data=ALT))
    people = at.dataframe[0].value
    assert people["speaker"].tolist() == [
        "김하늘", "오준서", "정다은", "문지호", "배수진", "류태민"]
    assert people["n_excerpts"].tolist() == [2] * 6
    assert card_ids(at) == [r["remark_id"] for r in REMARKS]
    set_filter(at, "who", "org_types", ["schools"])
    assert card_ids(at) == ["A05", "A06", "A07", "A08"]
    at.selectbox(key="who_person").set_value("문지호")
    ok(at.run())
    assert card_ids(at) == ["A07", "A08"]
    at.segmented_control(key="who_view").set_value("table")
    ok(at.run())
    table = at.dataframe[1].value
    assert table["ID"].tolist() == ["A07", "A08"]
    assert set(table["발언 종류"]) == {""}  # no kind column in this data


def test_search_on_alt_data(run_page: RunPage) -> None:
    at = ok(run_page("who", data=ALT))
    set_filter(at, "who", "query", "공원")
    expected = ids_where(lambda r: "공원" in r["excerpt"])
    assert expected == ["A01", "A04", "A07", "A12"]
    assert card_ids(at) == expected
    html = "".join(h.proto.body for h in at.html if "data-remark-id" in h.proto.body)
    assert html.count('<mark class="sed-mark">공원</mark>') == 4


def test_themes_on_alt_data(run_page: RunPage) -> None:
    at = ok(run_page("themes", data=ALT))
    figure = json.loads(at.get("plotly_chart")[0].proto.spec)
    names = [t["name"] for t in figure["data"] if t.get("type") == "bar"]
    assert names == [pair[0] for pair in ORG_TYPES.values()]
    select(at, "themes_freq", ["safe_routes", "schools"])
    assert card_ids(at) == ["A05", "A08"]
    select(at, "themes_cooc", ["safe_routes", "youth_space"])
    assert card_ids(at) == ids_where(
        lambda r: {"safe_routes", "youth_space"} <= set(split(r["themes"]))) == ["A10"]


def test_recommendations_on_alt_data(run_page: RunPage) -> None:
    at = ok(run_page("recs", data=ALT))
    assert rec_containers(at) == ["G1", "G2", "G3"]
    assert status_metrics(at) == {
        "● 반영": "1", "◐ 부분반영": "1", "○ 검토중": "0", "✕ 미반영": "1"}
    at.multiselect(key="recs_status").set_value(["반영"])
    ok(at.run())
    assert rec_containers(at) == ["G1"]
    at.multiselect(key="recs_status").set_value(["부분반영", "미반영"])
    ok(at.run())
    assert rec_containers(at) == ["G2", "G3"]
    at.multiselect(key="recs_status").set_value([])
    set_filter(at, "recs", "org_types", ["residents"])
    assert rec_containers(at) == ["G1", "G2"]


def test_no_kind_filter_on_data_without_kinds(run_page: RunPage) -> None:
    """The kind column is optional: without it there is no kind filter, and a link that
    names a kind is not turned into an empty view."""
    at = ok(run_page("overview", data=ALT, query={"kind": ["제안"]}))
    assert "overview_f_kinds" not in [w.key for w in at.sidebar.multiselect]
    assert not at.info
    assert [m.value for m in at.metric][2] == str(len(REMARKS))


def test_overview_and_checklist_agree_on_unbacked_recommendations(
        run_page: RunPage, tmp_path: Path) -> None:
    """With no filter, the overview and the recommendations page count the same
    recommendations, also one that no remark backs (G4, status 반영)."""
    folder = tmp_path / "alt_unbacked"
    shutil.copytree(ALT, folder)
    with (folder / "recommendations.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(
            ["G4", "주민 장터 시범 운영", "A pilot residents' market", "", "green_space", "반영"])
    recs = ok(run_page("recs", data=folder))
    assert rec_containers(recs) == ["G1", "G2", "G3", "G4"]
    reflected = status_metrics(recs)["● 반영"]
    assert reflected == "2"
    overview = ok(run_page("overview", data=folder))
    assert [m.value for m in overview.metric][4:] == ["4", "2 / 4"]
    assert overview.metric[5].label == "반영"

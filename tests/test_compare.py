"""Comparing meetings (analysis/compare.py) on a small two-meeting folder the test writes
itself, every expected number checked by hand against the rows below."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from se_dashboard.analysis import compare
from se_dashboard.analysis.filters import Filters, apply
from se_dashboard.data.loader import Dataset, load
from se_dashboard.present.anonymize import anonymize

INTERIM, FINAL = "중간보고회", "최종보고회"
HEADER = ["remark_id", "meeting", "speaker", "organization", "role", "org_type", "kind",
          "themes", "recommendation_ids", "excerpt", "excerpt_en"]
# Interim: 김가 (A1, A2), 이나 (A3), 박다 (A4). Final: 김가 (B1), 최라 (B2, B3), 박다 (B4).
REMARKS = [
    ["A1", INTERIM, "김가", "시청", "팀장", "public", "제안", "governance;funding", "R1",
     "거버넌스와 재원.", "Governance and funding."],
    ["A2", INTERIM, "김가", "시청", "팀장", "public", "평가", "governance", "", "거버넌스.",
     "Governance."],
    ["A3", INTERIM, "이나", "생협A", "이사", "coop", "제안", "trust", "R2", "신뢰.", "Trust."],
    ["A4", INTERIM, "박다", "YMCA", "사무국장", "civic", "제안", "village;governance", "R3;R1",
     "마을과 거버넌스.", "Villages and governance."],
    ["B1", FINAL, "김가", "시청", "팀장", "public", "평가", "governance", "R1", "다시 거버넌스.",
     "Governance again."],
    ["B2", FINAL, "최라", "생협B", "이사장", "coop", "제안", "network;trust", "R2",
     "연대와 신뢰.", "Solidarity and trust."],
    ["B3", FINAL, "최라", "생협B", "이사장", "coop", "우려", "network", "", "연대.",
     "Solidarity."],
    ["B4", FINAL, "박다", "YMCA", "사무국장", "civic", "공감", "trust", "R2", "신뢰에 공감.",
     "Agree on trust."],
]
TABLES = {
    "org_types.csv": [["org_type", "label_ko", "label_en"], ["public", "행정", "Public"],
                      ["coop", "생협", "Co-ops"], ["civic", "시민사회", "Civil society"]],
    "codebook.csv": [["theme_id", "label_ko", "label_en", "definition"],
                     ["governance", "거버넌스", "Governance", "참여"],
                     ["trust", "신뢰", "Trust", "신뢰"], ["village", "마을", "Villages", "마을"],
                     ["funding", "재원", "Funding", "재원"],
                     ["network", "연대", "Networks", "연대"]],
    "recommendations.csv": [["rec_id", "title_ko", "title_en", "themes", "status"],
                            ["R1", "거버넌스 권고", "Governance rec", "governance", "검토중"],
                            ["R2", "신뢰 권고", "Trust rec", "trust", "반영"],
                            ["R3", "마을 권고", "Village rec", "village", "미반영"]],
}


def write_folder(folder: Path, remarks: list[list[str]] = REMARKS) -> Path:
    """Write the two-meeting data folder (UTF-8) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in {**TABLES, "remarks.csv": [HEADER, *remarks]}.items():
        with (folder / name).open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
    return folder


@pytest.fixture
def two(tmp_path: Path) -> Dataset:
    return load(write_folder(tmp_path / "two"))


def test_meetings_in_display_order(two):
    assert compare.meeting_order(two) == [INTERIM, FINAL]
    assert compare.meetings_in_view(two, two.remarks) == [INTERIM, FINAL]
    coop_final = two.remarks[two.remarks["remark_id"].isin(["B2", "B3"])]
    assert compare.meetings_in_view(two, coop_final) == [FINAL]
    assert compare.comparable_meetings(two) == [INTERIM, FINAL]
    assert compare.comparable_meetings(two, [FINAL]) == [FINAL]
    assert compare.default_pair([INTERIM, FINAL]) == (INTERIM, FINAL)
    assert compare.default_pair([INTERIM, "연례점검", FINAL]) == (INTERIM, FINAL)
    assert compare.default_pair([INTERIM]) is None


def test_meeting_summary(two):
    summary = compare.meeting_summary(two, two.remarks)
    assert summary.to_dict("list") == {
        "meeting": [INTERIM, FINAL], "participants": [3, 3], "excerpts": [4, 4],
        "coded": [4, 4], "not_coded": [0, 0]}
    coops = compare.meeting_summary(two, apply(two, Filters(org_types=("coop",))))
    # 이나 A3 at the interim meeting; 최라 B2, B3 at the final one
    assert coops[["participants", "excerpts"]].to_numpy().tolist() == [[1, 1], [1, 2]]


def test_theme_by_meeting_counts_participants_and_excerpts(two):
    long = compare.theme_by_meeting(two, two.remarks)
    assert long["theme_id"].tolist() == [t for t in two.theme_ids for _ in (0, 1)]
    got = {(r.theme_id, r.meeting): (r.participants, r.excerpts) for r in long.itertuples()}
    assert got == {
        ("governance", INTERIM): (2, 3),  # 김가 A1 A2, 박다 A4
        ("governance", FINAL): (1, 1),  # 김가 B1
        ("trust", INTERIM): (1, 1),  # 이나 A3
        ("trust", FINAL): (2, 2),  # 최라 B2, 박다 B4
        ("village", INTERIM): (1, 1), ("village", FINAL): (0, 0),  # 박다 A4
        ("funding", INTERIM): (1, 1), ("funding", FINAL): (0, 0),  # 김가 A1
        ("network", INTERIM): (0, 0), ("network", FINAL): (1, 2),  # 최라 B2 B3
    }


def test_theme_changes_first_to_last(two):
    changes = compare.theme_changes(two, two.remarks, INTERIM, FINAL)
    assert changes.to_dict("list") == {
        "theme_id": ["network", "trust", "governance", "village", "funding"],
        "change": ["new", "persisted", "persisted", "dropped", "dropped"],
        "earlier": [0, 1, 2, 1, 1], "later": [1, 2, 1, 0, 0],
        "earlier_excerpts": [0, 1, 3, 1, 1], "later_excerpts": [2, 2, 1, 0, 0]}
    assert compare.themes_with(changes, "new") == ["network"]
    assert compare.themes_with(changes, "persisted") == ["trust", "governance"]
    assert compare.themes_with(changes, "dropped") == ["village", "funding"]


def test_theme_changes_the_other_way_round(two):
    changes = compare.theme_changes(two, two.remarks, FINAL, INTERIM)
    assert compare.themes_with(changes, "new") == ["village", "funding"]  # tie: codebook order
    assert compare.themes_with(changes, "persisted") == ["governance", "trust"]  # 2, then 1
    assert compare.themes_with(changes, "dropped") == ["network"]


def test_theme_changes_follow_the_filter(two):
    coops = apply(two, Filters(org_types=("coop",)))
    changes = compare.theme_changes(two, coops, INTERIM, FINAL)
    # 이나 raised trust at the interim meeting; 최라 network and trust at the final one
    assert changes[["theme_id", "change", "earlier", "later"]].to_numpy().tolist() == [
        ["network", "new", 0, 1], ["trust", "persisted", 1, 1]]
    themed = apply(two, Filters(themes=("village",)))  # only A4
    changes = compare.theme_changes(two, themed, INTERIM, FINAL)
    assert changes[["theme_id", "change"]].to_numpy().tolist() == [
        ["governance", "dropped"], ["village", "dropped"]]


def test_theme_changes_of_a_meeting_with_itself(two):
    changes = compare.theme_changes(two, two.remarks, FINAL, FINAL)
    assert set(changes["change"]) == {"persisted"}
    assert changes["theme_id"].tolist() == ["trust", "governance", "network"]


def test_speakers_across(two):
    people = compare.speakers_across(two, two.remarks, INTERIM, FINAL)
    assert people.to_dict("list") == {
        "speaker": ["김가", "박다", "이나", "최라"],
        "organization": ["시청", "YMCA", "생협A", "생협B"],
        "org_type": ["public", "civic", "coop", "coop"],
        "spoke_at": ["both", "both", "earlier", "later"],
        "earlier": [2, 1, 1, 0], "later": [1, 1, 0, 2]}
    itself = compare.speakers_across(two, two.remarks, FINAL, FINAL)
    assert itself[["speaker", "spoke_at", "earlier"]].to_numpy().tolist() == [
        ["김가", "both", 1], ["박다", "both", 1], ["최라", "both", 2]]
    assert compare.spoke_at_counts(people) == {"both": 2, "earlier": 1, "later": 1}
    swapped = compare.speakers_across(two, two.remarks, FINAL, INTERIM)
    assert swapped["speaker"].tolist() == ["김가", "박다", "최라", "이나"]
    assert swapped["spoke_at"].tolist() == ["both", "both", "earlier", "later"]


def test_speakers_across_follow_the_filter_and_the_anonymized_view(two):
    civic = compare.speakers_across(two, apply(two, Filters(org_types=("civic",))), INTERIM,
                                    FINAL)
    assert civic[["speaker", "spoke_at"]].to_numpy().tolist() == [["박다", "both"]]
    anon = anonymize(two, "ko")
    people = compare.speakers_across(anon, anon.remarks, INTERIM, FINAL)
    # lettered in order of first remark: 김가 A, 이나 B, 박다 C, 최라 D
    assert people["speaker"].tolist() == ["참석자 A · 행정", "참석자 C · 시민사회",
                                          "참석자 B · 생협", "참석자 D · 생협"]
    assert set(people["organization"]) == {""}


def test_recommendation_meetings(two):
    long = compare.recommendation_meetings(two, two.remarks)
    got = {(r.rec_id, r.meeting): (r.participants, r.excerpts) for r in long.itertuples()}
    assert got == {
        ("R1", INTERIM): (2, 2), ("R1", FINAL): (1, 1),  # 김가 A1, 박다 A4; 김가 B1
        ("R2", INTERIM): (1, 1), ("R2", FINAL): (2, 2),  # 이나 A3; 최라 B2, 박다 B4
        ("R3", INTERIM): (1, 1), ("R3", FINAL): (0, 0),  # 박다 A4
    }
    assert compare.backing_meetings(long) == {"R1": [INTERIM, FINAL], "R2": [INTERIM, FINAL],
                                              "R3": [INTERIM]}
    coops = compare.recommendation_meetings(two, apply(two, Filters(org_types=("coop",))))
    assert coops.to_dict("list") == {"rec_id": ["R2", "R2"], "meeting": [INTERIM, FINAL],
                                     "participants": [1, 1], "excerpts": [1, 1]}


def test_one_meeting_has_nothing_to_compare(dataset):
    assert compare.comparable_meetings(dataset) == [INTERIM]
    assert compare.default_pair(compare.comparable_meetings(dataset)) is None
    summary = compare.meeting_summary(dataset, dataset.remarks)
    assert summary.to_dict("list") == {"meeting": [INTERIM], "participants": [15],
                                       "excerpts": [35], "coded": [35], "not_coded": [0]}


def test_display_order_is_meetings_csv_order_and_uncoded_remarks_are_counted(tmp_path):
    # The final meeting's rows come first in the file; meetings.csv puts the interim one first.
    # B5 (최라, final meeting, being coded) has no theme yet.
    uncoded = ["B5", FINAL, "최라", "생협B", "이사장", "coop", "", "", "", "아직 코딩 전.", ""]
    folder = write_folder(tmp_path / "ordered", [*REMARKS[4:], uncoded, *REMARKS[:4]])
    (folder / "meetings.csv").write_text(
        "meeting_id,date,title_ko,title_en,coding\n"
        f"{INTERIM},,{INTERIM},Interim report meeting,완료\n"
        f"{FINAL},2015-06-30,{FINAL},Final report meeting,진행중\n", encoding="utf-8")
    ds = load(folder)
    assert compare.meeting_order(ds) == compare.meetings_in_view(ds, ds.remarks) == [
        INTERIM, FINAL]
    assert compare.meeting_summary(ds, ds.remarks).to_dict("list") == {
        "meeting": [INTERIM, FINAL], "participants": [3, 3], "excerpts": [4, 5],
        "coded": [4, 4], "not_coded": [0, 1]}
    # themes count coded remarks only: the same as without B5
    changes = compare.theme_changes(ds, ds.remarks, INTERIM, FINAL)
    assert changes["theme_id"].tolist() == ["network", "trust", "governance", "village",
                                            "funding"]
    assert changes["later_excerpts"].tolist() == [2, 2, 1, 0, 0]
    people = compare.speakers_across(ds, ds.remarks, INTERIM, FINAL)
    # 최라 now has three remarks at the final meeting (B2, B3 and the uncoded B5); order of
    # first appearance in the file (김가 B1, 최라, 박다, 이나) within both, earlier, later
    assert people[["speaker", "spoke_at", "earlier", "later"]].to_numpy().tolist() == [
        ["김가", "both", 2, 1], ["박다", "both", 1, 1], ["이나", "earlier", 1, 0],
        ["최라", "later", 0, 3]]


def test_the_two_meeting_fixture(two_meetings):
    summary = compare.meeting_summary(two_meetings, two_meetings.remarks)
    # tests/fixtures/two_meetings/README.md
    assert summary.to_dict("list") == {
        "meeting": [INTERIM, FINAL], "participants": [15, 5], "excerpts": [35, 8],
        "coded": [35, 5], "not_coded": [0, 3]}
    people = compare.speakers_across(two_meetings, two_meetings.remarks, INTERIM, FINAL)
    both = people[people["spoke_at"] == "both"]
    assert both["speaker"].tolist() == ["이한준", "이은애", "박미정", "강찬호"]
    assert people.loc[people["spoke_at"] == "later", "speaker"].tolist() == ["정하늘"]
    assert (people["spoke_at"] == "earlier").sum() == 11
    changes = compare.theme_changes(two_meetings, two_meetings.remarks, INTERIM, FINAL)
    # final meeting, coded: M36 이한준 support_center policy_tools; M37 이은애 governance;
    # M39 박미정 implementation; M40 강찬호 trust support_center; M43 정하늘 incubation
    # mini_cluster. Every one of them was raised at the interim meeting too: nothing new.
    assert compare.themes_with(changes, "new") == []
    assert compare.themes_with(changes, "persisted") == [
        "support_center", "governance", "implementation", "mini_cluster", "trust",
        "incubation", "policy_tools"]
    # support_center was raised by two (이한준, 강찬호), the others by one: codebook order
    assert changes.loc[changes["change"] == "persisted", "later"].tolist() == [2, 1, 1, 1, 1,
                                                                               1, 1]
    # at the interim meeting: sustainability 5 (한용명 서원희 백종심 허기용 문순용),
    # local_assets 4 (이한준 허기용 강찬호 문순용), evidence 4 (이한준 이은애 조한수 서원희),
    # village 3 (이은애 강옥희 최미자), network 3 (이은애 강옥희 문순용)
    assert compare.themes_with(changes, "dropped") == [
        "sustainability", "local_assets", "evidence", "village", "network"]
    assert changes.loc[changes["change"] == "dropped", "earlier"].tolist() == [5, 4, 4, 3, 3]


@pytest.fixture
def two_meetings() -> Dataset:
    return load(Path(__file__).resolve().parent / "fixtures" / "two_meetings")

"""Meetings in the data contract: the optional meetings.csv, meeting references, the coding
state ("not yet coded" remarks) and untyped organizations, on tests/fixtures/two_meetings
(figures hand-checked in its README.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers_data import DATA, copy_data, edit_rows, read_rows, set_cell, write_rows

from se_dashboard.data.contract import (
    CODING_DONE,
    CODING_IN_PROGRESS,
    DEFAULT_MEETING,
    UNTYPED_ORG_TYPE,
)
from se_dashboard.data.loader import MEETING_COLUMNS, fingerprint, load, stat_key
from se_dashboard.data.problems import DataError, Problem

TWO = Path(__file__).resolve().parent / "fixtures" / "two_meetings"
UNCODED = ["M38", "M41", "M42"]


def copy_two(tmp_path: Path) -> Path:
    """Copy the two-meeting fixture into tmp_path and return the copy."""
    target = tmp_path / "two"
    shutil.copytree(TWO, target)
    return target


def problems_of(folder: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load(folder)
    return list(caught.value.problems)


def test_two_meetings_load_in_file_order() -> None:
    ds = load(TWO)
    assert list(ds.meetings.columns) == list(MEETING_COLUMNS)
    assert ds.meetings.to_dict("records") == [
        {"meeting_id": "중간보고회", "date": "", "title_ko": "중간보고회",
         "title_en": "Interim report meeting", "kind": "중간보고회", "coding": CODING_DONE},
        {"meeting_id": "최종보고회", "date": "2015-06-30", "title_ko": "최종보고회",
         "title_en": "Final report meeting", "kind": "최종보고회",
         "coding": CODING_IN_PROGRESS},
    ]
    assert ds.meeting_ids == ["중간보고회", "최종보고회"]
    meeting = ds.remarks["meeting"]
    assert list(meeting.cat.categories) == ["중간보고회", "최종보고회"] and meeting.cat.ordered
    assert meeting.value_counts().to_dict() == {"중간보고회": 35, "최종보고회": 8}
    assert ds.remarks.loc[~ds.remarks["coded"], "remark_id"].tolist() == UNCODED
    assert ds.remarks["coded"].sum() == 40
    # an uncoded remark has no theme rows, and no recommendation
    assert not set(UNCODED) & set(ds.remark_themes["remark_id"])
    assert not set(UNCODED) & set(ds.remark_recs["remark_id"])


def test_participants_stay_one_row_per_speaker() -> None:
    ds = load(TWO)
    people = ds.participants.set_index("speaker")
    assert len(people) == 16 and people.index.is_unique
    assert people.loc["이은애", "n_excerpts"] == 8 + 2  # at both meetings
    assert people.loc["정하늘", "org_type"] == UNTYPED_ORG_TYPE
    assert ds.org_type_ids[-1] == UNTYPED_ORG_TYPE
    assert ds.org_types.set_index("org_type").loc[UNTYPED_ORG_TYPE, "label_ko"] == "유형 미정"


def test_without_meetings_csv_one_meeting_as_before(dataset) -> None:
    assert ds_meetings(dataset) == [("중간보고회", "중간보고회", "Interim report meeting",
                                     CODING_DONE)]
    assert (dataset.remarks["meeting"] == DEFAULT_MEETING).all()
    assert dataset.remarks["coded"].all()


def ds_meetings(ds) -> list[tuple[str, str, str, str]]:
    return list(zip(ds.meetings["meeting_id"], ds.meetings["title_ko"], ds.meetings["title_en"],
                    ds.meetings["coding"], strict=True))


def test_without_meetings_csv_meetings_come_from_the_remarks(tmp_path) -> None:
    folder = copy_data(tmp_path)
    set_cell(folder / "remarks.csv", "M01", "meeting", "주민 워크숍")
    set_cell(folder / "remarks.csv", "M02", "meeting", "")  # the contract's default meeting
    set_cell(folder / "remarks.csv", "M30", "meeting", "최종보고회")
    ds = load(folder)
    assert ds_meetings(ds) == [
        ("주민 워크숍", "주민 워크숍", "주민 워크숍", CODING_DONE),
        ("중간보고회", "중간보고회", "Interim report meeting", CODING_DONE),
        ("최종보고회", "최종보고회", "Final report meeting", CODING_DONE)]
    assert ds.meetings["date"].tolist() == ["", "", ""]
    assert ds.meetings["kind"].tolist() == ["", "중간보고회", "최종보고회"]
    assert list(ds.remarks["meeting"].cat.categories) == ["주민 워크숍", "중간보고회", "최종보고회"]


def test_blank_meeting_means_the_first_meeting_of_meetings_csv(tmp_path) -> None:
    folder = copy_two(tmp_path)

    def final_first(rows):
        rows[1:] = rows[:0:-1]
    edit_rows(folder / "meetings.csv", final_first)
    set_cell(folder / "remarks.csv", "M01", "meeting", "")
    ds = load(folder)
    assert ds.meeting_ids == ["최종보고회", "중간보고회"]
    assert ds.remarks.set_index("remark_id").loc["M01", "meeting"] == "최종보고회"


def test_meetings_csv_with_minimal_columns(tmp_path) -> None:
    """date, kind and coding may be left out; coding then means 완료."""
    folder = copy_data(tmp_path)
    write_rows(folder / "meetings.csv", [["meeting_id", "title_ko", "title_en"],
                                         ["중간보고회", "중간보고회", "Interim meeting"]])
    ds = load(folder)
    assert ds_meetings(ds) == [("중간보고회", "중간보고회", "Interim meeting", CODING_DONE)]
    assert ds.meetings[["date", "kind"]].iloc[0].tolist() == ["", ""]


def test_meetings_csv_in_cp949_with_bom_free_crlf(tmp_path) -> None:
    folder = copy_two(tmp_path)
    text = (folder / "meetings.csv").read_text(encoding="utf-8").replace("\n", "\r\n")
    (folder / "meetings.csv").write_bytes(text.encode("cp949"))
    assert load(folder).meetings.equals(load(TWO).meetings)


def test_unknown_meeting_is_reported(tmp_path) -> None:
    folder = copy_two(tmp_path)
    line = set_cell(folder / "remarks.csv", "M40", "meeting", "최종 보고회")
    [problem] = problems_of(folder)
    assert (problem.file, problem.line, problem.column) == ("remarks.csv", line, "meeting")
    assert "'최종 보고회'" in problem.ko and "meetings.csv" in problem.ko
    assert "unknown meeting" in problem.en and "'중간보고회', '최종보고회'" in problem.en


def test_bad_coding_value_is_reported(tmp_path) -> None:
    folder = copy_two(tmp_path)
    set_cell(folder / "meetings.csv", "최종보고회", "coding", "done")
    found = problems_of(folder)
    coding = [p for p in found if p.file == "meetings.csv"]
    assert [(p.line, p.column) for p in coding] == [(3, "coding")]
    assert "'done'" in coding[0].en and "'완료', '진행중'" in coding[0].en
    # the final meeting is no longer being coded, so its three blank theme cells are reported
    assert [(p.file, p.column) for p in found if p not in coding] == [("remarks.csv", "themes")] * 3


def test_duplicate_meeting_id_is_reported(tmp_path) -> None:
    folder = copy_two(tmp_path)
    edit_rows(folder / "meetings.csv", lambda rows: rows.append(list(rows[1])))
    [problem] = problems_of(folder)
    assert (problem.file, problem.line, problem.column) == ("meetings.csv", 4, "meeting_id")
    assert "'중간보고회'" in problem.en and "line 2" in problem.en


def test_empty_themes_on_a_coded_meeting_are_reported(tmp_path) -> None:
    folder = copy_two(tmp_path)
    line = set_cell(folder / "remarks.csv", "M05", "themes", "")
    set_cell(folder / "remarks.csv", "M05", "recommendation_ids", "")
    [problem] = problems_of(folder)
    assert (problem.file, problem.line, problem.column) == ("remarks.csv", line, "themes")
    assert "진행중" in problem.ko and "not yet coded" in problem.en and "진행중" in problem.en


def test_empty_themes_without_meetings_csv_are_reported(tmp_path) -> None:
    folder = copy_data(tmp_path)
    blank = set_cell(folder / "remarks.csv", "M05", "themes", "")
    separators = set_cell(folder / "remarks.csv", "M06", "themes", " ; ")
    found = problems_of(folder)
    assert [(p.file, p.line, p.column) for p in found] == [
        ("remarks.csv", blank, "themes"), ("remarks.csv", separators, "themes")]


def test_marking_a_meeting_complete_requires_its_remarks_coded(tmp_path) -> None:
    folder = copy_two(tmp_path)
    set_cell(folder / "meetings.csv", "최종보고회", "coding", "")  # blank = 완료
    found = problems_of(folder)
    lines = [set_cell(folder / "remarks.csv", rid, "kind", "") for rid in UNCODED]
    assert [(p.line, p.column) for p in found] == [(line, "themes") for line in lines]


def test_bad_dates_are_reported(tmp_path) -> None:
    folder = copy_two(tmp_path)
    set_cell(folder / "meetings.csv", "중간보고회", "date", "2015.03.12")
    set_cell(folder / "meetings.csv", "최종보고회", "date", "2015-02-30")
    found = problems_of(folder)
    assert [(p.file, p.line, p.column) for p in found] == [("meetings.csv", 2, "date"),
                                                          ("meetings.csv", 3, "date")]
    assert "'2015.03.12'" in found[0].en and "YYYY-MM-DD" in found[0].en


def test_missing_title_column_and_blank_title_are_reported(tmp_path) -> None:
    folder = copy_two(tmp_path)
    set_cell(folder / "meetings.csv", "최종보고회", "title_ko", "")
    [blank] = problems_of(folder)
    assert (blank.file, blank.line, blank.column) == ("meetings.csv", 3, "title_ko")

    def drop_title_en(rows):
        for row in rows:
            del row[3]
    edit_rows(folder / "meetings.csv", drop_title_en)
    found = problems_of(folder)
    assert ("meetings.csv", 1, "title_en") in [(p.file, p.line, p.column) for p in found]


@pytest.mark.parametrize("breakage", ["empty", "header_only", "folder", "dangling_link"])
def test_a_broken_meetings_csv_is_reported(tmp_path, breakage) -> None:
    folder = copy_two(tmp_path)
    path = folder / "meetings.csv"
    if breakage == "empty":
        path.write_bytes(b"")
    elif breakage == "header_only":
        write_rows(path, read_rows(path)[:1])
    elif breakage == "folder":
        path.unlink()
        path.mkdir()
    else:
        path.unlink()
        path.symlink_to(folder / "nowhere.csv")
    found = problems_of(folder)
    # reported by file; the remarks' meetings and blank themes are not judged against it
    assert {p.file for p in found} == {"meetings.csv"}


def test_invisible_characters_in_a_meeting_id_are_a_warning(tmp_path) -> None:
    folder = copy_two(tmp_path)
    set_cell(folder / "meetings.csv", "최종보고회", "title_ko", "최종\u200b보고회")
    ds = load(folder)
    assert [(w.file, w.line, w.column) for w in ds.warnings] == [("meetings.csv", 3, "title_ko")]


def test_fingerprint_and_stat_key_follow_meetings_csv(tmp_path) -> None:
    folder = copy_data(tmp_path)
    without, without_stat = fingerprint(folder), stat_key(folder)
    assert without == fingerprint(DATA)
    assert ("meetings.csv", -1, -1, -1) in without_stat
    write_rows(folder / "meetings.csv", [["meeting_id", "title_ko", "title_en"],
                                         ["중간보고회", "중간보고회", "Interim meeting"]])
    added, added_stat = fingerprint(folder), stat_key(folder)
    assert added != without and added_stat != without_stat
    assert load(folder).fingerprint == added
    set_cell(folder / "meetings.csv", "중간보고회", "title_en", "Interim report")
    assert fingerprint(folder) not in (without, added)
    (folder / "meetings.csv").unlink()
    assert fingerprint(folder) == without

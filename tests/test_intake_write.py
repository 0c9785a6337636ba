"""Writing an import as a new data folder: the base's bytes kept (existing rows byte for byte),
the new meeting appended, the result validated, nothing left behind on failure, and neither
the base folder nor the source file ever modified."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from pathlib import Path

import pytest
from helpers_data import DATA, copy_data, read_rows, write_rows

from se_dashboard.data.contract import CODING_IN_PROGRESS, UNTYPED_ORG_TYPE
from se_dashboard.data.loader import load
from se_dashboard.data.versions import META
from se_dashboard.intake.documents import IntakeError, read_document
from se_dashboard.intake.plan import ImportPlan, plan_import
from se_dashboard.intake.turns import find_turns
from se_dashboard.intake.write import write_folder

MINUTES = ("○ 이한준(경기도 사회적경제팀장) 지난번 제안이 반영되었다. 감사하다.\n"
           "○ 김철수(다온협동조합 이사장) 처음 참석했다.\n")


def hashes(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def make_plan(base: Path, meeting: str = "최종보고회", text: str = MINUTES) -> ImportPlan:
    found = find_turns(read_document(text.encode(), "m.txt"))
    return plan_import(load(base), found, meeting, date="2025-05-01")


@pytest.fixture(scope="module")
def bundled_plan() -> ImportPlan:
    return make_plan(DATA)


def test_writes_base_plus_meeting_and_leaves_the_base_alone(tmp_path: Path,
                                                            bundled_plan: ImportPlan) -> None:
    before = hashes(DATA)
    out = write_folder(DATA, bundled_plan, tmp_path / "new")
    assert hashes(DATA) == before
    assert out == (tmp_path / "new").resolve()
    # every base file is there; the contract files that change keep the base's bytes in front
    for name in before:
        if name in ("remarks.csv", "org_types.csv"):
            assert (out / name).read_bytes().startswith((DATA / name).read_bytes()), name
            assert (out / name).read_bytes() != (DATA / name).read_bytes(), name
        else:
            assert (out / name).read_bytes() == (DATA / name).read_bytes(), name
    added = (out / "remarks.csv").read_bytes()[len((DATA / "remarks.csv").read_bytes()):]
    assert added.decode("utf-8").splitlines() == [
        "M36,최종보고회,이한준,경기도,사회적경제팀장,public,,,,지난번 제안이 반영되었다.,",
        "M37,최종보고회,이한준,경기도,사회적경제팀장,public,,,,감사하다.,",
        "M38,최종보고회,김철수,다온협동조합,이사장,untyped,,,,처음 참석했다.,"]
    assert (out / "meetings.csv").read_text(encoding="utf-8").splitlines() == [
        "meeting_id,date,title_ko,title_en,kind,coding",
        "중간보고회,,중간보고회,Interim report meeting,중간보고회,완료",
        "최종보고회,2025-05-01,최종보고회,Final report meeting,최종보고회,진행중"]
    untyped = (out / "org_types.csv").read_text(encoding="utf-8").splitlines()[-1]
    assert untyped.startswith("untyped,유형 미정,Type not yet set,")
    dataset = load(out)
    assert dataset.meeting_ids == ["중간보고회", "최종보고회"]
    assert dataset.meetings["coding"].tolist() == ["완료", CODING_IN_PROGRESS]
    new = dataset.remarks[dataset.remarks["meeting"] == "최종보고회"]
    assert len(new) == 3 and not new["coded"].any()
    assert dataset.remarks["coded"].sum() == 35


def test_importing_onto_an_import_appends_to_meetings(tmp_path: Path,
                                                      bundled_plan: ImportPlan) -> None:
    first = write_folder(DATA, bundled_plan, tmp_path / "v1")
    before = hashes(first)
    second = write_folder(first, make_plan(first, "2026 연례점검", "○ 홍길동(광명시 과장) 점검."),
                          tmp_path / "v2")
    assert hashes(first) == before
    for name in ("remarks.csv", "meetings.csv"):
        assert (second / name).read_bytes().startswith((first / name).read_bytes())
    # the untyped row is there already: org_types.csv is copied as it is
    assert (second / "org_types.csv").read_bytes() == (first / "org_types.csv").read_bytes()
    dataset = load(second)
    assert dataset.meeting_ids == ["중간보고회", "최종보고회", "2026 연례점검"]
    assert dataset.meetings["coding"].tolist() == ["완료", "진행중", "진행중"]
    assert dataset.remarks["remark_id"].iloc[-1] == "M39"


def test_an_empty_out_folder_is_used(tmp_path: Path, bundled_plan: ImportPlan) -> None:
    (tmp_path / "empty").mkdir()
    write_folder(DATA, bundled_plan, tmp_path / "empty")
    assert load(tmp_path / "empty").meeting_ids[-1] == "최종보고회"


def test_out_that_exists_is_refused(tmp_path: Path, bundled_plan: ImportPlan) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    (tmp_path / "file").write_text("x")
    for out in (busy, tmp_path / "file"):
        with pytest.raises(IntakeError) as info:
            write_folder(DATA, bundled_plan, out)
        assert "nothing is overwritten" in info.value.en and "덮어쓰지 않습니다" in info.value.ko
    assert [p.name for p in busy.iterdir()] == ["keep.txt"]
    assert (busy / "keep.txt").read_text() == "mine"


def test_out_inside_the_base_is_refused(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    plan = make_plan(base)
    with pytest.raises(IntakeError, match="inside the base"):
        write_folder(base, plan, base / "new")
    assert not (base / "new").exists()


@pytest.mark.parametrize("given_empty", [False, True])
def test_a_folder_that_does_not_validate_is_removed(tmp_path: Path, bundled_plan: ImportPlan,
                                                    given_empty: bool) -> None:
    person = bundled_plan.people[1]
    broken = dataclasses.replace(bundled_plan, people=(
        bundled_plan.people[0], dataclasses.replace(person, org_type="startup")))
    out = tmp_path / "parent" / "out"
    if given_empty:
        out.mkdir(parents=True)
    with pytest.raises(IntakeError) as info:
        write_folder(DATA, broken, out)
    assert "did not validate and was removed" in info.value.en
    assert "unknown organization type 'startup'" in info.value.en
    if given_empty:
        assert out.is_dir() and not any(out.iterdir())
    else:
        assert not (tmp_path / "parent").exists()


def test_a_base_changed_after_planning_is_refused(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    plan = make_plan(base)
    with (base / "codebook.csv").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    with pytest.raises(IntakeError, match="changed after the import was prepared"):
        write_folder(base, plan, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cp949_crlf_base_is_appended_in_kind(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    for name in ("remarks.csv", "org_types.csv"):
        text = (base / name).read_text(encoding="utf-8").replace("\n", "\r\n")
        (base / name).write_bytes(text.encode("cp949"))
    out = write_folder(base, make_plan(base), tmp_path / "out")
    data = (out / "remarks.csv").read_bytes()
    assert data.startswith((base / "remarks.csv").read_bytes())
    assert data.endswith("M38,최종보고회,김철수,다온협동조합,이사장,untyped,,,,처음 참석했다.,\r\n"
                         .encode("cp949"))
    assert (out / "meetings.csv").read_bytes().decode("cp949").count("\r\n") == 3
    assert len(load(out).remarks) == 38
    # a character CP949 cannot hold is refused and nothing is left
    with pytest.raises(IntakeError) as info:
        write_folder(base, make_plan(base, text="○ 김철수(다온협동조합 이사장) 좋아요 😀."),
                     tmp_path / "out2")
    assert "CP949" in info.value.en and "😀" in info.value.ko
    assert not (tmp_path / "out2").exists()


def test_utf8_bom_base_keeps_its_bom_once(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    (base / "remarks.csv").write_bytes(b"\xef\xbb\xbf" + (base / "remarks.csv").read_bytes())
    out = write_folder(base, make_plan(base), tmp_path / "out")
    assert (out / "remarks.csv").read_bytes().count(b"\xef\xbb\xbf") == 1
    assert (out / "meetings.csv").read_bytes().startswith(b"\xef\xbb\xbfmeeting_id,")
    assert len(load(out).remarks) == 38


def test_base_without_a_meeting_column_gets_one(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    rows = read_rows(base / "remarks.csv")
    column = rows[0].index("meeting")
    write_rows(base / "remarks.csv", [row[:column] + row[column + 1:] for row in rows])
    out = write_folder(base, make_plan(base), tmp_path / "out")
    written = read_rows(out / "remarks.csv")
    assert written[0][-1] == "meeting"
    assert [row[:-1] for row in written[:36]] == [row[:column] + row[column + 1:]
                                                   for row in rows]
    dataset = load(out)
    assert dataset.remarks["meeting"].value_counts().to_dict() == {
        "중간보고회": 35, "최종보고회": 3}


def test_blank_meeting_cells_keep_meaning_the_default_meeting(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    rows = read_rows(base / "remarks.csv")
    column = rows[0].index("meeting")
    rows[1][column] = "워크숍"  # the first remark names another meeting; the rest are blank
    for row in rows[2:]:
        row[column] = ""
    write_rows(base / "remarks.csv", rows)
    assert load(base).meeting_ids == ["워크숍", "중간보고회"]
    out = write_folder(base, make_plan(base), tmp_path / "out")
    dataset = load(out)
    # meetings.csv lists 중간보고회 first, so that a blank cell still means it
    assert dataset.meeting_ids == ["중간보고회", "워크숍", "최종보고회"]
    assert dataset.remarks["meeting"].value_counts().to_dict() == {
        "중간보고회": 34, "워크숍": 1, "최종보고회": 3}


def test_version_metadata_is_not_copied(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    (base / META).write_text("{}", encoding="utf-8")
    plan = make_plan(base)
    out = write_folder(base, plan, tmp_path / "out")
    assert not (out / META).exists()
    assert (out / "CODING.md").exists()


def test_source_file_is_not_modified(tmp_path: Path) -> None:
    source = tmp_path / "minutes.txt"
    shutil.copyfile(DATA / "source-interim-report-commentary.txt", source)
    before = source.read_bytes()
    found = find_turns(read_document(source))
    write_folder(DATA, plan_import(load(DATA), found, "최종보고회"), tmp_path / "out")
    assert source.read_bytes() == before
    assert UNTYPED_ORG_TYPE not in (tmp_path / "out" / "org_types.csv").read_text()


def test_base_meetings_file_without_optional_columns_gets_them(tmp_path: Path) -> None:
    base = copy_data(tmp_path)
    (base / "meetings.csv").write_text("meeting_id,title_ko,title_en\n"
                                       "중간보고회,중간보고회,Interim report meeting\n",
                                       encoding="utf-8")
    out = write_folder(base, make_plan(base), tmp_path / "out")
    assert read_rows(out / "meetings.csv") == [
        ["meeting_id", "title_ko", "title_en", "coding", "date", "kind"],
        ["중간보고회", "중간보고회", "Interim report meeting", "", "", ""],
        ["최종보고회", "최종보고회", "Final report meeting", "진행중", "2025-05-01", "최종보고회"]]
    assert load(out).meetings["coding"].tolist() == ["완료", "진행중"]

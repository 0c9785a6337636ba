"""Acceptance on our own source: importing data/source-interim-report-commentary.txt as a new
meeting finds exactly the 15 participants with the organizations and roles data/CODING.md gives
(as data/remarks.csv holds them), takes no photo-caption name for a speaker, and covers every
sentence of every participant."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from helpers_data import DATA

from se_dashboard.data.loader import load
from se_dashboard.intake.documents import read_document
from se_dashboard.intake.plan import ImportPlan, plan_import
from se_dashboard.intake.sentences import normalize
from se_dashboard.intake.turns import Found, find_turns
from se_dashboard.intake.write import write_folder

SOURCE = DATA / "source-interim-report-commentary.txt"
# data/CODING.md §1: the photo captions, made only of names.
CAPTIONS = ("이한준 이은애 한용명", "조한수 박미정 윤혜갑 서원희", "백종심 강옥희 허기용 김미숙",
            "강찬호 박태현 최미자 문순용")


def coded() -> dict[str, tuple[str, str, list[str]]]:
    """speaker -> (organization, role, excerpts) as hand-coded in data/remarks.csv."""
    with (DATA / "remarks.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    people: dict[str, tuple[str, str, list[str]]] = {}
    for row in rows:
        people.setdefault(row["speaker"], (row["organization"], row["role"], []))[2].append(
            row["excerpt"])
    return people


def source_parts() -> dict[str, str]:
    """speaker -> the source text after `이름(…)` up to the next introduction or line end,
    found independently of the importer (by the coded names)."""
    names = "|".join(coded())
    parts = {}
    for line in SOURCE.read_text(encoding="utf-8").splitlines():
        found = list(re.finditer(rf"({names})\([^()]*\)", line))
        if not found:
            continue
        for match, after in zip(found, [*found[1:], None], strict=True):
            parts[match[1]] = line[match.end():after.start() if after else len(line)]
    return parts


@pytest.fixture(scope="module")
def found() -> Found:
    return find_turns(read_document(SOURCE))


@pytest.fixture(scope="module")
def plan(found: Found) -> ImportPlan:
    return plan_import(load(DATA), found, "최종보고회", date="2015-12-01")


def test_exactly_the_15_participants_with_coding_md_organizations_and_roles(
        found: Found) -> None:
    people = coded()
    assert len(people) == 15
    assert [t.speaker for t in found.turns] == list(people)
    assert [(t.speaker, t.organization, t.role) for t in found.turns] == [
        (name, organization, role) for name, (organization, role, _) in people.items()]


def test_no_caption_name_is_a_speaker(found: Found) -> None:
    assert [n.text for n in found.skipped if n.reason == "caption"] == list(CAPTIONS)
    for turn in found.turns:
        for caption in CAPTIONS:
            assert caption not in normalize(turn.text)


def test_every_sentence_of_every_participant_is_covered(found: Found, plan: ImportPlan) -> None:
    parts, people = source_parts(), coded()
    assert len(plan.excerpts) == 15
    for turn, excerpts in zip(found.turns, plan.excerpts, strict=True):
        joined = " ".join(excerpts)
        assert joined == normalize(parts[turn.speaker]), turn.speaker
        assert joined == normalize(" ".join(people[turn.speaker][2])), turn.speaker
        for excerpt in excerpts:  # verbatim, whitespace aside
            assert excerpt in normalize(SOURCE.read_text(encoding="utf-8"))
    # the hand-coded excerpts are points of whole sentences: each is a run of the importer's
    assert plan.n_excerpts == 55


def test_page_furniture_is_reported_not_imported(found: Found) -> None:
    assert [(n.place.number, n.reason) for n in found.skipped] == [
        (1, "title"), (13, "caption"), (14, "caption"), (15, "caption"), (16, "caption"),
        (17, "source"), (17, "heading")]
    assert [(n.place.number, n.text) for n in found.unattributed] == [
        (2, "HOME"), (3, "사회적경제이야기"),
        (5, "광명시, 사회적경제 5년 밑그림 함께 그린다 2 - "
            "(연구용역 중간보고에 대한 참석자 코멘터리)"),
        (7, "페이지 정보"), (9, "작성자 담당자 작성일15-03-12 11:19 조회2,763회 댓글0건"),
        (11, "본문"), (19, "댓글목록"), (21, "등록된 댓글이 없습니다.")]


def test_written_folder_has_both_meetings_and_the_same_participants(tmp_path: Path,
                                                                   plan: ImportPlan) -> None:
    dataset = load(write_folder(DATA, plan, tmp_path / "out"))
    assert len(dataset.participants) == 15
    assert dataset.remarks.groupby("meeting", observed=True).size().to_dict() == {
        "중간보고회": 35, "최종보고회": 55}
    assert all(s.speaker.known for s in plan.speakers)
    assert not plan.needs_untyped and plan.differences() == ()

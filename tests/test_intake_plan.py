"""Planning an import against the base: speakers' organizations and types, the new rows and
ids, the meeting, and corrections that return new plans."""

from __future__ import annotations

import pytest
from helpers_data import DATA

from se_dashboard.data.contract import UNTYPED_ORG_TYPE
from se_dashboard.data.loader import Dataset, load
from se_dashboard.intake.documents import IntakeError, read_document
from se_dashboard.intake.plan import (
    UNKNOWN_ORGANIZATION,
    ImportPlan,
    next_ids,
    plan_import,
    reassign_turn,
    set_speaker,
)
from se_dashboard.intake.turns import find_turns

MINUTES = "\n".join([
    "○ 이한준(광명시 사회적경제과장) 기존 발언자의 말이다. 소속이 다르게 적혔다.",
    "○ 홍길동(광명시 평생학습원 팀장) 소속이 기존 데이터에 있다.",
    "○ 김철수(다온협동조합 이사장) 처음 보는 소속이다.",
    "이영희 위원: 소속이 없다.",
    "○ 홍길동(광명시 평생학습원 팀장) 다시 말한다. 두 문장이다.",
])


@pytest.fixture(scope="module")
def base() -> Dataset:
    return load(DATA)


@pytest.fixture(scope="module")
def plan(base: Dataset) -> ImportPlan:
    found = find_turns(read_document(MINUTES.encode(), "m.txt"))
    return plan_import(base, found, "최종보고회", date="2025-05-01")


def people(plan: ImportPlan) -> list[tuple]:
    return [(s.speaker.name, s.speaker.organization, s.speaker.role, s.speaker.org_type,
             s.speaker.known, s.n_turns, s.n_excerpts) for s in plan.speakers]


def test_speakers_against_the_base(plan: ImportPlan) -> None:
    assert people(plan) == [
        # known: the base's organization and type are kept, the document's role is used
        ("이한준", "경기도", "사회적경제과장", "public", True, 1, 2),
        # new, organization in the base (spelled without the space there): its type
        ("홍길동", "광명시평생학습원", "팀장", "public", False, 2, 3),
        ("김철수", "다온협동조합", "이사장", UNTYPED_ORG_TYPE, False, 1, 1),
        ("이영희", UNKNOWN_ORGANIZATION, "위원", UNTYPED_ORG_TYPE, False, 1, 1),
    ]
    assert plan.person("이한준").doc_organization == "광명시"
    assert plan.needs_untyped
    assert plan.differences() == ((
        "이한준: 문서의 소속 '광명시' 대신 기존 데이터의 소속 '경기도'을(를) 씁니다.",
        "이한준: the base's organization '경기도' is kept; the document says '광명시'."),)


def test_rows_one_per_sentence_with_new_ids(plan: ImportPlan) -> None:
    rows = plan.rows()
    assert [r["remark_id"] for r in rows] == [f"M{n}" for n in range(36, 43)]
    assert plan.n_excerpts == 7
    assert rows[0] == {
        "remark_id": "M36", "meeting": "최종보고회", "speaker": "이한준", "organization": "경기도",
        "role": "사회적경제과장", "org_type": "public", "kind": "", "themes": "",
        "recommendation_ids": "", "excerpt": "기존 발언자의 말이다.", "excerpt_en": ""}
    assert [r["excerpt"] for r in rows[-2:]] == ["다시 말한다.", "두 문장이다."]


def test_meeting_defaults_and_checks(base: Dataset) -> None:
    found = find_turns(read_document("홍길동 위원: 말.".encode(), "m.txt"))
    plan = plan_import(base, found, "  최종보고회 ")
    meeting = plan.meeting
    assert (meeting.meeting_id, meeting.title_ko, meeting.title_en, meeting.date, meeting.kind,
            meeting.coding) == ("최종보고회", "최종보고회", "Final report meeting", "",
                                "최종보고회", "진행중")
    other = plan_import(base, found, "2026 연례점검", title_en="2026 annual review",
                        kind="연례점검").meeting
    assert (other.title_ko, other.title_en, other.kind) == (
        "2026 연례점검", "2026 annual review", "연례점검")
    assert plan_import(base, found, "연례점검").meeting.kind == ""
    assert plan_import(base, found, "2026\n 연례점검").meeting.meeting_id == "2026 연례점검"
    for name, date, words in [("중간보고회", "", "already has a meeting '중간보고회'"),
                              ("  ", "", "give the meeting a name"),
                              ("최종보고회", "2025-13-01", "date '2025-13-01'"),
                              ("최종보고회", "2025-5-1", "YYYY-MM-DD")]:
        with pytest.raises(IntakeError) as info:
            plan_import(base, found, name, date=date)
        assert words in info.value.en


@pytest.mark.parametrize(("existing", "n", "expected"), [
    (["M01", "M35"], 2, ("M36", "M37")),
    (["R-009", "R-010"], 1, ("R-011",)),
    ([], 2, ("M01", "M02")),
    (["가", "나"], 1, ("M01",)),
    (["A1", "M09", "A3"], 1, ("A4",)),
    (["M98", "M99"], 2, ("M100", "M101")),
    (["M01", "M02", "M03x"], 1, ("M03",)),
])
def test_next_ids(existing: list[str], n: int, expected: tuple[str, ...]) -> None:
    assert next_ids(existing, n) == expected


def test_set_speaker_returns_a_new_plan(plan: ImportPlan) -> None:
    changed = set_speaker(plan, "김철수", org_type="coop", role="이사")
    assert changed.person("김철수").org_type == "coop" and changed.person("김철수").role == "이사"
    assert plan.person("김철수").org_type == UNTYPED_ORG_TYPE  # the original is unchanged
    # an organization of the base brings its type (and spelling)
    moved = set_speaker(plan, "이영희", organization="등대 생협")
    assert (moved.person("이영희").organization, moved.person("이영희").org_type) == (
        "등대생협", "coop")
    typed = set_speaker(set_speaker(moved, "김철수", org_type="coop"), "이영희", org_type="civic")
    assert not typed.needs_untyped
    assert typed.person("이영희").org_type == "civic"


def test_set_speaker_refusals(plan: ImportPlan) -> None:
    with pytest.raises(IntakeError, match="unknown organization type 'startup'"):
        set_speaker(plan, "김철수", org_type="startup")
    with pytest.raises(IntakeError, match="cannot be blank"):
        set_speaker(plan, "김철수", organization="  ")
    with pytest.raises(IntakeError, match="keeps its organization and type"):
        set_speaker(plan, "이한준", organization="광명시")
    with pytest.raises(IntakeError, match="keeps its organization and type"):
        set_speaker(plan, "이한준", org_type="civic")
    with pytest.raises(IntakeError, match="no speaker '없는사람'"):
        set_speaker(plan, "없는사람", role="팀장")
    assert set_speaker(plan, "이한준", role="과장").person("이한준").role == "과장"


def test_rename_merges_or_creates(plan: ImportPlan) -> None:
    renamed = set_speaker(plan, "이영희", new_name="이영히")
    assert [s.speaker.name for s in renamed.speakers] == ["이한준", "홍길동", "김철수", "이영히"]
    assert renamed.person("이영히").role == "위원"
    merged = set_speaker(plan, "김철수", new_name="홍길동")
    assert [(s.speaker.name, s.n_turns) for s in merged.speakers] == [
        ("이한준", 1), ("홍길동", 3), ("이영희", 1)]
    known = set_speaker(plan, "김철수", new_name="최미자")
    assert known.person("최미자").known and known.person("최미자").organization == "등대생협"


def test_reassign_turn(plan: ImportPlan) -> None:
    moved = reassign_turn(plan, 2, "홍길동")
    assert moved.assignment == ("이한준", "홍길동", "홍길동", "이영희", "홍길동")
    assert [s.speaker.name for s in moved.speakers] == ["이한준", "홍길동", "이영희"]
    assert [r["speaker"] for r in moved.rows()][2:5] == ["홍길동", "홍길동", "이영희"]
    to_base = reassign_turn(plan, 3, "문순용")
    assert to_base.person("문순용").known and to_base.person("문순용").org_type == "public"
    new = reassign_turn(plan, 0, "박새롬")
    assert (new.person("박새롬").organization, new.person("박새롬").org_type) == (
        UNKNOWN_ORGANIZATION, UNTYPED_ORG_TYPE)
    assert plan.assignment[0] == "이한준"
    with pytest.raises(IntakeError, match="no turn number 6"):
        reassign_turn(plan, 5, "홍길동")
    with pytest.raises(IntakeError, match="speaker's name"):
        reassign_turn(plan, 0, " ")


def test_org_type_choices_include_untyped_once(plan: ImportPlan, base: Dataset) -> None:
    ids = [t[0] for t in plan.org_types]
    assert ids == [*base.org_type_ids, UNTYPED_ORG_TYPE]
    assert plan.org_types[-1] == (UNTYPED_ORG_TYPE, "유형 미정", "Type not yet set")

"""Finding speaker turns: the conventions of Korean minutes, what is skipped as not a remark,
what cannot be attributed, tables of turns, and organization/role splitting as CODING.md does."""

from __future__ import annotations

import pytest
from test_intake_files import (
    MINUTES,
    MINUTES_SKIPPED,
    MINUTES_TURNS,
    docx_bytes,
    hwpx_bytes,
    xlsx_bytes,
)

from se_dashboard.intake.documents import Columns, IntakeError, Place, read_document
from se_dashboard.intake.template import TEMPLATE_EXAMPLE, TEMPLATE_HEADERS
from se_dashboard.intake.turns import Found, find_turns, split_org_role


def turns_of(text: str, name: str = "m.txt") -> Found:
    return find_turns(read_document(text.encode("utf-8"), name))


def summary(found: Found) -> list[tuple[str, str, str, str]]:
    return [(t.speaker, t.organization, t.role, " ".join(t.text.split())) for t in found.turns]


@pytest.mark.parametrize("fmt", ["txt-utf8", "txt-cp949", "md", "docx", "hwpx"])
def test_minutes_in_every_format(fmt: str) -> None:
    lines = [m.replace("◯", "○") for m in MINUTES] if fmt == "txt-cp949" else list(MINUTES)
    if fmt == "docx":
        data = docx_bytes(lines)
    elif fmt == "hwpx":
        data = hwpx_bytes(lines)
    else:
        data = "\n".join(lines).encode("cp949" if fmt == "txt-cp949" else "utf-8")
    suffix = {"txt-utf8": "txt", "txt-cp949": "txt"}.get(fmt, fmt)
    found = find_turns(read_document(data, f"minutes.{suffix}"))
    assert summary(found) == list(MINUTES_TURNS)
    unit = "line" if suffix in ("txt", "md") else "paragraph"
    assert [t.place for t in found.turns] == [Place(unit, n) for n in (7, 10, 11, 12)]
    assert [(n.place.number, n.reason) for n in found.skipped] == list(MINUTES_SKIPPED)
    assert found.unattributed == ()


def test_continuation_paragraphs_and_a_speaker_who_speaks_twice() -> None:
    found = turns_of("○ 홍길동(광명시 과장)\n첫째 문단입니다.\n둘째 문단입니다.\n"
                     "○ 김철수(다온협동조합 이사)\n한마디 하겠습니다.\n"
                     "○ 홍길동(광명시 과장)\n다시 말씀드립니다.\n")
    assert summary(found) == [
        ("홍길동", "광명시", "과장", "첫째 문단입니다. 둘째 문단입니다."),
        ("김철수", "다온협동조합", "이사", "한마디 하겠습니다."),
        ("홍길동", "광명시", "과장", "다시 말씀드립니다.")]
    assert found.turns[0].text == "첫째 문단입니다.\n둘째 문단입니다."
    assert found.turns[0].header == "홍길동(광명시 과장)"


@pytest.mark.parametrize(("line", "expected"), [
    ("○ 홍길동(광명시 사회적경제과 팀장)", ("홍길동", "광명시 사회적경제과", "팀장", "")),
    ("◯ 홍길동 위원(광명시의회) : 발언입니다.", ("홍길동", "광명시의회", "위원", "발언입니다.")),
    ("홍길동 위원: 발언입니다.", ("홍길동", "", "위원", "발언입니다.")),
    ("홍길동(경기도 사회적경제팀장) 발언입니다.",
     ("홍길동", "경기도", "사회적경제팀장", "발언입니다.")),
    ("- 홍길동(다온협동조합 이사장): 발언", ("홍길동", "다온협동조합", "이사장", "발언")),
    ("▶ 홍길동(이사장, 다온협동조합) 발언", ("홍길동", "다온협동조합", "이사장", "발언")),
    ("○ 위원장 홍길동: 회의를 시작하겠습니다.", ("홍길동", "", "위원장", "회의를 시작하겠습니다.")),
    ("○ 위원장: 회의를 시작하겠습니다.", ("위원장", "", "위원장", "회의를 시작하겠습니다.")),
    ("◯ 홍길동 위원 지원센터가 필요합니다.", ("홍길동", "", "위원", "지원센터가 필요합니다.")),
    ("○ 홍길동위원(광명시) 발언", ("홍길동", "광명시", "위원", "발언")),
    ("○ 남궁민수(광명시 주무관) 발언", ("남궁민수", "광명시", "주무관", "발언")),
    ("홍길동((주)다온 대표) 발언", ("홍길동", "(주)다온", "대표", "발언")),
])
def test_speaker_header_conventions(line: str, expected: tuple[str, str, str, str]) -> None:
    found = turns_of(f"{line}\n이어지는 말.")
    speaker, organization, role, rest = expected
    assert summary(found)[0] == (speaker, organization, role,
                                 " ".join(filter(None, [rest, "이어지는 말."])))


@pytest.mark.parametrize("line", [
    "광명시(경기도)는 사례가 많습니다.",  # a place, then a particle
    "이은애(서울시 사회적경제지원센터장)의 말처럼 중요합니다.",  # a name quoted mid-sentence
    "장단점: 여러 가지가 있습니다.",  # one word and a colon, no title or opener
    "- 김포시 사례를 보면 알 수 있습니다.",  # a bullet starting with a name-like word
    "1. 지원센터를 늘려야 합니다.",  # a numbered point that is a sentence
])
def test_lines_that_are_not_speakers_continue_the_turn(line: str) -> None:
    found = turns_of(f"○ 홍길동(광명시 과장)\n앞의 말.\n{line}")
    assert len(found.turns) == 1
    assert found.turns[0].text == f"앞의 말.\n{line}"


def test_several_name_colon_lines_are_a_transcript() -> None:
    found = turns_of("홍길동: 시작하겠습니다.\n김철수: 네, 좋습니다.\n홍길동: 감사합니다.")
    assert [t.speaker for t in found.turns] == ["홍길동", "김철수", "홍길동"]


@pytest.mark.parametrize(("line", "reason"), [
    ("일시: 2025년 5월 1일", "meta"), ("□ 일 시 : 2025. 5. 1.", "meta"),
    ("장소 : 광명시청", "meta"), ("참석자: 홍길동(광명시 과장) 외 10명", "meta"),
    ("○ 참석 위원 : 홍길동, 김철수", "meta"), ("회의명: 최종보고회", "meta"),
    ("개회", "procedure"), ("(14시 00분 개회)", "procedure"), ("개회 선언", "procedure"),
    ("폐회", "procedure"), ("- 끝 -", "procedure"), ("<끝>", "procedure"), ("끝.", "procedure"),
    ("3. 폐회", "procedure"), ("2. 안건 토의", "agenda"), ("가. 보고 사항", "agenda"),
    ("Ⅱ. 주요 논의 내용", "agenda"), ("[안건] 기본계획 보고", "agenda"),
    ("● 주요 논의 내용", "heading"), ("【토론】", "heading"), ("## 토론", "heading"),
    ("출처: 광명시", "source"), ("▲ 왼쪽부터 홍길동, 김철수", "source"),
])
def test_lines_that_are_not_remarks_close_the_turn(line: str, reason: str) -> None:
    found = turns_of(f"○ 홍길동(광명시 과장)\n말씀드립니다.\n{line}\n그 뒤의 글.")
    assert summary(found) == [("홍길동", "광명시", "과장", "말씀드립니다.")]
    assert [(n.place.number, n.reason, n.text) for n in found.skipped] == [(3, reason, line)]
    assert [(n.place.number, n.reason, n.text) for n in found.unattributed] == [
        (4, "after_close", "그 뒤의 글.")]


def test_photo_caption_is_skipped_without_closing_the_turn() -> None:
    found = turns_of("○ 홍길동(광명시 과장)\n앞의 말.\n홍길동 김철수 이영희\n뒤의 말.\n"
                     "○ 김철수(다온협동조합 이사) 발언.")
    assert summary(found)[0] == ("홍길동", "광명시", "과장", "앞의 말. 뒤의 말.")
    assert [(n.place.number, n.reason) for n in found.skipped] == [(3, "caption")]
    assert "김철수" not in found.turns[0].text


def test_text_before_the_first_speaker_is_reported_with_its_place() -> None:
    found = turns_of("광명시 회의록\n\n이 회의는 여러 의견을 모았습니다.\n"
                     "○ 홍길동(광명시 과장) 발언.")
    assert [(n.place, n.reason) for n in found.skipped] == [(Place("line", 1), "title")]
    assert [(n.place, n.reason, n.text, n.reason_en) for n in found.unattributed] == [
        (Place("line", 3), "before_first", "이 회의는 여러 의견을 모았습니다.",
         "text before the first speaker")]


def test_web_page_blocks_run_into_one_line_as_in_the_bundled_article() -> None:
    line = ("\xa0 이한준 이은애 \xa0 \xa0 이한준(경기도 사회적경제팀장) 첫 말이다. 어떤\xa0분야인지"
            " 본다. \xa0 이은애(서울시 사회적경제지원센터장) 둘째 말이다.")
    found = turns_of(line)
    assert summary(found) == [
        ("이한준", "경기도", "사회적경제팀장", "첫 말이다. 어떤 분야인지 본다."),
        ("이은애", "서울시 사회적경제지원센터", "센터장", "둘째 말이다.")]
    assert [(n.reason, n.text) for n in found.skipped] == [("caption", "이한준 이은애")]


def test_a_header_alone_without_text_is_reported() -> None:
    found = turns_of("○ 홍길동(광명시 과장)\n- 끝 -\n○ 김철수(다온협동조합 이사) 발언.")
    assert [t.speaker for t in found.turns] == ["김철수"]
    assert [(n.reason, n.text) for n in found.skipped][:1] == [("no_text", "홍길동(광명시 과장)")]


def test_no_speaker_at_all() -> None:
    with pytest.raises(IntakeError) as info:
        turns_of("그냥 글입니다.\n다른 글입니다.")
    assert "발언자를 찾지 못했습니다" in info.value.ko and "no speaker found" in info.value.en


def test_xlsx_table_with_korean_headers() -> None:
    data = xlsx_bytes([
        ["2025 최종보고회 발언 기록"],
        ["번호", "발언자", "소속", "직위", "발언 내용"],
        [1, "홍길동", "광명시 사회적경제과", "과장", "첫 발언입니다. 둘째 문장."],
        [2, None, None, None, "이어지는 발언."],
        [3, "김철수(다온협동조합 이사장)", None, None, "괄호로 적은 발언자."],
        [4, "홍길동", "광명시 사회적경제과", "과장", "다시 말합니다."],
        [5, "이영희", None, None, None],
        [6, None, None, None, None],
    ])
    found = find_turns(read_document(data, "기록.xlsx"))
    assert summary(found) == [
        ("홍길동", "광명시 사회적경제과", "과장", "첫 발언입니다. 둘째 문장. 이어지는 발언."),
        ("김철수", "다온협동조합", "이사장", "괄호로 적은 발언자."),
        ("홍길동", "광명시 사회적경제과", "과장", "다시 말합니다.")]
    assert [t.place for t in found.turns] == [Place("row", 3), Place("row", 5), Place("row", 6)]
    assert [(n.place.number, n.reason) for n in found.skipped] == [
        (1, "title"), (2, "table_header"), (7, "no_text")]


def test_table_row_without_a_speaker_before_any() -> None:
    data = "발언자,내용\n,누가 말했는지 모름\n홍길동,발언\n".encode()
    found = find_turns(read_document(data, "t.csv"))
    assert [(n.place.number, n.reason) for n in found.unattributed] == [(2, "no_speaker")]
    assert summary(found) == [("홍길동", "", "", "발언")]


def test_organization_column_without_a_role_column_is_split() -> None:
    data = "성명,소속,의견\n홍길동,서울시 사회적경제지원센터장,좋습니다.\n".encode()
    found = find_turns(read_document(data, "t.csv"))
    assert summary(found) == [("홍길동", "서울시 사회적경제지원센터", "센터장", "좋습니다.")]


def test_custom_column_names() -> None:
    data = "who,org,what\n홍길동,광명시,좋습니다.\n".encode()
    found = find_turns(read_document(data, "t.csv", Columns(speaker="who", text="what",
                                                            organization="org")))
    assert summary(found) == [("홍길동", "광명시", "", "좋습니다.")]


def test_template_example_row_is_left_out() -> None:
    data = xlsx_bytes([TEMPLATE_HEADERS, TEMPLATE_EXAMPLE, ["홍길순", "광명시", "", "실제 발언."]])
    found = find_turns(read_document(data, "양식.xlsx"))
    assert summary(found) == [("홍길순", "광명시", "", "실제 발언.")]
    assert [n.reason for n in found.skipped] == ["table_header", "example"]


@pytest.mark.parametrize("fmt", ["docx", "hwpx"])
def test_table_of_turns_inside_a_document(fmt: str) -> None:
    rows = [["발언자", "소속", "발언 내용"], ["홍길동", "광명시", "하나."],
            ["김철수", "다온협동조합", "둘."]]
    before, after = ["회의록"], ["○ 이영희(광명시 위원) 표 뒤의 발언.", "- 끝 -"]
    data = docx_bytes(before, [rows], after) if fmt == "docx" else hwpx_bytes(before, rows, after)
    found = find_turns(read_document(data, f"m.{fmt}"))
    assert summary(found) == [("홍길동", "광명시", "", "하나."),
                              ("김철수", "다온협동조합", "", "둘."),
                              ("이영희", "광명시", "위원", "표 뒤의 발언.")]
    assert "table_header" in [n.reason for n in found.skipped]


def test_document_table_whose_first_cell_names_the_speaker() -> None:
    data = docx_bytes([], [[["○ 홍길동(광명시 과장)", "표 안의 발언입니다."],
                            ["김철수", "두 번째."]]])
    found = find_turns(read_document(data, "m.docx"))
    assert summary(found) == [("홍길동", "광명시", "과장", "표 안의 발언입니다."),
                              ("김철수", "", "", "두 번째.")]
    assert found.turns[1].place == Place("row", 2, 1)


# The 15 parentheses of the bundled article and the split data/CODING.md §3 gives each.
CODING_SPLITS = [
    ("경기도 사회적경제팀장", "경기도", "사회적경제팀장"),
    ("서울시 사회적경제지원센터장", "서울시 사회적경제지원센터", "센터장"),
    ("소상공인시장진흥공단 광명센터장", "소상공인시장진흥공단 광명센터", "센터장"),
    ("사람과세상 이사장", "사람과세상", "이사장"),
    ("광명나래아이쿱 이사장", "광명나래아이쿱", "이사장"),
    ("부모사랑노인복지센터 대표", "부모사랑노인복지센터", "대표"),
    ("다살림협동조합 이사장", "다살림협동조합", "이사장"),
    ("행원 대표", "행원", "대표"),
    ("광명YMCA 사무총장", "광명YMCA", "사무총장"),
    ("푸른광명21 사무처장", "푸른광명21", "사무처장"),
    ("등대생협 이사", "등대생협", "이사"),
    ("광명시민신문 대표", "광명시민신문", "대표"),
    ("광명시지역사회복지협의체 팀장", "광명시지역사회복지협의체", "팀장"),
    ("등대생협 이사장", "등대생협", "이사장"),
    ("광명시평생학습원 평생교육팀장", "광명시평생학습원", "평생교육팀장"),
]


@pytest.mark.parametrize(("text", "organization", "role"), [*CODING_SPLITS,
    ("광명시장", "광명시", "시장"),
    ("광명시 운영위원장", "광명시", "운영위원장"),
    ("광명시평생학습원장", "광명시평생학습원", "원장"),
    ("광명종합사회복지관장", "광명종합사회복지관", "관장"),
    ("광명시 사회적경제과", "광명시 사회적경제과", ""),
    ("위원장", "", "위원장"),
    ("위원장 광명시의회", "광명시의회", "위원장"),
    ("광명시 / 주무관", "광명시", "주무관"),
    ("  다온협동조합   이사님 ", "다온협동조합", "이사"),
    ("", "", ""),
])
def test_split_org_role(text: str, organization: str, role: str) -> None:
    assert split_org_role(text) == (organization, role)

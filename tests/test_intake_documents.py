"""Reading minutes files: each format into located blocks, and every unreadable file refused
with a clear Korean and English message (IntakeError), never another exception."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from test_intake_files import MINUTES, docx_bytes, hwpx_bytes, xlsx_bytes

from se_dashboard.intake import documents
from se_dashboard.intake.documents import (
    Block,
    Columns,
    IntakeError,
    Place,
    match_header,
    read_document,
)

TEXT = "\n".join(MINUTES)


def texts(blocks: tuple[Block, ...]) -> list[str]:
    return [b.text for b in blocks]


@pytest.mark.parametrize(("data", "label"), [
    (TEXT.encode("utf-8"), "UTF-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "UTF-8 with BOM"),
    (TEXT.replace("◯", "○").encode("cp949"), "CP949"),
    (TEXT.encode("utf-16"), "UTF-16 with BOM"),
])
def test_text_in_every_encoding(tmp_path: Path, data: bytes, label: str) -> None:
    path = tmp_path / "회의록.txt"
    path.write_bytes(data)
    document = read_document(path)
    assert document.kind == "text" and document.filename == "회의록.txt"
    expected = list(MINUTES) if label != "CP949" else [m.replace("◯", "○") for m in MINUTES]
    assert texts(document.blocks) == expected, label
    assert [b.place for b in document.blocks] == [Place("line", n) for n in range(1, 16)]


def test_text_keeps_line_numbers_across_blank_lines_and_reads_bytes() -> None:
    document = read_document("제목\n\n\n○ 홍길동: 안녕하세요.\r\n".encode(), "a.md")
    assert [(b.place.number, b.text) for b in document.blocks] == [
        (1, "제목"), (4, "○ 홍길동: 안녕하세요.")]


def test_markdown_bold_markers_are_dropped() -> None:
    document = read_document("**홍길동**(광명시 과장): 발언".encode(), "a.md")
    assert texts(document.blocks) == ["홍길동(광명시 과장): 발언"]


def test_docx_paragraphs_and_table_rows_in_order() -> None:
    data = docx_bytes(["회의록", "○ 홍길동(광명시 과장)"],
                      [[["발언자", "발언 내용"], ["김철수", "표 안의 발언"]]], ["- 끝 -"])
    document = read_document(data, "minutes.docx")
    assert document.kind == "docx"
    assert [(b.place, b.text, b.cells) for b in document.blocks] == [
        (Place("paragraph", 1), "회의록", ()),
        (Place("paragraph", 2), "○ 홍길동(광명시 과장)", ()),
        (Place("row", 1, 1), "발언자\t발언 내용", ("발언자", "발언 내용")),
        (Place("row", 2, 1), "김철수\t표 안의 발언", ("김철수", "표 안의 발언")),
        (Place("paragraph", 3), "- 끝 -", ()),
    ]


def test_docx_merged_speaker_cell_is_read_once() -> None:
    from docx import Document

    document = Document()
    table = document.add_table(rows=3, cols=2)
    for r, row in enumerate([["발언자", "발언 내용"], ["홍길동", "하나."], ["", "둘."]]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0))
    buffer = io.BytesIO()
    document.save(buffer)
    rows = read_document(buffer.getvalue(), "m.docx").blocks
    assert [b.cells for b in rows] == [("발언자", "발언 내용"), ("홍길동", "하나."), ("", "둘.")]


def test_hwpx_paragraphs_and_table_rows() -> None:
    data = hwpx_bytes(["회의록", "○ 홍길동(광명시 과장) 발언"],
                      [["발언자", "내용"], ["김철수", "둘"]], ["- 끝 -"])
    document = read_document(data, "minutes.hwpx")
    assert document.kind == "hwpx"
    assert texts(document.blocks) == ["회의록", "○ 홍길동(광명시 과장) 발언", "발언자\t내용",
                                      "김철수\t둘", "- 끝 -"]
    assert document.blocks[2].cells == ("발언자", "내용")
    assert all(b.place.unit == "paragraph" for b in document.blocks)


def test_xlsx_picks_the_sheet_with_a_speaker_table() -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["메모"])
    sheet = workbook.create_sheet("발언")
    sheet.append(["회의 발언 기록"])
    sheet.append(["발언자", "소속", "직위", "발언 내용"])
    sheet.append(["홍길동", "광명시", "과장", "발언입니다."])
    sheet.append([None, None, None, 3.0])
    buffer = io.BytesIO()
    workbook.save(buffer)
    document = read_document(buffer.getvalue(), "기록.xlsx")
    assert document.kind == "table" and document.sheet == "발언"
    assert [(b.place.number, b.cells) for b in document.blocks] == [
        (1, ("회의 발언 기록", "", "", "")), (2, ("발언자", "소속", "직위", "발언 내용")),
        (3, ("홍길동", "광명시", "과장", "발언입니다.")), (4, ("", "", "", "3"))]


def test_csv_in_cp949_with_korean_headers() -> None:
    data = "성명,기관,직책,의견\n홍길동,광명시,과장,\"좋습니다, 정말로.\"\n".encode("cp949")
    document = read_document(data, "의견.csv")
    assert [b.cells for b in document.blocks] == [
        ("성명", "기관", "직책", "의견"), ("홍길동", "광명시", "과장", "좋습니다, 정말로.")]


def test_match_header_recognises_usual_names_and_given_ones() -> None:
    assert match_header(("번호", "발언자", "소속", "직위", "발언 내용"), Columns()) == {
        "speaker": 1, "organization": 2, "role": 3, "text": 4}
    assert match_header(("Speaker", "Organization", "Role", "Remark"), Columns()) == {
        "speaker": 0, "organization": 1, "role": 2, "text": 3}
    assert match_header(("이름", "의견"), Columns()) == {"speaker": 0, "text": 1}
    assert match_header(("발언자", "소속"), Columns()) is None
    assert match_header(("누가", "무엇을"), Columns()) is None
    assert match_header(("누가", "무엇을"), Columns(speaker="누가", text="무엇을")) == {
        "speaker": 0, "text": 1}


def test_table_without_recognised_header_names_what_it_found() -> None:
    data = xlsx_bytes([["누가", "무엇을"], ["홍길동", "발언"]])
    with pytest.raises(IntakeError) as info:
        read_document(data, "t.xlsx")
    assert "'누가', '무엇을'" in info.value.ko and "'누가', '무엇을'" in info.value.en
    assert "발언자" in info.value.ko and "speaker" in info.value.en
    document = read_document(data, "t.xlsx", Columns(speaker="누가", text="무엇을"))
    assert document.columns == Columns(speaker="누가", text="무엇을")
    with pytest.raises(IntakeError) as info:
        read_document(data, "t.xlsx", Columns(speaker="화자", text="무엇을"))
    assert "speaker='화자'" in info.value.en


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


BROKEN = {
    "random bytes": bytes(range(256)) * 4,
    "a zip that is not one": b"PK\x03\x04" + b"\x00garbage" * 50,
    "a zip of something else": _zip({"hello.txt": b"hello"}),
    "truncated": None,  # filled per format below
}


@pytest.mark.parametrize("suffix", [".docx", ".hwpx", ".xlsx"])
@pytest.mark.parametrize("case", list(BROKEN))
def test_broken_office_files_give_a_clear_message(suffix: str, case: str) -> None:
    good = {".docx": docx_bytes(["가"]), ".hwpx": hwpx_bytes(["가"]),
            ".xlsx": xlsx_bytes([["발언자", "내용"], ["홍길동", "가"]])}[suffix]
    data = good[: len(good) // 2] if case == "truncated" else BROKEN[case]
    label = suffix[1:].upper()
    with pytest.raises(IntakeError) as info:
        read_document(data, f"broken{suffix}")
    error = info.value
    assert error.ko.startswith(f"broken{suffix}: ") and error.en.startswith(f"broken{suffix}: ")
    assert label in error.ko and label in error.en
    assert "다시 저장" in error.ko and "save it again" in error.en


def test_zip_bomb_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_UNZIPPED_BYTES", 1000)
    data = _zip({"word/document.xml": b"\x00" * 5000})
    with pytest.raises(IntakeError) as info:
        read_document(data, "bomb.docx")
    assert "압축을 푼 크기가 너무 큽니다(5,000바이트" in info.value.ko
    assert "unpacks too large (5,000 bytes" in info.value.en


@pytest.mark.parametrize("suffix", [".hwp", ".HWP"])
def test_legacy_hwp_is_refused_with_how_to_save_as_hwpx(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"회의록{suffix}"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(IntakeError) as info:
        read_document(path)
    assert "다른 이름으로 저장" in info.value.ko and "HWPX" in info.value.ko
    assert "Save As" in info.value.en and "HWPX" in info.value.en


@pytest.mark.parametrize(("name", "legacy"), [("a.hwpx", ".hwp"), ("a.docx", ".doc"),
                                              ("a.xlsx", ".xls")])
def test_old_binary_file_renamed_to_the_new_extension(name: str, legacy: str) -> None:
    with pytest.raises(IntakeError) as info:
        read_document(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x01" * 600, name)
    assert f"({legacy})" in info.value.en


@pytest.mark.parametrize(("name", "shown"), [("a.pdf", "'.pdf'"), ("noext", "no extension")])
def test_unknown_extension(name: str, shown: str) -> None:
    with pytest.raises(IntakeError) as info:
        read_document(b"hello", name)
    assert shown in info.value.en and ".hwpx" in info.value.en and ".hwpx" in info.value.ko


@pytest.mark.parametrize("data", [b"", b"  \n\r\n\t "])
@pytest.mark.parametrize("name", ["a.txt", "a.docx", "a.csv"])
def test_empty_file(name: str, data: bytes) -> None:
    with pytest.raises(IntakeError) as info:
        read_document(data, name)
    assert info.value.ko == f"{name}: 파일이 비어 있습니다(읽을 글이 없음)."


def test_document_without_text_is_empty() -> None:
    with pytest.raises(IntakeError) as info:
        read_document(docx_bytes([" ", ""]), "blank.docx")
    assert "비어 있습니다" in info.value.ko


def test_binary_text_file_is_refused() -> None:
    with pytest.raises(IntakeError) as info:
        read_document(b"\x00\x01\x02abc" * 10, "a.txt")
    assert "UTF-8" in info.value.en and "CP949" in info.value.ko


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(documents, "MAX_FILE_BYTES", 100)
    with pytest.raises(IntakeError) as info:
        read_document(b"a" * 101, "big.txt")
    assert info.value.en == "big.txt: the file is too large (101 bytes, at most 100)."
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 101)
    with pytest.raises(IntakeError) as info:
        read_document(path)
    assert "101" in info.value.ko
    assert read_document(b"a" * 100, "ok.txt").blocks[0].text == "a" * 100


def test_missing_file_folder_and_bytes_without_a_name(tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="does not exist"):
        read_document(tmp_path / "none.txt")
    (tmp_path / "dir.txt").mkdir()
    with pytest.raises(IntakeError, match="not a regular file"):
        read_document(tmp_path / "dir.txt")
    with pytest.raises(IntakeError, match="no file name"):
        read_document(b"abc")


def test_unbalanced_csv_quote() -> None:
    with pytest.raises(IntakeError) as info:
        read_document('발언자,내용\n홍길동,"닫히지 않음\n'.encode(), "a.csv")
    assert "따옴표" in info.value.ko and "unbalanced quotes" in info.value.en

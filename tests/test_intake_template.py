"""The fill-in XLSX template: Korean headers the table reader recognises, one example row that
is explained and left out on import."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from se_dashboard.intake.documents import Columns, IntakeError, match_header, read_document
from se_dashboard.intake.template import (
    GUIDE_SHEET,
    TEMPLATE_EXAMPLE,
    TEMPLATE_SHEET,
    template_xlsx,
)
from se_dashboard.intake.turns import find_turns


def test_template_reads_back_with_openpyxl() -> None:
    workbook = load_workbook(io.BytesIO(template_xlsx()))
    assert workbook.sheetnames == [TEMPLATE_SHEET, GUIDE_SHEET]
    sheet = workbook[TEMPLATE_SHEET]
    rows = [tuple(c.value for c in row) for row in sheet.iter_rows()]
    assert rows == [("발언자", "소속", "직위", "발언 내용"), TEMPLATE_EXAMPLE]
    assert "예시 행" in sheet["A2"].comment.text
    guide = [row[0] for row in workbook[GUIDE_SHEET].iter_rows(values_only=True)]
    assert any("2행은 예시" in line for line in guide if line)
    assert any("Row 2" in line for line in guide if line)


def test_template_through_the_table_reader() -> None:
    document = read_document(template_xlsx(), "양식.xlsx")
    assert document.kind == "table" and document.sheet == TEMPLATE_SHEET
    assert match_header(document.blocks[0].cells, Columns()) == {
        "speaker": 0, "organization": 1, "role": 2, "text": 3}
    # only the example row: nothing to import
    with pytest.raises(IntakeError, match="no speaker found"):
        find_turns(document)


def test_filled_template_imports_its_rows() -> None:
    workbook = load_workbook(io.BytesIO(template_xlsx()))
    sheet = workbook[TEMPLATE_SHEET]
    sheet.append(["김철수", "다온협동조합", "이사장", "지원센터가 필요합니다. 판로도 필요합니다."])
    sheet.append([None, None, None, "이어서 말합니다."])
    buffer = io.BytesIO()
    workbook.save(buffer)
    found = find_turns(read_document(buffer.getvalue(), "양식.xlsx"))
    assert [(t.speaker, t.organization, t.role, t.text) for t in found.turns] == [
        ("김철수", "다온협동조합", "이사장",
         "지원센터가 필요합니다. 판로도 필요합니다.\n이어서 말합니다.")]
    assert [n.reason for n in found.skipped] == ["table_header", "example"]

"""Builders of small minutes files for the intake tests (no tests here): DOCX with python-docx,
HWPX with python-hwpx, XLSX with openpyxl, all in memory."""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document
from hwpx import HwpxDocument
from openpyxl import Workbook

# Minutes in the usual office shape: title, meeting information, agenda, turns in several
# conventions (a speaker speaking twice, continuation paragraphs), a photo caption, closing.
MINUTES = (
    "광명시 사회적경제 기본계획 최종보고회 회의록",
    "□ 일 시 : 2025. 5. 1.(목) 14:00",
    "□ 장 소 : 광명시청 중회의실",
    "□ 참석자 : 홍길동(광명시 사회적경제과장), 김철수(다온협동조합 이사장) 등 12명",
    "1. 개회",
    "2. 최종보고 및 토론",
    "○ 홍길동(광명시 사회적경제과장)",
    "지원센터 인력을 늘리겠습니다.",
    "예산도 함께 검토하겠습니다.",
    "◯ 김철수 이사장(다온협동조합) : 협동조합 간 연대가 중요합니다. 공동 판로가 필요합니다.",
    "이영희 위원: 마을 단위 간담회를 열어 주십시오.",
    "○ 홍길동(광명시 사회적경제과장) 다시 말씀드리면, 내년 계획에 반영하겠습니다.",
    "이영희 박민수",
    "3. 폐회",
    "- 끝 -",
)
# (speaker, organization, role, text) of each turn of MINUTES
MINUTES_TURNS = (
    ("홍길동", "광명시", "사회적경제과장",
     "지원센터 인력을 늘리겠습니다. 예산도 함께 검토하겠습니다."),
    ("김철수", "다온협동조합", "이사장", "협동조합 간 연대가 중요합니다. 공동 판로가 필요합니다."),
    ("이영희", "", "위원", "마을 단위 간담회를 열어 주십시오."),
    ("홍길동", "광명시", "사회적경제과장", "다시 말씀드리면, 내년 계획에 반영하겠습니다."),
)
# (line number, reason) of what MINUTES skips
MINUTES_SKIPPED = ((1, "title"), (2, "meta"), (3, "meta"), (4, "meta"), (5, "procedure"),
                   (6, "agenda"), (13, "caption"), (14, "procedure"), (15, "procedure"))


def docx_bytes(paragraphs: Sequence[str] = (), tables: Sequence[Sequence[Sequence[str]]] = (),
               after: Sequence[str] = ()) -> bytes:
    """Return a DOCX: paragraphs, then tables (rows of cells), then more paragraphs."""
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    for rows in tables:
        table = document.add_table(rows=len(rows), cols=max(map(len, rows)))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value
    for text in after:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def hwpx_bytes(paragraphs: Sequence[str] = (),
               table: Sequence[Sequence[str]] = (), after: Sequence[str] = ()) -> bytes:
    """Return an HWPX: paragraphs, then one table (rows of cells), then more paragraphs."""
    document = HwpxDocument.new()
    for text in paragraphs:
        document.add_paragraph(text)
    if table:
        grid = document.add_table(len(table), max(map(len, table)))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.set_cell_text(r, c, value)
    for text in after:
        document.add_paragraph(text)
    return document.to_bytes()


def xlsx_bytes(rows: Sequence[Sequence[object]], title: str = "Sheet") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

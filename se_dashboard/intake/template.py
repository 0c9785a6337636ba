"""The fill-in XLSX template for a meeting's remarks: one sheet with the Korean headers the table
reader recognises (발언자, 소속, 직위, 발언 내용) and one example row, and a second sheet that
explains how to fill it in. The example row is left out on import if it is still there."""

from __future__ import annotations

import io

TEMPLATE_HEADERS = ("발언자", "소속", "직위", "발언 내용")
TEMPLATE_EXAMPLE = ("홍길동", "○○사회적협동조합", "이사장",
                    "지원센터의 인력을 늘려 주었으면 합니다. 한 칸에 여러 문장을 적어도 됩니다.")
TEMPLATE_SHEET = "발언"
GUIDE_SHEET = "작성 방법"
GUIDE_LINES = (
    "회의 발언 입력 양식 / Meeting remarks template",
    "",
    "1. '발언' 시트의 2행은 예시입니다. 지우고 3행부터(또는 2행부터) 적어 주세요. "
    "지우지 않아도 가져올 때 빠집니다.",
    "   Row 2 of the '발언' sheet is an example: delete it (it is left out on import anyway).",
    "2. 한 행에 발언 한 번을 적습니다. 같은 사람이 다시 말하면 새 행에 적습니다.",
    "   One row per turn; a speaker who speaks again gets a new row.",
    "3. 발언자: 이름만 적습니다(예: 홍길동). 소속: 기관 이름(예: 광명시 사회적경제과). "
    "직위: 직함(예: 팀장, 이사장). 소속과 직위는 비워 둘 수 있습니다.",
    "   발언자 = name only; 소속 = organization; 직위 = role (both may be left blank).",
    "4. 발언 내용: 말한 내용을 그대로 적습니다. 가져올 때 문장마다 나뉘어 발췌가 됩니다.",
    "   발언 내용 = what was said, as said; it is split into excerpts by sentence on import.",
    "5. 발언이 길어 여러 행에 나누어 적을 때는 이어지는 행의 발언자 칸을 비워 두면 앞 행의 "
    "발언에 이어 붙습니다.",
    "   A row with a blank 발언자 continues the turn above it.",
    "6. 머리글(1행)의 열 이름은 바꾸지 말아 주세요. 기관 유형은 가져오기 화면에서 고릅니다.",
    "   Keep the header row as it is; organization types are chosen on the import page.",
)


def template_xlsx() -> bytes:
    """Return the template workbook's bytes."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = TEMPLATE_SHEET
    sheet.append(TEMPLATE_HEADERS)
    sheet.append(TEMPLATE_EXAMPLE)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet["A2"].comment = Comment("예시 행입니다. 지우고 적어 주세요(지우지 않아도 가져올 때 "
                                  "빠집니다). / An example row: delete it.", "se_dashboard")
    for letter, width in zip("ABCD", (14, 28, 16, 90), strict=True):
        sheet.column_dimensions[letter].width = width
        # text cells, so that Excel keeps '-', '=' or a number-like name as typed
        sheet.column_dimensions[letter].number_format = "@"
    for cell in sheet[2]:
        cell.number_format = "@"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    guide = workbook.create_sheet(GUIDE_SHEET)
    for line in GUIDE_LINES:
        guide.append([line])
    guide["A1"].font = Font(bold=True)
    guide.column_dimensions["A"].width = 110
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()

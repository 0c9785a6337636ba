"""The disposition table (의견 반영 결과표): each stakeholder opinion, what was done about it and
whether it was reflected, as a table and as Excel (.xlsx) or CSV bytes.

The recommendations may carry the app's state columns `plan_section`, `responsible_unit` and
`response_note`; a missing column or value reads as blank."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .checklist import recommendation_rows
from .export import neutralize, to_excel_csv
from .loader import Dataset
from .palette import STATUS_COLOURS, text_colour_on
from .vocab import Lang, org_type_labels, rec_titles, status_labels

COLUMNS_KO = ("연번", "기관 유형", "기관 및 참석자", "의견", "조치 내용", "반영 여부", "반영 위치",
              "비고")
COLUMNS_EN = ("No.", "Organization type", "Organization and participant", "Opinion",
              "Action taken", "Status", "Where reflected", "Notes")
RESPONSIBLE = {"ko": "담당: ", "en": "Responsible: "}

# Column widths (Excel character units), by position in COLUMNS_KO / COLUMNS_EN.
WIDTHS = (6, 16, 24, 70, 40, 12, 20, 20)
DEFAULT_WIDTH = 18
# The palette's status colours: status -> (fill, font colour), as openpyxl wants them.
STATUS_STYLE = {status: (colour.lstrip("#"), text_colour_on(colour).lstrip("#"))
                for status, colour in STATUS_COLOURS.items()}
STATUS_STYLE.update({status_labels("en")[s]: style for s, style in list(STATUS_STYLE.items())})
HEADER_FILL = "D9E1F2"
FONT_NAME = "맑은 고딕"
EXCEL_MAX_CELL = 32_767
SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")


def _text(value: object) -> str:
    """Return a cell of an optional column as stripped text ("" for missing or NaN)."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return ""
    return str(value).strip()


def disposition_table(dataset: Dataset, remarks: pd.DataFrame, lang: Lang = "ko",
                      names: Mapping[str, str] | None = None,
                      hide_organizations: bool = False) -> pd.DataFrame:
    """Return the disposition table: one row per recommendation backed by `remarks`, in data
    order, with the columns COLUMNS_KO (or COLUMNS_EN for lang "en").

    `names` maps speaker -> displayed name (speakers not in it keep their own name);
    `hide_organizations` leaves the organizations out of the participant column.
    """
    names = names or {}
    rows = recommendation_rows(dataset, remarks)
    orgs = org_type_labels(dataset, lang)
    titles = rec_titles(dataset, lang)
    statuses = status_labels(lang)
    org_of = dict(zip(dataset.participants["speaker"], dataset.participants["organization"],
                      strict=True))
    by_id = remarks.set_index("remark_id")
    has_en = "excerpt_en" in by_id.columns

    def shown(speaker: str) -> str:
        return names.get(speaker, speaker)

    def excerpt(remark_id: str) -> str:
        if lang == "en" and has_en and _text(by_id.at[remark_id, "excerpt_en"]):
            return _text(by_id.at[remark_id, "excerpt_en"])
        return _text(by_id.at[remark_id, "excerpt"])

    records = []
    for number, rec in enumerate(rows.to_dict("records"), start=1):
        people = [shown(s) if hide_organizations else f"{_text(org_of.get(s))} {shown(s)}".strip()
                  for s in rec["speakers"]]
        opinion = [titles.get(rec["rec_id"], "")]
        opinion += [f"- {shown(str(by_id.at[r, 'speaker']))}: {excerpt(r)}"
                    for r in rec["remark_ids"]]
        status = _text(rec.get("status"))
        unit = _text(rec.get("responsible_unit"))
        records.append((
            number,
            ", ".join(orgs.get(str(t), str(t)) for t in rec["org_types"]),
            "\n".join(people),
            "\n".join(opinion),
            _text(rec.get("response_note")),
            statuses.get(status, status),
            _text(rec.get("plan_section")),
            f"{RESPONSIBLE[lang]}{unit}" if unit else "",
        ))
    table = pd.DataFrame.from_records(records, columns=list(COLUMNS_EN if lang == "en"
                                                             else COLUMNS_KO))
    return table.astype({table.columns[0]: "int64"})


def _cell_text(value: str) -> str:
    """Return text that Excel stores as it is: neutralized, without characters XML cannot
    hold, and cut to Excel's cell limit."""
    text = ILLEGAL_CHARACTERS_RE.sub("", str(neutralize(value)))
    if len(text) > EXCEL_MAX_CELL:
        text = text[:EXCEL_MAX_CELL - 1] + "…"
    return text


def _sheet_title(name: str) -> str:
    """Return a sheet name Excel accepts (no []:*?/\\, at most 31 characters)."""
    cleaned = SHEET_NAME_BAD.sub("_", name).strip("'").strip()[:31]
    return cleaned or "Sheet1"


def _put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value and return its cell: numbers as numbers, anything else as inert text
    (never a formula); missing values as empty text."""
    cell = ws.cell(row=row, column=column)
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
    if isinstance(value, int | float) and not isinstance(value, bool) and not pd.isna(value):
        cell.value = value
    else:
        missing = value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
        cell.value = _cell_text("" if missing else str(value))
        cell.data_type = "s"
    return cell


def to_xlsx(table: pd.DataFrame, title: str, sheet_name: str = "의견 반영 결과") -> bytes:
    """Return the table as .xlsx bytes: a merged title row, a frozen bold header row repeated
    on every printed page, wrapped top-aligned cells with thin borders, status colours and
    landscape A4 printing fitted to the page width."""
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(sheet_name)
    n_cols = max(len(table.columns), 1)
    columns = [str(c) for c in table.columns]
    known = tuple(columns) in (COLUMNS_KO, COLUMNS_EN)
    status_col = next((i for i, c in enumerate(columns, start=1)
                       if c in (COLUMNS_KO[5], COLUMNS_EN[5])), None)
    centred = {1, status_col} if known else set()

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    wrap_centre = Alignment(wrap_text=True, vertical="top", horizontal="center")

    title_cell = _put(ws, 1, 1, title)
    title_cell.font = Font(name=FONT_NAME, bold=True, size=14)
    title_cell.alignment = Alignment(wrap_text=True, vertical="center")
    if n_cols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_cols)
    ws.row_dimensions[1].height = 30

    for j, name in enumerate(columns, start=1):
        cell = _put(ws, 2, j, name)
        cell.font = Font(name=FONT_NAME, bold=True)
        cell.fill = PatternFill("solid", fgColor=HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
        cell.border = border

    body = Font(name=FONT_NAME)
    for i, values in enumerate(table.itertuples(index=False), start=3):
        for j, value in enumerate(values, start=1):
            cell = _put(ws, i, j, value)
            cell.font = body
            cell.alignment = wrap_centre if j in centred else wrap_top
            cell.border = border
            style = STATUS_STYLE.get(str(value)) if j == status_col else None
            if style:
                cell.fill = PatternFill("solid", fgColor=style[0])
                cell.font = Font(name=FONT_NAME, color=style[1], bold=True)

    for j in range(1, n_cols + 1):
        width = WIDTHS[j - 1] if known else DEFAULT_WIDTH
        ws.column_dimensions[get_column_letter(j)].width = width

    ws.freeze_panes = "A3"
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def to_csv(table: pd.DataFrame) -> bytes:
    """Return the table as CSV bytes for Excel (UTF-8 with BOM, formula-like cells neutralized)."""
    return to_excel_csv(table)

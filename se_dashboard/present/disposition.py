"""The disposition table (의견 반영 결과표): each stakeholder opinion, what was done about it and
whether it was reflected, as a table (one row per recommendation, or one per remark) and as
Excel (.xlsx) or CSV bytes.

The recommendations may carry the app's state columns `plan_section`, `responsible_unit`,
`response_note` and `reason`; a missing column or value reads as blank. The reason (처리 사유)
has a column of its own next to the status, since each opinion's 반영 여부 is published with
its reason.

XLSX cells are typed: every text cell is stored as text (never a formula) exactly as typed, and
a formula-like one also gets Excel's quotePrefix style so that it stays text when edited; only
CSV, which has no types, marks such cells with an apostrophe (export.neutralize)."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from se_dashboard.checklist.progress import recommendation_rows, with_state
from se_dashboard.data.loader import Dataset
from se_dashboard.present.export import sheet_text, to_excel_csv
from se_dashboard.present.labels import t
from se_dashboard.present.palette import STATUS_COLOURS, text_colour_on
from se_dashboard.present.vocab import Lang, org_type_labels, rec_details, rec_titles, status_labels

COLUMNS_KO = ("연번", "기관 유형", "기관 및 참석자", "의견", "조치 내용", "반영 여부", "처리 사유",
              "반영 위치", "비고")
COLUMNS_EN = ("No.", "Organization type", "Organization and participant", "Opinion",
              "Action taken", "Status", "Reason", "Where reflected", "Notes")
# One row per remark: the same columns where they apply, with the remark's id, its speaker (in
# the participant column) and its excerpt, and the recommendation it backs.
REMARK_COLUMNS_KO = ("연번", "발언 ID", "기관 유형", "기관 및 참석자", "발췌", "권고", "조치 내용",
                     "반영 여부", "처리 사유", "반영 위치", "비고")
REMARK_COLUMNS_EN = ("No.", "Remark ID", "Organization type", "Organization and participant",
                     "Excerpt", "Recommendation", "Action taken", "Status", "Reason",
                     "Where reflected", "Notes")
RESPONSIBLE = {"ko": "담당: ", "en": "Responsible: "}
NO_RECOMMENDATION = {"ko": "연결된 권고 없음", "en": "No recommendation linked"}

# Column widths (Excel character units) of the known columns, by name in either language.
WIDTHS = dict(zip(COLUMNS_KO, (6, 16, 24, 64, 36, 12, 30, 18, 18), strict=True))
WIDTHS.update({"발언 ID": 9, "발췌": 56, "권고": 28})  # the by-remark table's own columns
WIDTHS.update({en: WIDTHS[ko] for ko, en in (*zip(COLUMNS_KO, COLUMNS_EN, strict=True),
                                             *zip(REMARK_COLUMNS_KO, REMARK_COLUMNS_EN,
                                                  strict=True))})
DEFAULT_WIDTH = 18
STATUS_HEADS = (COLUMNS_KO[5], COLUMNS_EN[5])
CENTRED_HEADS = {COLUMNS_KO[0], COLUMNS_EN[0], *STATUS_HEADS, REMARK_COLUMNS_KO[1],
                 REMARK_COLUMNS_EN[1]}
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
    order, with the columns COLUMNS_KO (or COLUMNS_EN for lang "en"). The opinion cell holds the
    recommendation's title, its description in `lang` and, one a line, each backing excerpt.

    `names` maps speaker -> displayed name (speakers not in it keep their own name);
    `hide_organizations` leaves the organizations out of the participant column.
    """
    names = names or {}
    rows = recommendation_rows(dataset, remarks)
    orgs = org_type_labels(dataset, lang)
    titles = rec_titles(dataset, lang)
    details = rec_details(dataset, lang)
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
        opinion = [titles.get(rec["rec_id"], ""), *filter(None, [details.get(rec["rec_id"])])]
        opinion += [f"- {shown(str(by_id.at[r, 'speaker']))}: {excerpt(r)}"
                    for r in rec["remark_ids"]]
        action, status, reason, section, notes = _outcome(rec, lang, statuses)
        records.append((
            number,
            ", ".join(orgs.get(str(o), str(o)) for o in rec["org_types"]),
            "\n".join(people),
            "\n".join(opinion),
            action, status, reason, section, notes,
        ))
    table = pd.DataFrame.from_records(records, columns=list(COLUMNS_EN if lang == "en"
                                                             else COLUMNS_KO))
    return table.astype({table.columns[0]: "int64"})


def _outcome(rec: Mapping[str, object], lang: Lang,
             statuses: Mapping[str, str]) -> tuple[str, str, str, str, str]:
    """Return a recommendation's action taken, status label, reason, plan section and notes."""
    status = _text(rec.get("status"))
    unit = _text(rec.get("responsible_unit"))
    return (_text(rec.get("response_note")), statuses.get(status, status),
            _text(rec.get("reason")), _text(rec.get("plan_section")),
            f"{RESPONSIBLE[lang]}{unit}" if unit else "")


def remark_table(dataset: Dataset, remarks: pd.DataFrame, lang: Lang = "ko",
                 names: Mapping[str, str] | None = None,
                 hide_organizations: bool = False) -> pd.DataFrame:
    """Return the disposition table by remark: one row per remark in `remarks` (in their order)
    and recommendation it backs, so that a remark behind two recommendations has two rows and
    a remark behind none has one, marked NO_RECOMMENDATION, with the outcome columns blank.
    Columns REMARK_COLUMNS_KO (or REMARK_COLUMNS_EN): the remark's id, its speaker's
    organization type and name (with the organization unless `hide_organizations`), the
    excerpt (in English for lang "en" when there is one), the recommendation's id and title,
    and what became of it as in `disposition_table`. `names` maps speaker -> displayed name."""
    names = names or {}
    orgs = org_type_labels(dataset, lang)
    titles = rec_titles(dataset, lang)
    statuses = status_labels(lang)
    recs = dataset.recommendations.set_index("rec_id", drop=False)
    has_en = lang == "en" and "excerpt_en" in remarks.columns
    records = []
    for remark in remarks.to_dict("records"):
        speaker = str(remark["speaker"])
        shown = names.get(speaker, speaker)
        person = shown if hide_organizations else (
            f"{_text(remark.get('organization'))} {shown}".strip())
        excerpt = (_text(remark.get("excerpt_en")) if has_en else "") or _text(remark["excerpt"])
        head = (str(remark["remark_id"]), orgs.get(str(remark["org_type"]),
                                                   str(remark["org_type"])), person, excerpt)
        linked = [r for r in remark["recommendation_ids"] if r in recs.index]
        if not linked:
            records.append((*head, NO_RECOMMENDATION[lang], "", "", "", "", ""))
        for rec_id in linked:
            rec = recs.loc[rec_id].to_dict()
            title = f"{rec_id} {titles.get(rec_id, '')}".strip()
            records.append((*head, title, *_outcome(rec, lang, statuses)))
    columns = list(REMARK_COLUMNS_EN if lang == "en" else REMARK_COLUMNS_KO)
    table = pd.DataFrame.from_records(records, columns=columns[1:])
    table.insert(0, columns[0], pd.Series(range(1, len(table) + 1), dtype="int64"))
    return table


def with_snapshot(dataset: Dataset, snapshot: pd.DataFrame) -> Dataset:
    """Return the dataset with the checklist as recorded in a snapshot (rec_id and the editable
    fields, as `store.Store.snapshot` returns them); recommendations the snapshot does not
    know keep their data status and blank fields."""
    state = snapshot.assign(version=0)
    return with_state(dataset, state)


@dataclass(frozen=True)
class ExportSource:
    """What an export shows: the current checklist (`snapshot` None) or a named snapshot,
    and the moment it stands for, as shown (local time with the zone's name)."""

    as_of: str
    snapshot: str | None = None


def export_title(lang: Lang, meeting: str, source: ExportSource, by_remark: bool = False) -> str:
    """Return the XLSX title: the table's name (by remark, if so), the meeting, the state
    shown (current, or the snapshot's name) and the as-of time."""
    name = t("disposition_title", lang)
    if by_remark:
        name = f"{name} ({t('export_per_remark', lang)})"
    state = (t("export_snapshot", lang, name=source.snapshot) if source.snapshot
             else t("export_current", lang))
    return " · ".join(filter(None, (name, meeting, state,
                                    t("export_as_of", lang, when=source.as_of))))


def _cell_text(value: str) -> tuple[str, bool]:
    """Return text that Excel stores as it is typed (no apostrophe; bidi and zero-width
    characters and characters XML cannot hold taken out, cut to Excel's cell limit) and
    whether it is formula-like."""
    text, risky = sheet_text(ILLEGAL_CHARACTERS_RE.sub("", str(value)))
    if len(text) > EXCEL_MAX_CELL:
        text = text[:EXCEL_MAX_CELL - 1] + "…"
    return text, risky


def _sheet_title(name: str) -> str:
    """Return a sheet name Excel accepts (no []:*?/\\, at most 31 characters)."""
    cleaned = SHEET_NAME_BAD.sub("_", name).strip("'").strip()[:31]
    return cleaned or "Sheet1"


def _put(ws: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write one value and return its cell: numbers as numbers, anything else as text (type
    "s", never a formula), a formula-like text with Excel's quotePrefix, so that editing the
    cell keeps it text; missing values as empty text."""
    cell = ws.cell(row=row, column=column)
    if hasattr(value, "item"):  # a numpy scalar
        value = value.item()
    if isinstance(value, int | float) and not isinstance(value, bool) and not pd.isna(value):
        cell.value = value
    else:
        missing = value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value))
        text, risky = _cell_text("" if missing else str(value))
        cell.value = text
        cell.data_type = "s"  # after the value: openpyxl types text starting with "=" a formula
        if risky:
            cell.quotePrefix = True
    return cell


def to_xlsx(table: pd.DataFrame, title: str, sheet_name: str = "의견 반영 결과") -> bytes:
    """Return the table as .xlsx bytes: a merged title row, a frozen bold header row repeated
    on every printed page, wrapped top-aligned cells with thin borders, status colours and
    landscape A4 printing fitted to the page width. Text cells hold their text as typed
    (module docstring)."""
    wb = Workbook()
    ws = wb.active
    ws.title = _sheet_title(sheet_name)
    n_cols = max(len(table.columns), 1)
    columns = [str(c) for c in table.columns]
    known = tuple(columns) in (COLUMNS_KO, COLUMNS_EN, REMARK_COLUMNS_KO, REMARK_COLUMNS_EN)
    status_col = next((i for i, c in enumerate(columns, start=1) if c in STATUS_HEADS), None)
    centred = {i for i, c in enumerate(columns, start=1) if c in CENTRED_HEADS} if known else set()

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap_top = Alignment(wrap_text=True, vertical="top")
    wrap_centre = Alignment(wrap_text=True, vertical="top", horizontal="center")

    title_cell = _put(ws, 1, 1, title)
    title_cell.font = Font(name=FONT_NAME, bold=True, size=14)
    title_cell.alignment = Alignment(wrap_text=True, vertical="center")
    if n_cols > 1:
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n_cols)
    ws.row_dimensions[1].height = 40

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

    for j, name in enumerate(columns, start=1):
        width = WIDTHS.get(name, DEFAULT_WIDTH) if known else DEFAULT_WIDTH
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

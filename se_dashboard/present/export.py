"""Exports for spreadsheet users: CSV as UTF-8 with BOM, with formula-like cells made inert and
bidi or zero-width characters taken out; the same plain text for tables on a page.

The rule for CSV, which has no cell types (OWASP "CSV injection"): a cell whose text starts
with =, +, -, @, tab or CR (or their full-width forms, or any of them after leading white
space) gets a leading apostrophe, because Excel, LibreOffice and Sheets may run it as a
formula; Excel reads even "- 항목" as the formula "=- 항목" (#NAME?, or whatever follows the
dash). Two forms are left as typed, since they are read as what they are and run nothing: a
lone "-" (a blank placeholder) and a negative whole number of up to nine digits ("-1", read as
that number and shown the same). XLSX needs no apostrophe: its cells are typed, every text
cell is stored as text, and a formula-like one gets Excel's quotePrefix style (`sheet_text`)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, tzinfo

import pandas as pd

from se_dashboard.data.loader import Dataset
from se_dashboard.data.text import for_display
from se_dashboard.present.vocab import (
    Lang,
    kind_labels,
    meeting_titles,
    org_type_labels,
    theme_labels,
)

# A cell starting with one of these may be run as a formula by Excel, LibreOffice or Sheets
# (the full-width forms by East Asian Excel, which accepts ＝ for =).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# CSV cells that start with "-" and are still left as typed (see the module docstring).
INERT_IN_CSV = re.compile(r"-|-[1-9][0-9]{0,8}")


def formula_like(text: str) -> bool:
    """Return whether a spreadsheet might read `text` as a formula: it starts with one of
    FORMULA_PREFIXES, before or after leading white space."""
    return text.startswith(FORMULA_PREFIXES) or text.lstrip().startswith(FORMULA_PREFIXES)


def neutralize(value: object) -> object:
    """Return a CSV text cell that no spreadsheet runs as a formula and that shows in the order
    it was typed (`text.for_display`): formula-like text gets a leading apostrophe, except a
    lone "-" and a negative whole number (module docstring); other values unchanged."""
    if not isinstance(value, str):
        return value
    value = for_display(value)  # first: an invisible character may hide a leading '='
    if formula_like(value) and not INERT_IN_CSV.fullmatch(value):
        return "'" + value
    return value


def sheet_text(value: str) -> tuple[str, bool]:
    """Return an XLSX text cell's text as typed (`text.for_display`, no apostrophe) and whether
    it is formula-like, i.e. needs Excel's quotePrefix to stay text when edited."""
    text = for_display(value)
    return text, formula_like(text)


def local_stamp(moment: datetime | None = None, zone: tzinfo | None = None) -> str:
    """Return `moment` (default now; a naive one is local time) in the server's local time
    zone (or `zone`) with the zone's name, e.g. '2025-05-01 18:30 KST'; a zone without a name
    shows its offset ('2025-05-01 14:00 UTC+05:30')."""
    moment = (moment or datetime.now(UTC)).astimezone(zone)
    name = moment.strftime("%Z")
    if not name or name[0] in "+-":
        offset = moment.strftime("%z")
        name = f"UTC{offset[:3]}:{offset[3:5]}"
    return f"{moment:%Y-%m-%d %H:%M} {name}"


def plain_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with every text cell (lists of text included) passed through
    `text.for_display`, for a data grid on a page."""
    def cell(value: object) -> object:
        if isinstance(value, str):
            return for_display(value)
        if isinstance(value, (list, tuple)):
            return type(value)(for_display(v) if isinstance(v, str) else v for v in value)
        return value
    shown = frame.copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            shown[column] = frame[column].astype(object).map(cell)
    return shown


def to_excel_csv(frame: pd.DataFrame) -> bytes:
    """Return the frame as CSV bytes for Excel: UTF-8 with BOM, CRLF, formula cells neutralized."""
    safe = frame.astype(object).map(neutralize)
    safe.columns = [neutralize(c) for c in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def excerpts_table(dataset: Dataset, remarks: pd.DataFrame, lang: Lang = "ko") -> pd.DataFrame:
    """Return the remarks as a flat table with readable labels, one row per excerpt."""
    orgs, themes, kinds = (org_type_labels(dataset, lang), theme_labels(dataset, lang),
                           kind_labels(lang))
    meetings = meeting_titles(dataset, lang)
    headers = {
        "ko": ["ID", "회의", "발언자", "소속", "직함", "기관 유형", "발언 종류", "주제", "권고",
               "발췌", "발췌(영문)"],
        "en": ["ID", "Meeting", "Speaker", "Organization", "Role", "Organization type", "Kind",
               "Themes", "Recommendations", "Excerpt", "Excerpt (English)"],
    }[lang]
    table = pd.DataFrame({
        "remark_id": remarks["remark_id"],
        "meeting": remarks["meeting"].astype(str).map(meetings),
        "speaker": remarks["speaker"],
        "organization": remarks["organization"],
        "role": remarks["role"],
        "org_type": remarks["org_type"].astype(str).map(orgs),
        "kind": remarks["kind"].astype(object).map(lambda k: kinds.get(k, "") if pd.notna(k)
                                                  else ""),
        "themes": remarks["themes"].map(lambda ts: "; ".join(themes[t] for t in ts)),
        "recommendation_ids": remarks["recommendation_ids"].map("; ".join),
        "excerpt": remarks["excerpt"],
        "excerpt_en": remarks["excerpt_en"],
    })
    table.columns = headers
    return table.reset_index(drop=True)

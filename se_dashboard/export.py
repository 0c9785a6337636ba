"""Exports for spreadsheet users: CSV as UTF-8 with BOM, with formula-like cells made inert."""

from __future__ import annotations

import pandas as pd

from .loader import Dataset
from .vocab import Lang, kind_labels, org_type_labels, theme_labels

# A cell starting with one of these is run as a formula by Excel, LibreOffice or Sheets.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize(value: object) -> object:
    """Return a text cell that no spreadsheet runs as a formula (a leading apostrophe is added
    to text starting with =, +, -, @, tab or CR); other values unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def to_excel_csv(frame: pd.DataFrame) -> bytes:
    """Return the frame as CSV bytes for Excel: UTF-8 with BOM, CRLF, formula cells neutralized."""
    safe = frame.astype(object).map(neutralize)
    safe.columns = [neutralize(c) for c in safe.columns]
    return safe.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")


def excerpts_table(dataset: Dataset, remarks: pd.DataFrame, lang: Lang = "ko") -> pd.DataFrame:
    """Return the remarks as a flat table with readable labels, one row per excerpt."""
    orgs, themes, kinds = (org_type_labels(dataset, lang), theme_labels(dataset, lang),
                           kind_labels(lang))
    headers = {
        "ko": ["ID", "회의", "발언자", "소속", "직함", "기관 유형", "발언 종류", "주제", "권고",
               "발췌", "발췌(영문)"],
        "en": ["ID", "Meeting", "Speaker", "Organization", "Role", "Organization type", "Kind",
               "Themes", "Recommendations", "Excerpt", "Excerpt (English)"],
    }[lang]
    table = pd.DataFrame({
        "remark_id": remarks["remark_id"],
        "meeting": remarks["meeting"],
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

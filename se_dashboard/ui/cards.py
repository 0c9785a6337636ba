"""Lists of remark cards (with pagination) shared by the pages."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from se_dashboard.present.paging import page_slice

from . import render
from .page import Page

PAGE_SIZE = 20
TABLE_PAGE_SIZE = 500


def excerpt_cards_html(page: Page, remarks: pd.DataFrame, show_en: bool) -> str:
    """Return the HTML of the given remarks as cards, in their order."""
    return "".join(excerpt_card_list(page, remarks, show_en))


def excerpt_card_list(page: Page, remarks: pd.DataFrame, show_en: bool) -> list[str]:
    """Return the HTML card of each of the given remarks, in their order; each names its
    meeting when the data has more than one."""
    cards = []
    uncoded = page.t("mt_uncoded_chip")
    for row in remarks.itertuples(index=False):
        org_type = str(row.org_type)
        cards.append(render.excerpt_card(
            speaker=row.speaker, organization=row.organization, role=row.role,
            org_type_label=page.org_labels[org_type], colour=page.colours[org_type],
            kind_label=page.kind_labels.get(row.kind, "") if pd.notna(row.kind) else "",
            excerpt=row.excerpt, excerpt_en=row.excerpt_en if show_en else "",
            theme_labels=[page.theme_labels[x] for x in row.themes], query=page.filters.query,
            remark_id=row.remark_id, not_coded_label=uncoded,
            meeting=page.meeting_labels.get(str(row.meeting), "") if page.multi_meeting else ""))
    return cards


def paged(page: Page, rows: pd.DataFrame, key: str, size: int) -> pd.DataFrame:
    """Return the rows of the current page (`size` at a time), drawing a page picker when there
    is more than one page, so a page never sends thousands of rows to the browser."""
    current = page_slice(len(rows), size, st.session_state.get(key, 1))
    if current.pages > 1:
        st.session_state[key] = current.number  # clamped when the list got shorter
        st.number_input(page.t("page_no"), min_value=1, max_value=current.pages, step=1,
                        key=key)
        st.caption(page.t("page_of", page=current.number, pages=current.pages, n=current.total))
    return rows.iloc[current.start:current.stop]


def excerpt_cards(page: Page, remarks: pd.DataFrame, key: str, show_en: bool = False) -> None:
    """Show remarks as cards, PAGE_SIZE at a time, with a page picker when there are more."""
    st.html(excerpt_cards_html(page, paged(page, remarks, key, PAGE_SIZE), show_en))

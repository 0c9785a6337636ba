"""What every page does first: load the data (cached on file content), seed the session from
the URL, draw the sidebar and the current-filter banner, and apply the filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import streamlit as st

from se_dashboard import filters as filtering
from se_dashboard import loader
from se_dashboard.filters import Filters
from se_dashboard.loader import Dataset
from se_dashboard.palette import org_type_colours
from se_dashboard.problems import DataError
from se_dashboard.vocab import Lang, kind_labels, org_type_labels, theme_labels

from . import checklist_edit, render, sidebar, state
from .labels import t


@st.cache_data(show_spinner=False, max_entries=4)
def _load(folder: str, fingerprint: str) -> Dataset:
    """Load a data folder; `fingerprint` (a hash of its files) keys the cache on content."""
    del fingerprint
    return loader.load(folder)


def load_dataset() -> Dataset:
    """Return the dataset of the configured data folder, or show its problems and stop."""
    folder = loader.data_folder()
    try:
        return _load(str(folder), loader.fingerprint(folder))
    except DataError as exc:
        st.error(t("data_error", state.lang() if state.LANG_KEY in st.session_state else "ko"))
        st.code(exc.report(), language=None, wrap_lines=True)
        st.stop()
        raise  # st.stop() raises; this line keeps type checkers content


@dataclass
class Page:
    """The context a page script works with."""

    name: str
    dataset: Dataset
    filters: Filters
    lang: Lang
    remarks: pd.DataFrame  # the filtered remarks
    checklist_state: pd.DataFrame = field(default_factory=pd.DataFrame)  # orphans included
    org_labels: dict[str, str] = field(default_factory=dict)
    theme_labels: dict[str, str] = field(default_factory=dict)
    kind_labels: dict[str, str] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)

    def t(self, key: str, **values: Any) -> str:
        """Return a UI string in the page's language."""
        return t(key, self.lang, **values)

    @property
    def empty(self) -> bool:
        return self.remarks.empty


def setup(name: str, title_key: str, subtitle_key: str | None = None) -> Page:
    """Set up page `name` (also the prefix of its widget keys) and return its context."""
    lang_hint = st.session_state.get(state.LANG_KEY) or st.query_params.get(state.LANG_PARAM)
    title = t(title_key, "en" if lang_hint == "en" else "ko")
    st.set_page_config(page_title=title, page_icon=":material/forum:", layout="wide")
    dataset, checklist_state, state_error = checklist_edit.with_state(load_dataset())
    state.init(dataset)
    sidebar.render(name, dataset)
    lang = state.lang()
    current = state.filters()
    page = Page(
        name=name, dataset=dataset, filters=current, lang=lang,
        remarks=filtering.apply(dataset, current), checklist_state=checklist_state,
        org_labels=org_type_labels(dataset, lang), theme_labels=theme_labels(dataset, lang),
        kind_labels=kind_labels(lang), colours=org_type_colours(dataset.org_type_ids))
    state.sync_url()
    st.html(render.STYLE)
    st.title(t(title_key, lang))
    if state_error:
        st.warning(t("state_error", lang, error=state_error), icon=":material/warning:")
    if subtitle_key:
        meeting = dataset.remarks["meeting"].iat[0]
        st.caption(t(subtitle_key, lang, meeting=meeting))
    banner(page)
    return page


def banner(page: Page) -> None:
    """Show what the audience is looking at: the active filters and how much they keep."""
    f, lang = page.filters, page.lang
    parts = {
        t("f_org_types", lang): [page.org_labels[o] for o in f.org_types],
        t("f_speakers", lang): list(f.speakers),
        t("f_themes", lang): [page.theme_labels[x] for x in f.themes],
        t("f_kinds", lang): [page.kind_labels[k] for k in f.kinds],
        t("f_query", lang): [f"“{f.query}”"] if f.query else [],
    }
    counts = t("view_counts", lang, n=len(page.remarks), total=len(page.dataset.remarks),
               p=page.remarks["speaker"].nunique(), ptotal=len(page.dataset.participants))
    heading = t("view_filtered" if f.active else "view_all", lang)
    st.html(render.filter_banner(parts, counts, heading))


def stop_if_empty(page: Page) -> None:
    """When nothing matches the filters, say so clearly and end the page run there."""
    if page.empty:
        st.info(page.t("empty"), icon=":material/search_off:")
        st.stop()

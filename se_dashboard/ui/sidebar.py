"""The shared sidebar: language switch, page links, filters and their reset."""

from __future__ import annotations

import streamlit as st

from se_dashboard.analysis.filters import Filters, speaker_options
from se_dashboard.data.loader import Dataset
from se_dashboard.data.text import for_display
from se_dashboard.present.labels import t
from se_dashboard.present.vocab import (
    LANGS,
    kind_labels,
    meeting_options,
    org_type_labels,
    participant_labels,
    theme_labels,
)

from . import state

# (script path relative to app.py, label key, icon)
PAGES = (
    ("app.py", "page_overview", ":material/dashboard:"),
    ("pages/1_who_said_what.py", "page_who", ":material/record_voice_over:"),
    ("pages/2_themes.py", "page_themes", ":material/bar_chart:"),
    ("pages/3_recommendations.py", "page_recs", ":material/checklist:"),
    ("pages/5_compare.py", "page_compare", ":material/compare_arrows:"),
    ("pages/6_import.py", "page_import", ":material/upload_file:"),
    ("pages/4_slides.py", "page_slides", ":material/slideshow:"),
)
LANG_NAMES = {"ko": "한국어", "en": "English"}
FILTER_FIELDS = ("meetings", "org_types", "speakers", "themes", "kinds", "query")


def widget_key(page: str, name: str) -> str:
    """Return the page-prefixed session key of a sidebar widget."""
    return f"{page}_{name}"


def _reset() -> None:
    state.set_filters(Filters())  # the widgets are re-seeded from it at the top of the run


def _seed(page: str, current: Filters) -> None:
    for field in FILTER_FIELDS:
        value = getattr(current, field)
        st.session_state[widget_key(page, f"f_{field}")] = (
            value if isinstance(value, str) else list(value))


def render(page: str, dataset: Dataset) -> None:
    """Draw the sidebar of `page`; widgets update the session's filters through callbacks."""
    lang = state.lang()
    current = state.filters()
    _seed(page, current)
    orgs, themes, kinds = (org_type_labels(dataset, lang), theme_labels(dataset, lang),
                           kind_labels(lang))
    people = participant_labels(dataset)
    with st.sidebar:
        lang_key = widget_key(page, "lang")
        st.session_state[lang_key] = lang
        st.radio(t("language", lang), LANGS, key=lang_key, horizontal=True,
                 format_func=LANG_NAMES.__getitem__, on_change=state.set_lang_from,
                 args=(lang_key,))
        anon_key = widget_key(page, "anon")
        st.session_state[anon_key] = state.anonymized()
        forced = state.anonymity_forced()
        st.toggle(t("anonymize", lang), key=anon_key, disabled=forced,
                  help=t("anonymize_forced" if forced else "anonymize_help", lang),
                  on_change=state.set_anon_from, args=(anon_key,))
        st.markdown(f"**{t('nav_heading', lang)}**")
        params = state.query_params()
        for path, label_key, icon in PAGES:
            st.page_link(path, label=t(label_key, lang), icon=icon, query_params=params)
        st.divider()
        st.markdown(f"**{t('filters', lang)}**")

        def multiselect(field: str, options: list[str], format_func) -> None:
            key = widget_key(page, f"f_{field}")
            st.multiselect(t(f"f_{field}", lang), options, key=key,
                           format_func=lambda value: for_display(format_func(value)),
                           placeholder=t("f_all", lang), on_change=state.update_filter,
                           args=(field, key))

        meetings = meeting_options(dataset, lang)
        if len(meetings) > 1:  # one meeting: nothing to choose
            multiselect("meetings", list(meetings), meetings.__getitem__)
        multiselect("org_types", list(orgs), orgs.__getitem__)
        multiselect("speakers", speaker_options(dataset, current.org_types, current.meetings),
                    people.__getitem__)
        multiselect("themes", list(themes), themes.__getitem__)
        if dataset.remarks["kind"].notna().any():  # the kind column is optional
            multiselect("kinds", list(kinds), kinds.__getitem__)
        query_key = widget_key(page, "f_query")
        st.text_input(t("f_query", lang), key=query_key, help=t("f_query_help", lang),
                      on_change=state.update_filter, args=("query", query_key))
        st.button(t("f_reset", lang), key=widget_key(page, "reset"), on_click=_reset,
                  icon=":material/filter_alt_off:", disabled=not current.active,
                  width="stretch")

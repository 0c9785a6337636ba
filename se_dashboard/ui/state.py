"""Per-session state: the filters and the language, kept in session state and mirrored in the
URL query string so that a view can be bookmarked and reopened. The anonymized view is the
viewer's switch unless the server forces it for everyone."""

from __future__ import annotations

import os
from dataclasses import replace

import streamlit as st

from se_dashboard.analysis.filters import QUERY_KEYS, Filters
from se_dashboard.checklist.access import FORCE_ANON_ENV, forced_anonymized
from se_dashboard.present.vocab import LANGS, Lang

FILTERS_KEY = "sed_filters"
LANG_KEY = "sed_lang"
LANG_PARAM = "lang"
ANON_KEY = "sed_anon"
ANON_PARAM = "anon"


def anonymity_forced() -> bool:
    """Return whether the server forces the anonymized view ($SE_DASHBOARD_FORCE_ANON or
    `force_anonymized` in st.secrets): then no URL or switch shows names."""
    try:
        secret = st.secrets.get("force_anonymized")
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        secret = None
    return forced_anonymized(os.environ.get(FORCE_ANON_ENV), secret)


def init_view() -> None:
    """Seed the session's language and anonymized-view switch from the URL on its first run."""
    if LANG_KEY not in st.session_state:
        lang = st.query_params.get(LANG_PARAM, "ko")
        st.session_state[LANG_KEY] = lang if lang in LANGS else "ko"
    if ANON_KEY not in st.session_state:
        st.session_state[ANON_KEY] = st.query_params.get(ANON_PARAM) == "1"


def init() -> None:
    """Seed the session's filters from the URL on its first run (page set-up drops values the
    data does not know, on every run)."""
    if FILTERS_KEY not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in QUERY_KEYS.values()}
        st.session_state[FILTERS_KEY] = Filters.from_query(params)


def filters() -> Filters:
    """Return the session's current filters."""
    return st.session_state[FILTERS_KEY]


def set_filters(value: Filters) -> None:
    """Replace the session's filters."""
    st.session_state[FILTERS_KEY] = value


def update_filter(field: str, widget_key: str) -> None:
    """Widget callback: copy a filter widget's value into the session's filters."""
    value = st.session_state[widget_key]
    value = value.strip() if isinstance(value, str) else tuple(value or ())
    set_filters(replace(filters(), **{field: value}))


def set_speaker_from(widget_key: str) -> None:
    """Widget callback: make one participant (or, for "", nobody) the speaker filter, so that
    reading one person's remarks is the filter the banner states and the URL keeps."""
    who = st.session_state[widget_key]
    set_filters(replace(filters(), speakers=(who,) if who else ()))


def lang() -> Lang:
    """Return the session's UI language."""
    return st.session_state[LANG_KEY]


def set_lang_from(widget_key: str) -> None:
    """Widget callback: take the UI language from a widget."""
    st.session_state[LANG_KEY] = st.session_state[widget_key] or lang()


def anonymized() -> bool:
    """Return whether the session shows the anonymized view (always, when the server forces
    it)."""
    return anonymity_forced() or bool(st.session_state.get(ANON_KEY))


def set_anon_from(widget_key: str) -> None:
    """Widget callback: take the anonymized-view switch from a widget. Speaker filters name
    people, so they are dropped when the view changes."""
    if anonymity_forced():
        return
    st.session_state[ANON_KEY] = bool(st.session_state[widget_key])
    set_filters(replace(filters(), speakers=()))


def query_params(extra: dict[str, str] | None = None) -> dict[str, list[str] | str]:
    """Return the query parameters that describe the current view."""
    params = filters().to_query()
    if lang() != "ko":
        params[LANG_PARAM] = lang()
    if anonymized():
        params[ANON_PARAM] = "1"
    params.update(extra or {})
    return params


def sync_url(extra: dict[str, str] | None = None) -> None:
    """Write the current view into the URL query string (only when it changed)."""
    wanted = query_params(extra)
    current = {k: (v if len(v) != 1 else v[0])
               for k in st.query_params for v in [st.query_params.get_all(k)]}
    normalized = {k: (v if isinstance(v, str) or len(v) != 1 else v[0])
                  for k, v in wanted.items()}
    if current != normalized:
        st.query_params.from_dict(wanted)

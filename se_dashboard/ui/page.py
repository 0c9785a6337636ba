"""What every page does first: load the data (cached on file content), seed the session from
the URL, draw the sidebar and the current-filter banner, and apply the filters."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from se_dashboard.analysis import counts
from se_dashboard.analysis import filters as filtering
from se_dashboard.analysis.filters import Filters
from se_dashboard.data import loader
from se_dashboard.data.loader import Dataset
from se_dashboard.data.problems import DataError
from se_dashboard.present import handout
from se_dashboard.present.anonymize import anonymize
from se_dashboard.present.labels import STRINGS, t
from se_dashboard.present.palette import org_type_colours
from se_dashboard.present.vocab import (
    Lang,
    kind_labels,
    meeting_titles,
    meetings_text,
    org_type_labels,
    theme_labels,
)

from . import checklist_edit, render, sidebar, state

# Beyond this many meetings in view, the overview names them without each one's figures (a
# city-wide consultation's twenty meetings would fill the screen; the comparison page has them).
SCOPE_BREAKDOWN_MAX = 6
# A local file: a Material icon or emoji favicon would be fetched from a font CDN.
FAVICON = Path(__file__).resolve().parent / "assets" / "favicon.png"


@st.cache_data(show_spinner=False, max_entries=16)
def _content_key(folder: str, stat_key: tuple) -> str:
    """Hash a data folder's files once per version of them (size, modification and change
    time); a file the loader would refuse is keyed by its stat, not read."""
    del stat_key
    return loader.fingerprint(Path(folder))


# The dataset is shared, not copied, by every session: it is immutable (a frozen dataclass of
# frames nothing writes to; pandas copy-on-write protects derived frames), and a per-rerun copy
# would cost ~190 ms and a dataset's memory per session at 100,000 remarks. A folder that does
# not load is cached too (its DataError, a list of problems), so a broken folder is not parsed
# again on every page view, only when its files change.
@st.cache_resource(show_spinner=False, max_entries=4)
def _load(folder: str, fingerprint: str) -> Dataset | DataError:
    """Load a data folder, or return why it does not load; `fingerprint` (a hash of its
    files) keys the cache on content."""
    del fingerprint
    try:
        return loader.load(folder)
    except DataError as exc:
        return exc


class _LastGood:
    """The last dataset of one data folder that loaded in this server process."""

    def __init__(self) -> None:
        self.dataset: Dataset | None = None


@st.cache_resource(show_spinner=False, max_entries=4)
def _last_good(folder: str) -> _LastGood:
    """Return the holder of a folder's last good dataset (one per folder, shared by sessions)."""
    del folder
    return _LastGood()


# Keyed by language, never by session: one anonymized copy per language of the version shown.
@st.cache_resource(show_spinner=False, max_entries=2)
def _load_anonymized(folder: str, fingerprint: str, lang: Lang, _dataset: Dataset) -> Dataset:
    """The anonymized view of a data folder's dataset, cached like the folder itself."""
    del folder, fingerprint
    return anonymize(_dataset, lang)


def _problem_lines(report: str) -> int | str:
    """Return the height of a problem report box: its own up to 12 lines, then scrolled."""
    return "content" if report.count("\n") < 12 else 300


def load_dataset(anonymized: bool = False, lang: Lang = "ko") -> Dataset:
    """Return the dataset of the configured data folder (anonymized on request).

    When the folder has problems, they are shown: above the last version of the folder that
    loaded in this server process, which is served meanwhile, or, without one, alone (the page
    stops there)."""
    folder = loader.data_folder()
    outcome = _load(str(folder), _content_key(str(folder), loader.stat_key(folder)))
    last = _last_good(str(folder))
    if isinstance(outcome, DataError):
        ui_lang = state.lang() if state.LANG_KEY in st.session_state else "ko"
        report = outcome.report()
        if last.dataset is None:
            st.error(t("data_error", ui_lang))
            st.code(report, language=None, wrap_lines=True, height=_problem_lines(report))
            st.stop()
        st.html(render.notice("warning", t("data_stale", ui_lang)))
        st.code(report, language=None, wrap_lines=True, height=_problem_lines(report))
        dataset = last.dataset
    else:
        last.dataset = dataset = outcome
    if anonymized:
        return _load_anonymized(str(folder), dataset.fingerprint, lang, dataset)
    return dataset


@dataclass
class Page:
    """The context a page script works with."""

    name: str
    dataset: Dataset
    filters: Filters
    lang: Lang
    remarks: pd.DataFrame  # the filtered remarks
    anonymized: bool = False
    checklist_state: pd.DataFrame = field(default_factory=pd.DataFrame)  # orphans included
    org_labels: dict[str, str] = field(default_factory=dict)
    theme_labels: dict[str, str] = field(default_factory=dict)
    kind_labels: dict[str, str] = field(default_factory=dict)
    colours: dict[str, str] = field(default_factory=dict)
    meeting_labels: dict[str, str] = field(default_factory=dict)  # id -> title, display order
    meetings: list[str] = field(default_factory=list)  # ids of the meetings the view covers

    def t(self, key: str, **values: Any) -> str:
        """Return a UI string in the page's language."""
        return t(key, self.lang, **values)

    def tn(self, key: str, n: int, **values: Any) -> str:
        """Return a counted UI string: `key`_one when n is 1 (if the table has it)."""
        chosen = f"{key}_one" if n == 1 and f"{key}_one" in STRINGS else key
        return t(chosen, self.lang, n=n, **values)

    @property
    def empty(self) -> bool:
        return self.remarks.empty

    @property
    def multi_meeting(self) -> bool:
        """Whether the data has more than one meeting (then cards and banners name them)."""
        return len(self.meeting_labels) > 1

    @property
    def meetings_text(self) -> str:
        """The titles of the meetings the view covers, e.g. '중간보고회 · 최종보고회'."""
        return meetings_text(self.dataset, self.meetings, self.lang)


def setup(name: str, title_key: str, subtitle_key: str | None = None,
          presenting: bool = False, url_extra: dict[str, str] | None = None) -> Page:
    """Set up page `name` (also the prefix of its widget keys) and return its context.

    A `presenting` page starts with the sidebar collapsed and draws no title or banner (the
    slide shows the filter itself). `url_extra` adds the page's own parameters to the URL."""
    lang_hint = st.session_state.get(state.LANG_KEY) or st.query_params.get(state.LANG_PARAM)
    title = t(title_key, "en" if lang_hint == "en" else "ko")
    st.set_page_config(page_title=title, page_icon=str(FAVICON), layout="wide",
                       initial_sidebar_state="collapsed" if presenting else "auto")
    state.init_view()
    base = load_dataset(state.anonymized(), state.lang())
    dataset, checklist_state, state_error = checklist_edit.with_state(base)
    state.init()
    # Before the sidebar: its widgets may only hold values they offer.
    current = state.filters().restricted_to(dataset)
    state.set_filters(current)
    sidebar.render(name, dataset)
    lang = state.lang()
    page = Page(
        name=name, dataset=dataset, filters=current, lang=lang,
        remarks=filtering.apply(dataset, current), checklist_state=checklist_state,
        anonymized=state.anonymized(),
        org_labels=org_type_labels(dataset, lang), theme_labels=theme_labels(dataset, lang),
        kind_labels=kind_labels(lang), colours=org_type_colours(dataset.org_type_ids),
        meeting_labels=meeting_titles(dataset, lang),
        meetings=filtering.meetings_in_view(dataset, current))
    state.sync_url(url_extra)
    handout_button(page)
    st.html(render.STYLE)
    st.html(render.multiselect_strings(t("select_all", lang), t("select_matches", lang)))
    if presenting:
        return page
    st.title(t(title_key, lang))
    checklist_edit.show_problems(state_error, lang)
    if subtitle_key:
        st.html(render.caption(t(subtitle_key, lang, meeting=page.meetings_text)))
    banner(page)
    return page


def filter_parts(page: Page) -> dict[str, list[str]]:
    """Return the active filters as readable labels: field name -> values."""
    f, lang = page.filters, page.lang
    return {
        t("f_meetings", lang): [page.meeting_labels[m] for m in f.meetings],
        t("f_org_types", lang): [page.org_labels[o] for o in f.org_types],
        t("f_speakers", lang): list(f.speakers),
        t("f_themes", lang): [page.theme_labels[x] for x in f.themes],
        t("f_kinds", lang): [page.kind_labels[k] for k in f.kinds],
        t("f_query", lang): [f"“{f.query}”"] if f.query else [],
    }


def filter_text(page: Page) -> str:
    """Return the current filter in one line of plain text."""
    parts = [f"{name}: {', '.join(values)}" for name, values in filter_parts(page).items()
             if values]
    return " · ".join(parts) if parts else t("view_all", page.lang)


def banner(page: Page) -> None:
    """Show what the audience is looking at: the active filters and how much they keep, with
    the meetings covered when the data has several (never silently merged) and the remarks
    in view not yet coded."""
    f, lang = page.filters, page.lang
    parts = filter_parts(page)
    uncoded = counts.not_coded(page.dataset, page.remarks)
    counts_text = t("mt_view_counts" if uncoded else "view_counts", lang, n=len(page.remarks),
                    total=len(page.dataset.remarks), u=uncoded,
                    p=page.remarks["speaker"].nunique(), ptotal=len(page.dataset.participants))
    if page.multi_meeting and not f.meetings:
        counts_text = f"{t('mt_banner', lang, meetings=page.meetings_text)} · {counts_text}"
    if left_out := filtering.uncoded_left_out(page.dataset, f):
        counts_text = f"{counts_text} · {page.tn('mt_left_out', left_out)}"
    heading = t("view_filtered" if f.active else "view_all", lang)
    st.html(render.filter_banner(parts, counts_text, heading))


def scope_text(page: Page) -> str:
    """Return what the headline figures count: the meetings in view and, when there are
    several (up to SCOPE_BREAKDOWN_MAX), each one's excerpts (not yet coded among them) and
    participants in view."""
    scope = page.t("mt_scope", meetings=page.meetings_text)
    if not 2 <= len(page.meetings) <= SCOPE_BREAKDOWN_MAX:
        return scope
    rows = counts.by_meeting(page.dataset, page.remarks)
    lines = [page.t("mt_scope_meeting_not_coded" if u else "mt_scope_meeting",
                    meeting=page.meeting_labels[m], e=e, p=n, u=u)
             for m, e, n, u in zip(rows["meeting_id"], rows["excerpts"], rows["participants"],
                                   rows["not_coded"], strict=True) if m in page.meetings]
    return " — ".join([scope, " / ".join(lines)])


def not_coded_note(page: Page) -> None:
    """Where theme figures are shown: say how many remarks in view are not yet coded (so in no
    theme figure); nothing when there are none. (What a theme filter leaves out for having no
    theme yet is in the banner of every page.)"""
    if uncoded := counts.not_coded(page.dataset, page.remarks):
        st.html(render.notice("info", page.tn("mt_not_coded", uncoded)))


def stop_if_empty(page: Page) -> None:
    """When nothing matches the filters, say so clearly and end the page run there."""
    if page.empty:
        st.info(page.t("empty"), icon=":material/search_off:")
        st.stop()


def handout_html(page: Page) -> str:
    """Return the printable offline report of the page's view."""
    return handout.handout_html(
        page.dataset, page.remarks, lang=page.lang, title=page.t("app_title"),
        subtitle=page.t("app_subtitle", meeting=page.meetings_text),
        filter_text=filter_text(page), generated_at=handout.local_stamp(datetime.now()),
        hide_organizations=page.anonymized, meetings=page.meetings,
        left_out=filtering.uncoded_left_out(page.dataset, page.filters))


def handout_button(page: Page) -> None:
    """Offer the printable report of the current view in the sidebar (built on click)."""
    with st.sidebar:
        st.download_button(page.t("handout"), lambda: handout_html(page),
                           file_name="stakeholder-remarks-report.html", mime="text/html",
                           key=f"{page.name}_handout", help=page.t("handout_help"),
                           on_click="ignore", icon=":material/print:", width="stretch")

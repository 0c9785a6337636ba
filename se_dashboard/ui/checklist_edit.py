"""The checklist state in the UI: the store (re-opened when its file changes, synced with the
data when they differ), who may edit, and the single, bulk, snapshot and history controls of the
recommendations page. A state file that cannot be used never stops a page: reads fall back to
empty tables, saves show a message, and the page says what is wrong with the file."""

from __future__ import annotations

import itertools
import os
import sqlite3
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Literal, TypeVar

import pandas as pd
import streamlit as st
from streamlit.logger import get_logger

from se_dashboard.checklist import progress
from se_dashboard.checklist.access import (
    PASSCODE_ENV,
    Access,
    access_for,
    blank_passcode,
    failure_delay,
    is_local_request,
)
from se_dashboard.checklist.store import (
    COMPARE_COLUMNS,
    EDITABLE_FIELDS,
    HISTORY_COLUMNS,
    SEED_EDITOR,
    SEED_NOTE,
    SNAPSHOTS_COLUMNS,
    Edit,
    EditError,
    StaleEditError,
    StateError,
    Store,
    file_signature,
    needs_sync,
    state_path,
)
from se_dashboard.data.contract import STATUSES
from se_dashboard.data.loader import Dataset
from se_dashboard.data.text import for_display
from se_dashboard.present import export
from se_dashboard.present.labels import t
from se_dashboard.present.vocab import Lang, status_labels

from . import render

EDITOR_KEY = "sed_editor"
UNLOCKED_KEY = "sed_unlocked"
FAILURES_KEY = "sed_passcode_failures"
FLASH_KEY = "sed_flash"
PROBLEM_KEY = "sed_state_problem"
BULK_BASE_KEY = "recs_bulk_base"
TEXT_FIELDS = ("plan_section", "responsible_unit", "response_note", "reason")
# The label of each editable field, in the UI language (history, tables).
FIELD_LABELS = {"status": "f_status", "plan_section": "plan_section",
                "responsible_unit": "f_responsible_unit", "response_note": "response_note",
                "reason": "reason"}
# What the editing gate found: edits on, allowed but waiting for the editor's name, or off.
Gate = Literal["on", "name", "off"]
LOG = get_logger("se_dashboard.checklist")
# Why the state file cannot be read or written, as (label key, values for it).
Problem = tuple[str, dict[str, str]]
StoreFault = (StateError, sqlite3.Error, OSError)
T = TypeVar("T")

sleep: Callable[[float], None] = time.sleep  # the passcode delay; tests replace it


def server_address() -> str | None:
    """Return the address the server is bound to (Streamlit's server.address option)."""
    return st.get_option("server.address")


def server_port() -> int | None:
    """Return the port the server listens on (Streamlit's server.port option)."""
    return st.get_option("server.port")


def request_headers() -> Mapping[str, str]:
    """Return the headers of this session's request (empty when there is none, as in tests)."""
    return st.context.headers


def configured_passcode() -> object:
    """Return the edit passcode from $SE_DASHBOARD_EDIT_PASSCODE or st.secrets, if any (as
    configured: `access_for` refuses a blank one)."""
    passcode = os.environ.get(PASSCODE_ENV)
    if passcode:
        return passcode
    try:
        return st.secrets.get("edit_passcode")
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None


def access() -> Access:
    """Return the editing mode of this session's request."""
    return access_for(configured_passcode(), server_address(),
                      is_local_request(request_headers(), server_port()))


@st.cache_resource(show_spinner=False, max_entries=8)
def _store_at(path: str, signature: tuple) -> Store:
    """One Store per database file and version of it (`signature`: a replaced, deleted or
    re-permissioned file is opened, and if need be created, again). Failures are not cached."""
    del signature
    return Store(Path(path))


def store() -> Store:
    """Return the checklist store of this server ($SE_DASHBOARD_STATE or state/); StateError
    when the file cannot be used."""
    path = state_path()
    signature = file_signature(path)
    if signature[0] is None:
        return Store(path)  # creates the file: its signature is known from the next call on
    return _store_at(str(path), signature)


def _problem(exc: BaseException) -> Problem:
    """Return what to tell about a state file that cannot be used."""
    if isinstance(exc, StateError):
        return "state_unusable", {"path": str(exc.path), "why": f"state_why_{exc.kind}",
                                  "detail": exc.detail}
    return "state_unusable", {"path": str(state_path()), "why": "state_why_failed",
                              "detail": str(exc)}


def with_state(dataset: Dataset) -> tuple[Dataset, pd.DataFrame, Problem | None]:
    """Return the dataset with the stored checklist state, the full state (orphans included)
    and what is wrong with the state file, if anything. A file that cannot be read leaves the
    data's statuses; a read-only one shows its saved state. Either way editing is off."""
    try:
        current = store()
        state = current.checklist()
        if not current.read_only and needs_sync(state, dataset.recommendations):
            current.sync(dataset.recommendations)
            state = current.checklist()
    except StoreFault as exc:  # a broken state file must not stop the app
        _log_once(f"checklist state file unusable: {exc}")
        problem = _problem(exc)
        st.session_state[PROBLEM_KEY] = problem
        return progress.with_state(dataset, _data_state(dataset)), pd.DataFrame(), problem
    problem = None
    if current.read_only:
        problem = ("state_read_only", {"path": str(current.path),
                                       "why": f"state_ro_{current.read_only}"})
    st.session_state[PROBLEM_KEY] = problem
    return progress.with_state(dataset, state), state, problem


def _data_state(dataset: Dataset) -> pd.DataFrame:
    """Return the data folder's statuses as a checklist state (blank fields, version 0)."""
    recs = dataset.recommendations
    blank = [""] * len(recs)
    return pd.DataFrame({"rec_id": recs["rec_id"].astype(str),
                         "status": recs["status"].astype(str),
                         **{f: blank for f in TEXT_FIELDS}, "version": 0, "orphaned": False})


def problem_text(problem: Problem, lang: str) -> str:
    """Return the message of a state-file problem in `lang`."""
    key, values = problem
    why = t(values["why"], lang, detail=values.get("detail") or "-")
    return t(key, lang, path=values["path"], why=why)


def show_problems(problem: Problem | None, lang: str) -> None:
    """Show, at the top of a page, what keeps the checklist from working: the state file's
    problem and a refused passcode (as plain text: paths and system messages are not markup)."""
    if problem:
        st.html(render.notice("warning", problem_text(problem, lang)))
    if blank_passcode(configured_passcode()):
        _log_blank_passcode()
        st.html(render.notice("error", t("blank_passcode", lang)))


@st.cache_resource(show_spinner=False, max_entries=64)
def _log_once(message: str) -> None:
    """Log a state-file problem once per server and message, not on every page view."""
    LOG.warning(message)


@st.cache_resource(show_spinner=False)
def _log_blank_passcode() -> None:
    """Log the refused passcode once per server."""
    LOG.error("the edit passcode (%s or edit_passcode in secrets) is only whitespace: refused; "
              "editing is off", PASSCODE_ENV)


def _read(read: Callable[[Store], T], columns: tuple[str, ...]) -> T | pd.DataFrame:
    """Return `read(store())`, or an empty table with `columns` when the file cannot be read."""
    try:
        return read(store())
    except StoreFault as exc:
        _log_once(f"checklist state file unreadable: {exc}")
        return pd.DataFrame(columns=list(columns))


def history() -> pd.DataFrame:
    """Return the whole change history, newest first (empty when the file cannot be read)."""
    return _read(lambda s: s.history(), HISTORY_COLUMNS)


def snapshots() -> pd.DataFrame:
    """Return the snapshots, oldest first (empty when the file cannot be read)."""
    return _read(lambda s: s.snapshots(), SNAPSHOTS_COLUMNS)


def _said(exc: EditError | StaleEditError, lang: str) -> str:
    """Return the store's refusal in the UI language."""
    return exc.en if lang == "en" else exc.ko


def _save_failed(exc: BaseException, lang: str) -> str:
    """Log a save the state file refused for a system reason; return the message to show."""
    LOG.warning("checklist save failed: %s", exc)
    path = exc.path if isinstance(exc, StateError) else state_path()
    return t("save_failed", lang, path=str(path), error=str(exc))


def flash(message: str, kind: str = "success", rec_id: str = "") -> None:
    """Keep a message for the next run of the page (shown next to `rec_id`, or at the top)."""
    st.session_state[FLASH_KEY] = (kind, message, rec_id)


def show_flash(rec_id: str = "") -> None:
    """Show the pending message if it belongs here, then forget it."""
    pending = st.session_state.get(FLASH_KEY)
    if pending and pending[2] == rec_id:
        kind, message, _ = st.session_state.pop(FLASH_KEY)
        st.html(render.notice(kind, message))  # names, ids and values are text, not markup


def unlock(mode: Access, attempt: str, lang: str) -> None:
    """Check a passcode attempt; after a wrong one wait longer each time and log it."""
    if mode.unlocks(attempt):
        st.session_state[UNLOCKED_KEY] = True
        st.session_state.pop(FAILURES_KEY, None)
        st.rerun()
    failures = st.session_state.get(FAILURES_KEY, 0) + 1
    st.session_state[FAILURES_KEY] = failures
    delay = failure_delay(failures)
    LOG.warning("wrong edit passcode (failure %d of this session, from %r); answering in %.0f s",
                failures, getattr(st.context, "ip_address", None), delay)
    sleep(delay)
    st.html(render.notice("error", t("wrong_passcode", lang)))


def editing_gate(lang: str) -> Gate:
    """Draw, near the top of the page, what editing needs: the editor's name in the open when
    this session may edit; else, in a closed "체크리스트 편집" expander, why editing is off or
    the passcode form. Return "on" when edits are on, "name" while the name is missing, else
    "off"."""
    if st.session_state.get(PROBLEM_KEY):
        with st.expander(t("edit_section", lang), icon=":material/edit_off:"):
            st.html(render.notice("info", t("edit_off_state", lang)))
        return "off"
    mode = access()
    if mode.mode == "read_only":
        key = {"network": "read_only", "not_local": "read_only_not_local",
               "blank_passcode": "blank_passcode"}[mode.reason]
        with st.expander(t("edit_section", lang), icon=":material/edit_off:"):
            st.html(render.notice("info", t(key, lang, port=server_port())))
        return "off"
    if mode.mode == "passcode" and not st.session_state.get(UNLOCKED_KEY):
        with (st.expander(t("edit_section", lang), icon=":material/lock:"),
              st.form("recs_unlock_form")):
            attempt = st.text_input(t("passcode", lang), type="password", key="recs_passcode")
            if st.form_submit_button(t("unlock", lang)):
                unlock(mode, attempt, lang)
        return "off"
    st.html(render.label_line(t("edit_section", lang)))
    left, _ = st.columns([2, 3])
    name = left.text_input(t("editor_name", lang), key="recs_editor_name",
                           value=st.session_state.get(EDITOR_KEY, ""))
    st.session_state[EDITOR_KEY] = name.strip()
    if not name.strip():
        st.html(render.caption(t("editor_needed", lang)))
        return "name"
    st.html(render.caption(t("editing_as", lang, name=name.strip())))
    return "on"


def _form_key(rec_id: str, field: str) -> str:
    return f"recs_form_{rec_id}_{field}"


def _listed(rec_ids: list[str], limit: int = 10) -> str:
    shown = ", ".join(rec_ids[:limit])
    return shown + (f" +{len(rec_ids) - limit}" if len(rec_ids) > limit else "")


def _save_one(rec_id: str, version: int, lang: str) -> None:
    changes = {f: (st.session_state[_form_key(rec_id, f)] or "").strip()
               for f in EDITABLE_FIELDS}
    note = (st.session_state.get(_form_key(rec_id, "note")) or "").strip()
    rule = progress.reason_rule(changes["status"])
    if rule == "required" and not changes["reason"]:
        flash(t("reason_required", lang, recs=rec_id), "error", rec_id)  # the form keeps its values
        return
    try:
        new_version = store().save(rec_id, changes, version, st.session_state[EDITOR_KEY], note)
    except (StaleEditError, EditError) as exc:
        flash(_said(exc, lang), "error", rec_id)
        return
    except StoreFault as exc:
        flash(_save_failed(exc, lang), "error", rec_id)
        return
    for field in (*EDITABLE_FIELDS, "note"):
        st.session_state.pop(_form_key(rec_id, field), None)  # re-seed from the saved state
    if new_version == version:
        message, kind = t("nothing_changed", lang), "success"
    else:
        message, kind = t("saved", lang, rec=rec_id, version=new_version), "success"
    if rule == "prompted" and not changes["reason"]:
        message, kind = f"{message} {t('reason_prompt', lang, recs=rec_id)}", "warning"
    flash(message, kind, rec_id)


def edit_form(rec: pd.Series | object, lang: str, status_labels: dict[str, str]) -> None:
    """Draw the edit form of one recommendation; saving checks the version it was drawn with
    and asks for the reason a 미반영 (required) or 부분반영 (prompted) status needs."""
    rec_id, version = rec.rec_id, int(rec.version)
    with st.form(f"recs_form_{rec_id}", border=False):
        left, right = st.columns(2)
        left.selectbox(t("f_status", lang), STATUSES, index=STATUSES.index(str(rec.status)),
                       format_func=status_labels.__getitem__, key=_form_key(rec_id, "status"))
        right.text_input(t("f_plan_section", lang), value=rec.plan_section,
                         key=_form_key(rec_id, "plan_section"))
        left.text_input(t("f_responsible_unit", lang), value=rec.responsible_unit,
                        key=_form_key(rec_id, "responsible_unit"))
        right.text_input(t("f_change_note", lang), key=_form_key(rec_id, "note"))
        st.text_area(t("f_reason", lang), value=getattr(rec, "reason", ""), height=80,
                     help=t("reason_help", lang), key=_form_key(rec_id, "reason"))
        st.text_area(t("f_response_note", lang), value=rec.response_note,
                     key=_form_key(rec_id, "response_note"))
        st.form_submit_button(t("save", lang), on_click=_save_one, args=(rec_id, version, lang),
                              type="primary", icon=":material/save:")


def _bulk_save(lang: str) -> None:
    base: pd.DataFrame = st.session_state[BULK_BASE_KEY]
    edited = st.session_state.get("recs_bulk", {}).get("edited_rows", {})
    changes = progress.changed_fields(base, edited, EDITABLE_FIELDS)
    versions = base.set_index("rec_id")["version"]
    edits = [Edit(rec_id, fields, int(versions[rec_id])) for rec_id, fields in changes.items()]
    if not edits:
        flash(t("nothing_changed", lang))
        return
    after = base.set_index("rec_id").loc[list(changes)].reset_index()
    for position, fields in enumerate(changes.values()):
        for field, value in fields.items():
            after.at[position, field] = value
    missing = progress.missing_reasons(after)
    if missing:
        flash(t("reason_required", lang, recs=_listed(missing)), "error")  # edits stay in the table
        return
    try:
        store().save_many(edits, st.session_state[EDITOR_KEY])
    except (StaleEditError, EditError) as exc:
        flash(_said(exc, lang), "error")
        return
    except StoreFault as exc:
        flash(_save_failed(exc, lang), "error")
        return
    _bulk_reset()
    prompted = progress.missing_reasons(after, "prompted")
    if prompted:
        flash(f"{t('bulk_saved', lang, n=len(edits))} "
              f"{t('reason_prompt', lang, recs=_listed(prompted))}", "warning")
    else:
        flash(t("bulk_saved", lang, n=len(edits)))


def _bulk_reset() -> None:
    st.session_state.pop(BULK_BASE_KEY, None)
    st.session_state.pop("recs_bulk", None)


def bulk_editor(recs: pd.DataFrame, titles: dict[str, str], lang: Lang) -> None:
    """Draw the bulk table editor, its id and title pinned while the other columns scroll. Its
    base versions are fixed when it is first drawn, so a colleague's later save makes ours
    stale instead of being silently overwritten."""
    if BULK_BASE_KEY not in st.session_state:
        st.session_state[BULK_BASE_KEY] = recs[["rec_id", *EDITABLE_FIELDS, "version"]].assign(
            status=recs["status"].astype(str)).reset_index(drop=True)
    base: pd.DataFrame = st.session_state[BULK_BASE_KEY]
    shown = base.assign(title=base["rec_id"].map(titles).fillna("").map(for_display))[
        ["rec_id", "title", *EDITABLE_FIELDS]]
    labels = status_labels(lang)
    st.data_editor(
        shown, key="recs_bulk", hide_index=True, width="stretch", num_rows="fixed",
        disabled=["rec_id", "title"],
        column_config={
            "rec_id": st.column_config.TextColumn("ID", pinned=True, width="small"),
            "title": st.column_config.TextColumn(t("h_rec", lang), pinned=True, width="medium"),
            "status": st.column_config.SelectboxColumn(
                t("f_status", lang), options=STATUSES, required=True,
                format_func=lambda s: labels.get(s, s)),
            "plan_section": st.column_config.TextColumn(t("plan_section", lang)),
            "responsible_unit": st.column_config.TextColumn(t("f_responsible_unit", lang)),
            "response_note": st.column_config.TextColumn(t("response_note", lang),
                                                         width="large"),
            "reason": st.column_config.TextColumn(t("reason", lang), width="large",
                                                  help=t("reason_help", lang)),
        })
    left, right = st.columns(2)
    left.button(t("bulk_save", lang), key="recs_bulk_save", on_click=_bulk_save, args=(lang,),
                type="primary", icon=":material/save:")
    right.button(t("bulk_reload", lang), key="recs_bulk_reload", on_click=_bulk_reset,
                 icon=":material/refresh:")


def _field_label(field: str, lang: Lang) -> str:
    return t(FIELD_LABELS[field], lang) if field in FIELD_LABELS else field


def _value(field: str, value: str, lang: Lang) -> str:
    """Return a stored value as shown: statuses in the UI language, others as they are."""
    return status_labels(lang).get(value, value) if field == "status" else value


def _seeded(history: pd.DataFrame) -> pd.Series:
    """Which audit rows were written by seeding from the data folder."""
    return (history["editor"] == SEED_EDITOR) & (history["note"] == SEED_NOTE)


def history_table(history: pd.DataFrame, lang: Lang, titles: dict[str, str]) -> pd.DataFrame:
    """Return the history for display and export, all in the UI language: local time with
    its zone, the editor ("데이터 폴더" for rows seeded from the data), id, title, field,
    before, after and note."""
    seed = _seeded(history)
    fields = history["field"].astype(str)
    return pd.DataFrame({
        t("h_at", lang): history["at"].map(progress.local_time),
        t("h_editor", lang): history["editor"].where(~seed, t("h_seed_editor", lang)),
        "ID": history["rec_id"],
        t("h_rec", lang): history["rec_id"].map(titles).fillna(""),
        t("h_field", lang): fields.map(lambda f: _field_label(f, lang)),
        t("h_old", lang): [_value(f, v, lang) for f, v in zip(fields, history["old"],
                                                               strict=True)],
        t("h_new", lang): [_value(f, v, lang) for f, v in zip(fields, history["new"],
                                                               strict=True)],
        t("h_note", lang): history["note"].where(~seed, t("h_seed_note", lang)),
    }).reset_index(drop=True)


def history_column_config(lang: Lang) -> dict[str, object]:
    """Return column widths for the history table: titles and values get room to be read."""
    return {t("h_at", lang): st.column_config.TextColumn(width="medium"),
            t("h_rec", lang): st.column_config.TextColumn(width="medium"),
            t("h_old", lang): st.column_config.TextColumn(width="medium"),
            t("h_new", lang): st.column_config.TextColumn(width="medium")}


def history_by_rec(history: pd.DataFrame, lang: Lang, rec_ids: list[str]) -> dict[str, str]:
    """Return rec_id -> its history as an escaped HTML table of two columns (when and who;
    what changed), one row per save, newest first, in the UI language (the card it sits in
    names the recommendation)."""
    mine = history[history["rec_id"].isin(rec_ids)]
    seed = _seeded(mine)
    blank = t("h_blank", lang)
    out: dict[str, list[tuple[str, str]]] = {}
    rows = zip(mine.to_dict("records"), seed, strict=True)
    for (rec_id, at, editor, _), group in itertools.groupby(
            rows, key=lambda r: (r[0]["rec_id"], r[0]["at"], r[0]["editor"], r[0]["version"])):
        entries = sorted(group, key=lambda r: EDITABLE_FIELDS.index(r[0]["field"])
                         if r[0]["field"] in EDITABLE_FIELDS else len(EDITABLE_FIELDS))
        lines, note, seeded = [], "", False
        for row, is_seed in entries:
            field = row["field"]
            old = _value(field, row["old"], lang) or blank
            new = _value(field, row["new"], lang) or blank
            seeded = seeded or bool(is_seed)
            lines.append(f"{_field_label(field, lang)}: {new}" if is_seed
                         else f"{_field_label(field, lang)}: {old} → {new}")
            note = row["note"]
        if seeded:
            lines.append(f"({t('h_seed_note', lang)})")
        elif note:
            lines.append(f"{t('h_note', lang)}: {note}")
        who = t("h_seed_editor", lang) if seeded else editor
        out.setdefault(rec_id, []).append((f"{progress.local_time(at)}\n{who}",
                                           "\n".join(lines)))
    header = [t("h_when_who", lang), t("h_change", lang)]
    return {rec_id: render.table(header, found) for rec_id, found in out.items()}


def history_csv(lang: Lang, titles: dict[str, str]) -> bytes:
    """Return the whole change history as CSV for Excel."""
    return export.to_excel_csv(history_table(history(), lang, titles))


def orphans_table(state: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Return the state rows of recommendations no longer in the data, for display: id,
    status, plan section, responsible unit, response, reason, last saved (local time) and by
    whom, headed in the UI language."""
    rows = state[state["orphaned"]] if len(state) else state
    return pd.DataFrame({
        "ID": rows["rec_id"],
        t("f_status", lang): rows["status"].map(lambda s: _value("status", s, lang)),
        **{_field_label(f, lang): rows.get(f, "") for f in TEXT_FIELDS},
        t("h_updated", lang): rows["updated_at"].map(progress.local_time),
        t("h_editor", lang): rows["updated_by"],
    }).reset_index(drop=True)


def _take_snapshot(lang: str) -> None:
    name = (st.session_state.get("recs_snapshot_name") or "").strip()
    try:
        store().take_snapshot(name, st.session_state.get(EDITOR_KEY) or "")
    except EditError as exc:
        flash(_said(exc, lang), "error")
        return
    except StoreFault as exc:
        flash(_save_failed(exc, lang), "error")
        return
    st.session_state.pop("recs_snapshot_name", None)
    flash(t("snapshot_taken", lang, name=name))


def snapshots_table(snaps: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Return the snapshot list for display: name, when taken (local time), editor, number of
    recommendations, headed in the UI language."""
    return pd.DataFrame({t("sn_name", lang): snaps["name"],
                         t("sn_taken", lang): snaps["taken_at"].map(progress.local_time),
                         t("h_editor", lang): snaps["editor"],
                         t("sn_items", lang): snaps["n_items"]}).reset_index(drop=True)


def compare_table(compared: pd.DataFrame, lang: Lang, titles: dict[str, str]) -> pd.DataFrame:
    """Return a snapshot comparison for display: id, title, status before and after, the
    reason recorded after and the change, all in the UI language."""
    labels = status_labels(lang)
    return pd.DataFrame({
        "ID": compared["rec_id"],
        t("h_rec", lang): compared["rec_id"].map(titles).fillna(""),
        t("c_before", lang): compared["status_before"].map(lambda s: labels.get(s, s)),
        t("c_after", lang): compared["status_after"].map(lambda s: labels.get(s, s)),
        t("c_reason", lang): compared["reason_after"],
        t("c_change", lang): compared["change"].map(lambda c: t(f"change_{c}", lang)),
    }).reset_index(drop=True)


SHOWN_CHANGES = ("newly_reflected", "decided_not", "regressed", "reopened", "unchanged")


def snapshot_controls(lang: Lang, gate: Gate, titles: dict[str, str]) -> None:
    """Draw snapshot taking (editors, without opening anything else; a hint while the name is
    missing) and the list and comparison of snapshots (everyone)."""
    if gate == "on":
        left, right = st.columns([3, 2], vertical_alignment="bottom")
        left.text_input(t("snapshot_name", lang), key="recs_snapshot_name",
                        placeholder="최종보고회")
        right.button(t("snapshot_take", lang), key="recs_snapshot_take",
                     on_click=_take_snapshot, args=(lang,), icon=":material/photo_camera:")
    elif gate == "name":
        st.html(render.caption(t("snapshot_need_name", lang)))
    snaps = snapshots()
    if len(snaps):
        st.dataframe(export.plain_table(snapshots_table(snaps, lang)), hide_index=True,
                     key="recs_snapshot_list", width="stretch")
    if len(snaps) < 2:
        st.html(render.caption(t("snapshot_none", lang)))
        return
    names = snaps["name"].tolist()
    left, right = st.columns(2)
    before = left.selectbox(t("snapshot_before", lang), names, index=len(names) - 2,
                            key="recs_snapshot_before")
    after = right.selectbox(t("snapshot_after", lang), names, index=len(names) - 1,
                            key="recs_snapshot_after")
    compared = _read(lambda s: s.compare(before, after), COMPARE_COLUMNS)
    tallies = compared["change"].value_counts()
    shown = [c for c in (*SHOWN_CHANGES, "added", "removed")
             if c in SHOWN_CHANGES or tallies.get(c, 0)]
    for col, change in zip(st.columns(len(shown)), shown, strict=True):
        col.metric(t(f"change_{change}", lang), int(tallies.get(change, 0)), border=True)
    st.html(render.caption(t("compare_rule", lang)))
    still = int((compared["status_after"] == "검토중").sum())
    st.html(render.caption(t("snapshot_open_after", lang, name=after, n=still)))
    table = export.plain_table(compare_table(compared, lang, titles))
    st.dataframe(table, hide_index=True, width="stretch", key="recs_snapshot_compare",
                 column_config={t("h_rec", lang): st.column_config.TextColumn(width="medium"),
                                t("c_reason", lang): st.column_config.TextColumn(
                                    width="medium")})

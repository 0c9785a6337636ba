"""The checklist state in the UI: the store (synced once per data version), who may edit, and
the single, bulk, snapshot and history controls of the recommendations page."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pandas as pd
import streamlit as st

from se_dashboard import checklist, export
from se_dashboard.access import PASSCODE_ENV, Access, access_for
from se_dashboard.contract import STATUSES
from se_dashboard.labels import t
from se_dashboard.loader import Dataset
from se_dashboard.store import EDITABLE_FIELDS, Edit, EditError, StaleEditError, Store, state_path

from . import render

EDITOR_KEY = "sed_editor"
UNLOCKED_KEY = "sed_unlocked"
FLASH_KEY = "sed_flash"
BULK_BASE_KEY = "recs_bulk_base"
TEXT_FIELDS = ("plan_section", "responsible_unit", "response_note")


def server_address() -> str | None:
    """Return the address the server is bound to (Streamlit's server.address option)."""
    return st.get_option("server.address")


def configured_passcode() -> str | None:
    """Return the edit passcode from $SE_DASHBOARD_EDIT_PASSCODE or st.secrets, if any."""
    passcode = os.environ.get(PASSCODE_ENV)
    if passcode:
        return passcode
    try:
        return st.secrets.get("edit_passcode")
    except (FileNotFoundError, st.errors.StreamlitSecretNotFoundError):
        return None


def access() -> Access:
    """Return this server's editing mode."""
    return access_for(configured_passcode(), server_address())


@st.cache_resource(show_spinner=False, max_entries=8)
def _store_at(path: str) -> Store:
    """One Store per database file (it holds only its path; opening checks the schema)."""
    return Store(Path(path))


def store() -> Store:
    """Return the checklist store of this server ($SE_DASHBOARD_STATE or state/)."""
    return _store_at(str(state_path()))


@st.cache_resource(show_spinner=False, max_entries=8)
def _synced(state_file: str, fingerprint: str, _recommendations: pd.DataFrame) -> None:
    """Seed the store with the data folder's recommendations, once per state file and data."""
    del fingerprint
    Store(Path(state_file)).sync(_recommendations)


def with_state(dataset: Dataset) -> tuple[Dataset, pd.DataFrame, str | None]:
    """Return the dataset with the stored checklist state, the full state (orphans included)
    and an error message when the state file cannot be used (then data statuses are kept)."""
    try:
        current = store()
        _synced(str(current.path), dataset.fingerprint, dataset.recommendations)
        state = current.checklist()
    except (sqlite3.Error, OSError) as exc:  # a broken state file must not stop the app
        return dataset, pd.DataFrame(), str(exc)
    return checklist.with_state(dataset, state), state, None


def flash(message: str, kind: str = "success", rec_id: str = "") -> None:
    """Keep a message for the next run of the page (shown next to `rec_id`, or at the top)."""
    st.session_state[FLASH_KEY] = (kind, message, rec_id)


def show_flash(rec_id: str = "") -> None:
    """Show the pending message if it belongs here, then forget it."""
    pending = st.session_state.get(FLASH_KEY)
    if pending and pending[2] == rec_id:
        kind, message, _ = st.session_state.pop(FLASH_KEY)
        (st.success if kind == "success" else st.error)(message)


def can_edit(lang: str) -> bool:
    """Draw the editing gate (read-only notice, passcode, editor name); True when edits are on."""
    mode = access()
    if mode.mode == "read_only":
        st.info(t("read_only", lang), icon=":material/lock:")
        return False
    if mode.mode == "passcode" and not st.session_state.get(UNLOCKED_KEY):
        with st.form("recs_unlock_form"):
            attempt = st.text_input(t("passcode", lang), type="password", key="recs_passcode")
            if st.form_submit_button(t("unlock", lang)):
                if mode.unlocks(attempt):
                    st.session_state[UNLOCKED_KEY] = True
                    st.rerun()
                st.error(t("wrong_passcode", lang))
        return False
    name = st.text_input(t("editor_name", lang), key="recs_editor_name",
                         value=st.session_state.get(EDITOR_KEY, ""))
    st.session_state[EDITOR_KEY] = name.strip()
    if not name.strip():
        st.caption(t("editor_needed", lang))
        return False
    return True


def _form_key(rec_id: str, field: str) -> str:
    return f"recs_form_{rec_id}_{field}"


def _save_one(rec_id: str, version: int, lang: str) -> None:
    changes = {f: (st.session_state[_form_key(rec_id, f)] or "").strip()
               for f in EDITABLE_FIELDS}
    note = (st.session_state.get(_form_key(rec_id, "note")) or "").strip()
    try:
        new_version = store().save(rec_id, changes, version, st.session_state[EDITOR_KEY], note)
    except (StaleEditError, EditError) as exc:
        flash(str(exc), "error", rec_id)
        return
    for field in (*EDITABLE_FIELDS, "note"):
        st.session_state.pop(_form_key(rec_id, field), None)  # re-seed from the saved state
    if new_version == version:
        flash(t("nothing_changed", lang), "success", rec_id)
    else:
        flash(t("saved", lang, rec=rec_id, version=new_version), "success", rec_id)


def edit_form(rec: pd.Series | object, lang: str, status_labels: dict[str, str]) -> None:
    """Draw the edit form of one recommendation; saving checks the version it was drawn with."""
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
        st.text_area(t("f_response_note", lang), value=rec.response_note,
                     key=_form_key(rec_id, "response_note"))
        st.form_submit_button(t("save", lang), on_click=_save_one, args=(rec_id, version, lang),
                              type="primary", icon=":material/save:")


def _bulk_save(lang: str) -> None:
    base: pd.DataFrame = st.session_state[BULK_BASE_KEY]
    edited = st.session_state.get("recs_bulk", {}).get("edited_rows", {})
    changes = checklist.changed_fields(base, edited, EDITABLE_FIELDS)
    versions = base.set_index("rec_id")["version"]
    edits = [Edit(rec_id, fields, int(versions[rec_id])) for rec_id, fields in changes.items()]
    if not edits:
        flash(t("nothing_changed", lang))
        return
    try:
        store().save_many(edits, st.session_state[EDITOR_KEY])
    except (StaleEditError, EditError) as exc:
        flash(str(exc), "error")
        return
    _bulk_reset()
    flash(t("bulk_saved", lang, n=len(edits)))


def _bulk_reset() -> None:
    st.session_state.pop(BULK_BASE_KEY, None)
    st.session_state.pop("recs_bulk", None)


def bulk_editor(recs: pd.DataFrame, titles: dict[str, str], lang: str) -> None:
    """Draw the bulk table editor. Its base versions are fixed when it is first drawn, so a
    colleague's later save makes ours stale instead of being silently overwritten."""
    if BULK_BASE_KEY not in st.session_state:
        st.session_state[BULK_BASE_KEY] = recs[["rec_id", *EDITABLE_FIELDS, "version"]].assign(
            status=recs["status"].astype(str)).reset_index(drop=True)
    base: pd.DataFrame = st.session_state[BULK_BASE_KEY]
    shown = base.assign(title=base["rec_id"].map(titles))[
        ["rec_id", "title", *EDITABLE_FIELDS]]
    st.data_editor(
        shown, key="recs_bulk", hide_index=True, width="stretch", num_rows="fixed",
        disabled=["rec_id", "title"],
        column_config={
            "rec_id": "ID", "title": t("checklist", lang),
            "status": st.column_config.SelectboxColumn(t("f_status", lang), options=STATUSES,
                                                       required=True),
            "plan_section": t("plan_section", lang),
            "responsible_unit": t("responsible_unit", lang),
            "response_note": st.column_config.TextColumn(t("response_note", lang), width="large"),
        })
    left, right = st.columns(2)
    left.button(t("bulk_save", lang), key="recs_bulk_save", on_click=_bulk_save, args=(lang,),
                type="primary", icon=":material/save:")
    right.button(t("bulk_reload", lang), key="recs_bulk_reload", on_click=_bulk_reset,
                 icon=":material/refresh:")


def history_table(history: pd.DataFrame, lang: str, titles: dict[str, str]) -> pd.DataFrame:
    """Return the history with readable column names for display and export."""
    table = history[["at", "editor", "rec_id", "field", "old", "new", "note"]].copy()
    table.insert(3, "title", table["rec_id"].map(titles).fillna(""))
    table.columns = [t("h_at", lang), t("h_editor", lang), "ID", t("h_rec", lang),
                     t("h_field", lang), t("h_old", lang), t("h_new", lang), t("h_note", lang)]
    return table


def history_by_rec(history: pd.DataFrame, lang: str, titles: dict[str, str],
                   rec_ids: list[str]) -> dict[str, str]:
    """Return rec_id -> its history as an escaped HTML table, for the given recommendations."""
    table = history_table(history[history["rec_id"].isin(rec_ids)], lang, titles)
    rows: dict[str, list] = {}
    for row in table.itertuples(index=False):
        rows.setdefault(row[2], []).append(row)  # column 2 is the recommendation id
    return {rec_id: render.table(list(table.columns), found) for rec_id, found in rows.items()}


def history_csv(lang: str, titles: dict[str, str]) -> bytes:
    """Return the whole change history as CSV for Excel."""
    return export.to_excel_csv(history_table(store().history(), lang, titles))


def _take_snapshot(lang: str) -> None:
    name = (st.session_state.get("recs_snapshot_name") or "").strip()
    try:
        store().take_snapshot(name, st.session_state.get(EDITOR_KEY) or "")
    except EditError as exc:
        flash(str(exc), "error")
        return
    st.session_state.pop("recs_snapshot_name", None)
    flash(t("snapshot_taken", lang, name=name))


def snapshot_controls(lang: str, editable: bool) -> None:
    """Draw snapshot taking (editors) and the comparison of two snapshots (everyone)."""
    if editable:
        left, right = st.columns([3, 2], vertical_alignment="bottom")
        left.text_input(t("snapshot_name", lang), key="recs_snapshot_name",
                        placeholder="최종보고회")
        right.button(t("snapshot_take", lang), key="recs_snapshot_take",
                     on_click=_take_snapshot, args=(lang,), icon=":material/photo_camera:")
    snaps = store().snapshots()
    if len(snaps) < 2:
        st.caption(t("snapshot_none", lang))
        if len(snaps):
            st.dataframe(snaps, hide_index=True, key="recs_snapshot_list")
        return
    names = snaps["name"].tolist()
    left, right = st.columns(2)
    before = left.selectbox(t("snapshot_before", lang), names, index=len(names) - 2,
                            key="recs_snapshot_before")
    after = right.selectbox(t("snapshot_after", lang), names, index=len(names) - 1,
                            key="recs_snapshot_after")
    compared = store().compare(before, after)
    tallies = compared["change"].value_counts()
    cols = st.columns(4)
    for col, change in zip(cols, ("newly_reflected", "still_open", "regressed", "unchanged"),
                           strict=True):
        col.metric(t(f"change_{change}", lang), int(tallies.get(change, 0)), border=True)
    st.dataframe(compared.assign(change=compared["change"].map(lambda c: t(f"change_{c}", lang))),
                 hide_index=True, width="stretch", key="recs_snapshot_compare")

"""The import page's UI: who may import (the checklist's editing rule), reading a minutes file
or pasted text once per content, naming the meeting, correcting the speakers and turns found,
saving it all as a new version of the data folder, and switching between versions.

The import lives in session state under `import_` keys: the parsed document (keyed by a hash of
its bytes, so a file is read once, not on every rerun), the plan made from it for the meeting
named (made again only when the name, date or data change) and the corrections, kept as a list
and replayed on the plan, so that renaming the meeting keeps them."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import date

import pandas as pd
import streamlit as st
from streamlit.logger import get_logger

from se_dashboard.analysis.filters import Filters
from se_dashboard.data import loader, versions
from se_dashboard.data.contract import UNTYPED_ORG_TYPE
from se_dashboard.data.loader import Dataset
from se_dashboard.data.problems import DataError
from se_dashboard.data.text import for_display
from se_dashboard.intake import documents, write
from se_dashboard.intake import plan as planning
from se_dashboard.intake.documents import IntakeError
from se_dashboard.intake.plan import ImportPlan
from se_dashboard.intake.template import template_xlsx
from se_dashboard.intake.turns import Found, Note, find_turns
from se_dashboard.present.labels import t
from se_dashboard.present.vocab import Lang

from . import checklist_edit, render, state

LOG = get_logger("se_dashboard.import")
UPLOAD_TYPES = ("txt", "md", "docx", "hwpx", "xlsx", "csv", "hwp")
MAX_UPLOAD_MB = max(1, documents.MAX_FILE_BYTES // (1024 * 1024))
PASTED_NAME = "붙여넣은-회의록.txt"  # pasted text is read as a text file of this name
TEMPLATE_NAME = "회의록-양식.xlsx"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
TEXT_PREVIEW = 60  # characters of a turn shown in the reassignment list

# Session keys of the import (all page-prefixed).
GEN_KEY = "import_gen"  # part of the uploader's key: a new one starts an import afresh
USE_KEY = "import_use"  # "file" or "paste": the input given last
PASTE_KEY = "import_paste_text"  # the text area
PASTED_KEY = "import_pasted"  # the pasted text as read (the text area may change after)
PASTE_EMPTY_KEY = "import_paste_empty"  # "read" was pressed with nothing pasted
PARSED_KEY = "import_parsed"  # the Parsed input
PLAN_KEY = "import_plan"  # (what it was made from, the plan before corrections)
EDITS_KEY = "import_edits"  # the corrections, in order
REV_KEY = "import_rev"  # part of the speaker table's key: bumped after each correction tried
NOTE_KEY = "import_note"  # the outcome of the last correction: (kind, text)
SAVE_ERROR_KEY = "import_save_error"  # why the last save failed: (text, report)
TITLE_KEY, TITLE_EN_KEY, DATE_KEY = "import_title", "import_title_en", "import_date"
TURN_KEY, TARGET_KEY = "import_reassign_turn", "import_reassign_to"
IMPORT_KEYS = (USE_KEY, PASTE_KEY, PASTED_KEY, PASTE_EMPTY_KEY, PARSED_KEY, PLAN_KEY, EDITS_KEY,
               NOTE_KEY, SAVE_ERROR_KEY, TITLE_KEY, TITLE_EN_KEY, DATE_KEY, TURN_KEY, TARGET_KEY)
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)

# --- who may import, messages, the versions ---------------------------------------------------

FLASH_KEY = "import_flash"
PENDING_SWITCH_KEY = "import_switch_pending"
SWITCH_CHOICE_KEY = "import_switch_choice"
BASE_OPTION = ""  # the version selectbox's value for the base folder (no version is named "")
# Why a session is read-only, as the checklist's label keys say it.
READ_ONLY_KEYS = {"network": "read_only", "not_local": "read_only_not_local",
                  "blank_passcode": "blank_passcode"}


def flash(kind: str, text: str, link: tuple[str, str] | None = None) -> None:
    """Keep a message (and an optional (meeting id, title) to link to) for the next run."""
    st.session_state[FLASH_KEY] = (kind, text, link)


def show_flash(lang: Lang) -> None:
    """Show the pending message, with its link to the overview of the new meeting, once."""
    pending = st.session_state.pop(FLASH_KEY, None)
    if not pending:
        return
    kind, text, link = pending
    st.html(render.notice(kind, text))
    if link:
        meeting_id, title = link
        params = {**state.query_params(), "mt": meeting_id}
        st.page_link("app.py", label=t("import_open_meeting", lang, title=title),
                     query_params=params, icon=":material/arrow_forward:")


def may_import(lang: Lang) -> bool:
    """Return whether this session may import and switch versions: the checklist's editing rule
    (checklist_edit.access). Otherwise say why, or ask for the passcode."""
    mode = checklist_edit.access()
    if mode.mode == "read_only":
        reason = t(READ_ONLY_KEYS[mode.reason], lang, port=checklist_edit.server_port())
        st.html(render.notice("info", f"{t('import_read_only', lang)} {reason}"))
        return False
    if mode.mode == "passcode" and not st.session_state.get(checklist_edit.UNLOCKED_KEY):
        st.html(render.caption(t("import_read_only", lang)))
        with st.form("import_unlock_form"):
            attempt = st.text_input(t("passcode", lang), type="password", key="import_passcode")
            if st.form_submit_button(t("unlock", lang)):
                checklist_edit.unlock(mode, attempt, lang)  # the checklist's own passcode check
        return False
    return True


def _created(iso: str) -> str:
    """Return an ISO time to the minute, for reading ("2026-11-28 14:15")."""
    return iso.replace("T", " ")[:16]


def _ask_switch(choice_key: str) -> None:
    st.session_state[PENDING_SWITCH_KEY] = st.session_state.get(choice_key, BASE_OPTION)


def _cancel_switch() -> None:
    st.session_state.pop(PENDING_SWITCH_KEY, None)


def _switch(name: str, shown: str, lang: Lang) -> None:
    """Switch the configured folder to version `name` (BASE_OPTION: the base itself)."""
    st.session_state.pop(PENDING_SWITCH_KEY, None)
    try:
        versions.switch(loader.base_folder(), name or None)
    except (ValueError, OSError) as exc:
        flash("error", t("import_v_switch_failed", lang, why=str(exc)))
        return
    flash("success", t("import_v_switched", lang, name=shown))


def versions_section(lang: Lang, editable: bool) -> None:
    """List the versions of the configured folder (newest first, then the base) with the one in
    use marked; editors may switch to any of them after a confirmation."""
    st.header(t("import_versions", lang))
    st.html(render.caption(t("import_versions_help", lang)))
    base = loader.base_folder()
    listed = versions.list_versions(base)
    current = versions.current_name(base)
    names = {v.name: for_display(v.label or v.name) for v in listed}
    names[BASE_OPTION] = t("import_v_base", lang)
    shown = names.get(current or BASE_OPTION, t("import_v_base", lang))
    st.html(render.label_line(t("import_v_in_use", lang, name=shown)))
    if not listed:
        st.html(render.caption(t("import_v_none", lang)))
    current_col, label_col, created_col, folder_col = (
        t(key, lang) for key in ("import_v_current", "import_v_label", "import_v_created",
                                 "import_v_folder"))
    rows = [{current_col: "✓" if v.current else "", label_col: names[v.name],
             created_col: _created(v.created), folder_col: v.name} for v in listed]
    rows.append({current_col: "" if current else "✓", label_col: t("import_v_base", lang),
                 created_col: "", folder_col: base.name})  # no server path for visitors
    st.dataframe(rows, hide_index=True, key="import_versions_table")
    if not editable:
        return
    options = list(names)
    left, right = st.columns([3, 2], vertical_alignment="bottom")
    left.selectbox(t("import_v_switch_to", lang), options, key=SWITCH_CHOICE_KEY,
                   format_func=lambda name: (f"{names[name]} · {name}" if name else names[name]))
    right.button(t("import_v_switch", lang), key="import_switch", on_click=_ask_switch,
                 args=(SWITCH_CHOICE_KEY,), icon=":material/swap_horiz:")
    pending = st.session_state.get(PENDING_SWITCH_KEY)
    if pending is None:
        return
    if pending not in names:
        _cancel_switch()
        return
    if pending == (current or BASE_OPTION):
        st.html(render.notice("info", t("import_v_already", lang)))
        _cancel_switch()
        return
    st.html(render.notice("warning", t("import_v_confirm", lang, name=names[pending])))
    yes, no, _ = st.columns([1, 1, 3])
    yes.button(t("import_v_confirm_yes", lang), key="import_switch_yes", type="primary",
               on_click=_switch, args=(pending, names[pending], lang))
    no.button(t("import_v_cancel", lang), key="import_switch_no", on_click=_cancel_switch)


# --- reading the minutes ----------------------------------------------------------------------

@dataclass(frozen=True)
class Parsed:
    """An input read: its content hash and name, and the turns found or why there are none
    ((Korean, English))."""

    digest: str
    name: str
    found: Found | None
    error: tuple[str, str] | None = None


def said(exc: IntakeError, lang: Lang) -> str:
    """Return an intake message in the UI language."""
    return exc.en if lang == "en" else exc.ko


def digest_of(data: bytes, name: str) -> str:
    """Return the hash that keys an input: its name and bytes."""
    return hashlib.sha256(name.encode("utf-8") + b"\0" + data).hexdigest()


def read_minutes(data: bytes, name: str) -> Parsed:
    """Read uploaded or pasted minutes into their turns. Never raises: an unreadable input
    comes back with the intake's message (an unexpected failure is logged and said so)."""
    digest = digest_of(data, name)
    try:
        return Parsed(digest, name, find_turns(documents.read_document(data, name)))
    except IntakeError as exc:
        return Parsed(digest, name, None, (exc.ko, exc.en))
    except Exception as exc:  # a reader's bug on a strange file must not show a traceback
        LOG.exception("reading uploaded minutes %r failed", name)
        return Parsed(digest, name, None, (
            f"{name}: 파일을 읽지 못했습니다({type(exc).__name__}). 원본 프로그램에서 다시 "
            "저장하거나 본문을 복사해 붙여 넣어 주세요.",
            f"{name}: the file could not be read ({type(exc).__name__}). Save it again in the "
            "program that made it, or copy its text and paste it."))


def _parsed(data: bytes, name: str, lang: Lang) -> Parsed:
    """Return the input read, reading it only when its content is new to this session (a new
    input also drops the corrections made to the previous one)."""
    held: Parsed | None = st.session_state.get(PARSED_KEY)
    if held is not None and held.digest == digest_of(data, name):
        return held
    with st.spinner(t("import_parsing", lang)):
        parsed = read_minutes(data, name)
    st.session_state[PARSED_KEY] = parsed
    st.session_state[EDITS_KEY] = []
    for key in (PLAN_KEY, NOTE_KEY, SAVE_ERROR_KEY, TURN_KEY, TARGET_KEY):
        st.session_state.pop(key, None)
    return parsed


def _use(kind: str) -> None:
    st.session_state[USE_KEY] = kind


def _read_paste() -> None:
    text = (st.session_state.get(PASTE_KEY) or "").strip()
    if not text:
        st.session_state[PASTE_EMPTY_KEY] = True
        return
    st.session_state[PASTED_KEY] = text
    _use("paste")


def clear_import() -> None:
    """Forget the import in progress (input, meeting, corrections); a fresh uploader."""
    for key in IMPORT_KEYS:
        st.session_state.pop(key, None)
    st.session_state[GEN_KEY] = st.session_state.get(GEN_KEY, 0) + 1
    st.session_state[REV_KEY] = st.session_state.get(REV_KEY, 0) + 1


def source_step(lang: Lang) -> Parsed | None:
    """Draw step 1 (upload, paste, template); return the input read, if any."""
    st.header(t("import_step_source", lang))
    gen = st.session_state.get(GEN_KEY, 0)
    uploaded = st.file_uploader(
        t("import_upload", lang), type=list(UPLOAD_TYPES), key=f"import_upload_{gen}",
        help=t("import_upload_help", lang, mb=MAX_UPLOAD_MB), max_upload_size=MAX_UPLOAD_MB,
        on_change=_use, args=("file",))
    st.html(render.caption(t("import_limit", lang, mb=MAX_UPLOAD_MB)))
    with st.expander(t("import_paste", lang), icon=":material/content_paste:",
                     expanded=st.session_state.get(USE_KEY) == "paste"):
        st.text_area(t("import_paste", lang), key=PASTE_KEY, height=220,
                     help=t("import_paste_help", lang), label_visibility="collapsed",
                     placeholder=t("import_paste_help", lang))
        st.button(t("import_paste_read", lang), key="import_paste_read", on_click=_read_paste,
                  icon=":material/input:")
    st.download_button(t("import_template", lang), template_xlsx, file_name=TEMPLATE_NAME,
                       mime=XLSX_MIME, key="import_template", on_click="ignore",
                       help=t("import_template_help", lang), icon=":material/download:")
    if st.session_state.pop(PASTE_EMPTY_KEY, False):
        st.html(render.notice("warning", t("import_paste_empty", lang)))
    use = st.session_state.get(USE_KEY) or ("file" if uploaded is not None else None)
    if use == "paste" and st.session_state.get(PASTED_KEY):
        return _parsed(st.session_state[PASTED_KEY].encode("utf-8"), PASTED_NAME, lang)
    if use == "file" and uploaded is not None:
        return _parsed(uploaded.getvalue(), uploaded.name, lang)
    return None


# --- the meeting and the plan -----------------------------------------------------------------

@dataclass(frozen=True)
class MeetingName:
    """What the user named the meeting: its id (the Korean name), English title, date."""

    meeting_id: str
    title_en: str
    day: str


def meeting_step(lang: Lang, dataset: Dataset) -> MeetingName | None:
    """Draw step 2; return the meeting named, or None (with why) when it cannot be used yet."""
    st.header(t("import_step_meeting", lang))
    left, middle, right = st.columns([5, 5, 3])
    title = left.text_input(t("import_title_ko", lang), key=TITLE_KEY,
                            max_chars=planning.MAX_MEETING_ID_CHARS)
    title_en = middle.text_input(t("import_title_en", lang), key=TITLE_EN_KEY,
                                 help=t("import_title_en_help", lang),
                                 max_chars=planning.MAX_MEETING_ID_CHARS)
    day = right.date_input(t("import_date", lang), value=None, key=DATE_KEY,
                           min_value=EARLIEST, max_value=LATEST, format="YYYY-MM-DD")
    meeting_id = " ".join((title or "").split())
    if not meeting_id:
        st.html(render.notice("info", t("import_meeting_needed", lang)))
        return None
    if meeting_id in dataset.meeting_ids:
        st.html(render.notice("error", t("import_meeting_exists", lang, name=meeting_id)))
        return None
    return MeetingName(meeting_id, " ".join((title_en or "").split()),
                       day.isoformat() if isinstance(day, date) else "")


def apply_edit(plan: ImportPlan, edit: tuple) -> ImportPlan:
    """Return the plan with one correction made: ("speaker", name, {field: value}) or
    ("reassign", turn index, speaker). IntakeError when the plan refuses it."""
    if edit[0] == "speaker":
        return planning.set_speaker(plan, edit[1], **edit[2])
    return planning.reassign_turn(plan, edit[1], edit[2])


def replay(plan: ImportPlan, edits: list[tuple]) -> ImportPlan:
    """Return the plan with the corrections made in order (one it no longer takes is left
    out, e.g. for a speaker the data now knows)."""
    for edit in edits:
        try:
            plan = apply_edit(plan, edit)
        except IntakeError:
            continue
    return plan


def current_plan(parsed: Parsed, meeting: MeetingName, dataset: Dataset,
                 lang: Lang) -> ImportPlan | None:
    """Return the plan of the input for the meeting named, with the corrections made; made
    (sentence splitting included) only when the input, the meeting or the data changed."""
    made_from = (parsed.digest, meeting, dataset.fingerprint)
    held = st.session_state.get(PLAN_KEY)
    if held is None or held[0] != made_from:
        try:
            with st.spinner(t("import_parsing", lang)):
                plan = planning.plan_import(dataset, parsed.found, meeting.meeting_id,
                                            meeting.meeting_id, meeting.title_en, meeting.day)
        except IntakeError as exc:
            st.html(render.notice("error", said(exc, lang)))
            return None
        held = (made_from, plan)
        st.session_state[PLAN_KEY] = held
    return replay(held[1], st.session_state.get(EDITS_KEY, []))


def _correct(plan: ImportPlan, edits: list[tuple], lang: Lang) -> None:
    """Try corrections on the plan; keep those it takes, say why about one it refuses; then
    draw the page again with fresh tables."""
    kept = list(st.session_state.get(EDITS_KEY, []))
    note = ("success", t("import_corrected", lang))
    for edit in edits:
        try:
            plan = apply_edit(plan, edit)
        except IntakeError as exc:
            note = ("error", t("import_correct_failed", lang, why=said(exc, lang)))
            continue
        kept.append(edit)
        if edit[0] == "reassign" and note[0] == "success":
            note = ("success", t("import_reassigned", lang, n=edit[1] + 1, name=edit[2]))
    st.session_state[EDITS_KEY] = kept
    st.session_state[NOTE_KEY] = note
    st.session_state[REV_KEY] = st.session_state.get(REV_KEY, 0) + 1
    st.rerun()


# --- step 3: what was found, and corrections --------------------------------------------------

def type_labels(plan: ImportPlan, lang: Lang) -> dict[str, str]:
    """Return org type id -> its label in `lang` (made unique with the id if two share one)."""
    column = 1 if lang == "ko" else 2
    counts = Counter(row[column] for row in plan.org_types)
    return {row[0]: for_display(row[column]) + (f" ({row[0]})" if counts[row[column]] > 1 else "")
            for row in plan.org_types}


def speaker_frame(plan: ImportPlan, labels: dict[str, str]) -> pd.DataFrame:
    """Return the speakers with turns as the correction table shows them."""
    return pd.DataFrame([{
        "speaker": for_display(s.speaker.name), "organization": s.speaker.organization,
        "role": s.speaker.role, "org_type": labels[s.speaker.org_type],
        "known": s.speaker.known, "turns": s.n_turns, "excerpts": s.n_excerpts}
        for s in plan.speakers],
        columns=["speaker", "organization", "role", "org_type", "known", "turns", "excerpts"])


def _cell(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def speaker_edits(plan: ImportPlan, shown: pd.DataFrame, edited: pd.DataFrame,
                  labels: dict[str, str]) -> list[tuple]:
    """Return the corrections the table's edits ask for: ("speaker", name, changes), with an
    org type label mapped back to its id (a cleared type cell asks nothing)."""
    ids = {label: org_type for org_type, label in labels.items()}
    edits = []
    for i, summary in enumerate(plan.speakers):
        changes: dict[str, str] = {}
        for column in ("organization", "role"):
            value = _cell(edited.at[i, column])
            if value != shown.at[i, column]:
                changes[column] = value
        label = _cell(edited.at[i, "org_type"])
        if label != shown.at[i, "org_type"] and label in ids:
            changes["org_type"] = ids[label]
        if changes:
            edits.append(("speaker", summary.speaker.name, changes))
    return edits


def speakers_editor(plan: ImportPlan, lang: Lang) -> None:
    """Draw the per-speaker table: organization, role and type (chosen from the labels)."""
    st.subheader(t("import_speakers", lang))
    st.html(render.caption(t("import_speakers_help", lang)))
    labels = type_labels(plan, lang)
    shown = speaker_frame(plan, labels)
    column = st.column_config
    edited = st.data_editor(
        shown, key=f"import_speakers_{st.session_state.get(REV_KEY, 0)}", hide_index=True,
        width="stretch", num_rows="fixed",
        disabled=["speaker", "known", "turns", "excerpts"],
        column_config={
            "speaker": column.TextColumn(t("import_col_speaker", lang), pinned=True),
            "organization": column.TextColumn(t("import_col_organization", lang),
                                              required=True, max_chars=200),
            "role": column.TextColumn(t("import_col_role", lang), max_chars=200),
            "org_type": column.SelectboxColumn(t("import_col_org_type", lang),
                                               options=list(labels.values()), required=True),
            "known": column.CheckboxColumn(t("import_col_known", lang)),
            "turns": column.NumberColumn(t("import_col_turns", lang)),
            "excerpts": column.NumberColumn(t("import_col_excerpts", lang))})
    edits = speaker_edits(plan, shown, edited, labels)
    if edits:
        _correct(plan, edits, lang)
    untyped = sum(s.speaker.org_type == UNTYPED_ORG_TYPE for s in plan.speakers)
    if untyped:
        st.html(render.notice("info", t("import_untyped_note", lang, n=untyped,
                                        label=labels[UNTYPED_ORG_TYPE])))
    for ko, en in plan.differences():
        st.html(render.notice("info", en if lang == "en" else ko))


def _where(note_or_turn: Note | object, lang: Lang) -> str:
    place = note_or_turn.place
    return place.en() if lang == "en" else place.ko()


def turns_table(plan: ImportPlan, lang: Lang) -> None:
    """Show every turn with its speaker (after corrections), place, excerpts and text."""
    st.subheader(t("import_turns", lang))
    rows = [{t("import_col_no", lang): i + 1,
             t("import_col_speaker", lang): for_display(speaker),
             t("import_col_where", lang): _where(turn, lang),
             t("import_col_excerpts", lang): len(pieces),
             t("import_col_text", lang): for_display(turn.text)}
            for i, (turn, speaker, pieces) in enumerate(
                zip(plan.turns, plan.assignment, plan.excerpts, strict=True))]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch",
                 key="import_turns_table", row_height=60)


def notes_table(notes: tuple[Note, ...], lang: Lang, key: str) -> None:
    """Show text that is not in any turn: where, why, what."""
    rows = [{t("import_col_where", lang): _where(note, lang),
             t("import_col_why", lang): note.reason_en if lang == "en" else note.reason_ko,
             t("import_col_text", lang): for_display(note.text)} for note in notes]
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch", key=key)


def reassign_form(plan: ImportPlan, dataset: Dataset, lang: Lang) -> None:
    """Give a turn to another speaker: one found in the minutes or a participant of the data."""
    with st.expander(t("import_reassign", lang), icon=":material/person_search:"):
        st.html(render.caption(t("import_reassign_help", lang)))
        turns = list(range(len(plan.turns)))

        def turn_label(i: int) -> str:
            text = " ".join(plan.turns[i].text.split())
            text = text if len(text) <= TEXT_PREVIEW else text[:TEXT_PREVIEW] + "…"
            return for_display(f"{i + 1}. {plan.assignment[i]}: {text}")

        found = [s.speaker.name for s in plan.speakers]
        # A server that forces the anonymized view lists no participant of the data by name.
        known = ([] if state.anonymity_forced()
                 else [str(name) for name in dataset.participants["speaker"]])
        choices = list(dict.fromkeys([*found, *(p.name for p in plan.people), *known]))
        tags = {name: t("import_found_speaker", lang) for name in found}

        def who_label(name: str) -> str:
            tag = tags.get(name) or t("import_known_speaker", lang)
            return for_display(f"{name} · {tag}")

        left, right = st.columns(2)
        turn = left.selectbox(t("import_reassign_turn", lang), turns, key=TURN_KEY,
                              format_func=turn_label)
        who = right.selectbox(t("import_reassign_to", lang), choices, key=TARGET_KEY,
                              format_func=who_label)
        clicked = st.button(t("import_reassign_button", lang), key="import_reassign_apply",
                            icon=":material/swap_horiz:")
        if clicked and turn is not None and who and plan.assignment[turn] != who:
            _correct(plan, [("reassign", turn, who)], lang)


def turns_step(plan: ImportPlan, dataset: Dataset, lang: Lang) -> None:
    """Draw step 3: counts, the correction table, the turns, reassignment, what was left out."""
    st.header(t("import_step_turns", lang))
    st.html(render.notice("success", t("import_found", lang, speakers=len(plan.speakers),
                                       turns=len(plan.turns), excerpts=plan.n_excerpts)))
    note = st.session_state.pop(NOTE_KEY, None)
    if note:
        st.html(render.notice(*note))
    speakers_editor(plan, lang)
    turns_table(plan, lang)
    reassign_form(plan, dataset, lang)
    found = plan.found
    if found.unattributed:
        with st.expander(t("import_unattributed", lang, n=len(found.unattributed)),
                         icon=":material/help:", expanded=True):
            st.html(render.caption(t("import_unattributed_help", lang)))
            notes_table(found.unattributed, lang, "import_unattributed_table")
    if found.skipped:
        with st.expander(t("import_skipped", lang, n=len(found.skipped)),
                         icon=":material/filter_alt_off:"):
            notes_table(found.skipped, lang, "import_skipped_table")


# --- step 4: saving ---------------------------------------------------------------------------

def save_plan(plan: ImportPlan) -> versions.Version:
    """Write the active data folder plus the plan as a new version and switch to it. Raises
    DataError, IntakeError or OSError (then nothing is switched)."""
    source = loader.data_folder()
    return versions.publish(loader.base_folder(),
                            lambda out: write.write_folder(source, plan, out),
                            label=plan.meeting.title_ko)


def _save(plan: ImportPlan, lang: Lang) -> None:
    """The save button's callback: publish, then forget the import and say what was saved; or
    keep it and say why not."""
    try:
        with st.spinner(t("import_saving", lang)):
            made = save_plan(plan)
    except DataError as exc:
        st.session_state[SAVE_ERROR_KEY] = (t("import_invalid", lang), exc.report())
        return
    except IntakeError as exc:
        cause = exc.__cause__
        if isinstance(cause, DataError):
            st.session_state[SAVE_ERROR_KEY] = (t("import_invalid", lang), cause.report())
        else:
            first, _, rest = said(exc, lang).partition("\n")
            st.session_state[SAVE_ERROR_KEY] = (t("import_failed", lang, why=first), rest)
        return
    except OSError as exc:
        LOG.warning("saving an import failed: %s", exc)
        st.session_state[SAVE_ERROR_KEY] = (t("import_failed", lang, why=str(exc)), "")
        return
    meeting = plan.meeting
    clear_import()
    # The session's filters win over a link's query (they are seeded from the URL only on a
    # session's first run), so the new meeting becomes the filter the link opens with.
    state.set_filters(Filters(meetings=(meeting.meeting_id,)))
    flash("success", t("import_saved", lang, title=meeting.title_ko, n=plan.n_excerpts,
                       p=len(plan.speakers), version=made.name),
          link=(meeting.meeting_id, meeting.title_ko))


def save_step(plan: ImportPlan, lang: Lang) -> None:
    """Draw step 4: the save button, and why the last save failed."""
    st.header(t("import_step_save", lang))
    st.html(render.caption(t("import_save_help", lang)))
    left, right, _ = st.columns([2, 2, 3])
    left.button(t("import_save", lang), key="import_save", type="primary",
                icon=":material/save:", on_click=_save, args=(plan, lang))
    right.button(t("import_start_over", lang), key="import_start_over", on_click=clear_import,
                 icon=":material/restart_alt:")
    failed = st.session_state.pop(SAVE_ERROR_KEY, None)
    if failed:
        text, report = failed
        st.html(render.notice("error", text))
        if report:
            st.code(report, language=None, wrap_lines=True)


def importer(lang: Lang, dataset: Dataset) -> None:
    """Draw the import, step by step: each step appears once the one before it is done."""
    parsed = source_step(lang)
    if parsed is None:
        return
    if parsed.error:
        ko, en = parsed.error
        st.html(render.notice("error", en if lang == "en" else ko))
        return
    st.html(render.caption(t("import_read_from", lang, name=parsed.name)))
    meeting = meeting_step(lang, dataset)
    if meeting is None:
        return
    plan = current_plan(parsed, meeting, dataset, lang)
    if plan is None:
        return
    turns_step(plan, dataset, lang)
    save_step(plan, lang)

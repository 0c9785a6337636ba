"""Who said what: every participant, their excerpts, search, one person's remarks, export."""

from dataclasses import replace

import streamlit as st

from se_dashboard.analysis import counts
from se_dashboard.analysis.filters import speaker_options
from se_dashboard.data.text import for_display
from se_dashboard.present import export
from se_dashboard.present.vocab import participant_labels
from se_dashboard.ui import cards, page, render, state

p = page.setup("who", "page_who")
page.stop_if_empty(p)

st.header(p.t("participants_table"))
people = counts.participants_in_view(p.dataset, p.remarks)
hidden = ["organization", "role"] if p.anonymized else []  # blank in the anonymized view
st.dataframe(
    export.plain_table(people.assign(org_type=people["org_type"].astype(str).map(p.org_labels))
                       .drop(columns=hidden)),
    key="who_participants", hide_index=True, width="stretch",
    column_config={
        "speaker": p.t("col_speaker"), "organization": p.t("col_organization"),
        "role": p.t("col_role"), "org_type": p.t("col_org_type"),
        "n_excerpts": st.column_config.NumberColumn(p.t("col_n_excerpts"), format="%d"),
    })

# Reading one person's remarks is the participant filter itself (the same state as the
# sidebar's, in the URL and the banner), offered here where a reader looks for it.
everyone = ""
labels = {everyone: p.t("everyone"), **participant_labels(p.dataset)}
chosen = p.filters.speakers
person = chosen[0] if len(chosen) == 1 else everyone
st.session_state["who_person"] = person
offered = speaker_options(p.dataset, p.filters.org_types, p.filters.meetings)
st.selectbox(p.t("read_one"), [everyone, *offered], key="who_person",
             format_func=lambda who: for_display(labels[who]),  # plain text
             on_change=state.set_speaker_from, args=("who_person",))
shown = p.remarks

st.header(f"{p.t('excerpts_heading')} ({len(shown)})")
if person and replace(p.filters, speakers=()).active:
    st.html(render.caption(p.t("person_in_filter", name=person, n=len(shown),
                               total=len(counts.remarks_of(p.dataset, person)))))
left, mid, right = st.columns([2, 2, 3], vertical_alignment="bottom")
mode = left.segmented_control(p.t("view_mode"), ["cards", "table"], key="who_view",
                              default="cards",
                              format_func=lambda m: p.t(f"view_{m}"), required=True)
show_en = mid.toggle(p.t("show_en"), key="who_show_en", value=p.lang == "en")
right.download_button(
    p.t("download_csv"),
    lambda: export.to_excel_csv(export.excerpts_table(p.dataset, shown, p.lang)),
    file_name="remarks-filtered.csv", mime="text/csv", key="who_download",
    icon=":material/download:", on_click="ignore")

if mode == "table":
    rows = cards.paged(p, shown, "who_table_page", cards.TABLE_PAGE_SIZE)
    st.dataframe(export.plain_table(export.excerpts_table(p.dataset, rows, p.lang)),
                 key="who_table", hide_index=True, width="stretch")
else:
    cards.excerpt_cards(p, shown, key="who_card_page", show_en=show_en)

"""Themes: frequency by organization type, theme x type, co-occurrence, and the excerpts behind
any bar or cell the presenter clicks."""

import streamlit as st

from se_dashboard.analysis import counts
from se_dashboard.present import export
from se_dashboard.present.palette import org_type_colours, org_type_patterns
from se_dashboard.ui import cards, charts, page, render, selection

p = page.setup("themes", "page_themes")
page.stop_if_empty(p)
ds = p.dataset
plot = {"theme": None, "config": {"displayModeBar": False}, "on_select": "rerun",
        "selection_mode": "points"}

unit = st.segmented_control(
    p.t("unit"), ["participants", "excerpts"], key="themes_unit", default="participants",
    required=True, format_func=lambda u: p.t(f"unit_{u}"))
unit_label = p.t(f"unit_{unit}")
page.not_coded_note(p)

st.header(p.t("theme_freq"))
st.caption(p.t("theme_freq_help"))
freq_event = st.plotly_chart(
    charts.stacked_bars(
        counts.theme_frequency(ds, p.remarks, unit), "theme_id", categories=p.theme_labels,
        groups=p.org_labels, colours=org_type_colours(ds.org_type_ids),
        patterns=org_type_patterns(ds.org_type_ids), value_label=unit_label),
    key="themes_freq", **plot)
slots = {"freq": st.container()}

st.header(p.t("crosstab"))
measure = st.segmented_control(
    p.t("measure"), ["count", "share"], key="themes_measure", default="count", required=True,
    format_func=lambda m: p.t(f"measure_{m}"))
count_table = counts.theme_by_org_type(ds, p.remarks)
if measure == "share":
    base = counts.share_base(ds, p.remarks)
    values, text = (counts.theme_by_org_type(ds, p.remarks, share=True),
                    charts.share_text(count_table, base))
    st.caption(p.t("share_note"))
else:
    values, text = count_table, count_table
st.caption(p.t("tile_help"))
cross_event = st.plotly_chart(
    charts.tiles(values, rows=p.theme_labels, columns=p.org_labels, text=text,
                 hover_label=p.t("n_participants")),
    key="themes_crosstab", **plot)
slots["cross"] = st.container()

st.header(p.t("cooc"))
matrix = counts.cooccurrence(ds, p.remarks)
cooc_event = st.plotly_chart(
    charts.tiles(matrix, rows=p.theme_labels, columns=p.theme_labels, text=matrix,
                 hover_label=p.t("unit_excerpts")),
    key="themes_cooc", **plot)
slots["cooc"] = st.container()

picked = selection.latest("themes", {"freq": freq_event, "cross": cross_event,
                                     "cooc": cooc_event})
if picked is None:
    slots["freq"].info(p.t("select_prompt"), icon=":material/touch_app:")
else:
    chart, points = picked
    selected = counts.remarks_for_points(ds, p.remarks, points,
                                         pair_of_themes=chart == "cooc")
    name = selection.describe(points, p.theme_labels, p.org_labels, chart == "cooc")
    with slots[chart].container(border=True, key="themes_selected"):
        st.markdown(f"**{p.t('selected')}**")
        st.html(render.label_line(name, str(len(selected))))
        cards.excerpt_cards(p, selected, key="themes_card_page", show_en=p.lang == "en")

with st.expander(p.t("codebook"), expanded=False):
    st.dataframe(
        export.plain_table(ds.themes.assign(label=ds.themes[f"label_{p.lang}"],
                                            definition=ds.themes[f"definition_{p.lang}"],
                                            keywords=ds.themes["keywords"].map(", ".join))
                           [["label", "definition", "keywords"]]),
        key="themes_codebook", hide_index=True, width="stretch",
        column_config={"label": p.t("col_theme"), "definition": p.t("col_definition"),
                       "keywords": p.t("col_keywords")})

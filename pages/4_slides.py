"""Slide mode (발표 모드): the current view as a slide deck for the projector, with
previous/next controls and the slide number in the URL."""

import sys

import streamlit as st

from se_dashboard.data.text import ascii_number
from se_dashboard.present import slides
from se_dashboard.present.vocab import status_labels
from se_dashboard.ui import page, slide_render, state

NUMBER_KEY = "slides_number"


def step(delta: int) -> None:
    st.session_state[NUMBER_KEY] = st.session_state.get(NUMBER_KEY, 1) + delta


if NUMBER_KEY not in st.session_state:
    # ASCII digits only (str.isdigit also accepts '²'); clamped to the deck below.
    st.session_state[NUMBER_KEY] = ascii_number(st.query_params.get("slide"), 1, 1, sys.maxsize)

p = page.setup("slides", "page_slides", presenting=True,
               url_extra={"slide": str(st.session_state[NUMBER_KEY])})
page.stop_if_empty(p)
deck = slides.plan(p.dataset, p.remarks, p.filters.meetings)
number = min(max(1, st.session_state[NUMBER_KEY]), len(deck))
if number != st.session_state[NUMBER_KEY]:
    st.session_state[NUMBER_KEY] = number
    state.sync_url({"slide": str(number)})

st.html(slide_render.CSS)
st.html(slide_render.render(p, deck[number - 1], number, len(deck), page.filter_text(p),
                            status_labels(p.lang)))
left, middle, right = st.columns([1, 1, 1], vertical_alignment="center")
left.button(p.t("prev"), key="slides_prev", on_click=step, args=(-1,), disabled=number <= 1,
            icon=":material/arrow_back:", width="stretch")
with middle:
    st.html(f"<div style='text-align:center;font-size:1.2rem'><b>"
            f"{p.t('slide_of', n=number, total=len(deck))}</b></div>")
right.button(p.t("next"), key="slides_next", on_click=step, args=(1,),
             disabled=number >= len(deck), icon=":material/arrow_forward:", width="stretch")

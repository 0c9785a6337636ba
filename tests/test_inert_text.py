"""Data is text, never markup, on every path: no Markdown, KaTeX, emoji shortcode or icon from
the data reaches an element Streamlit interprets, bidi controls and zero-width characters are
taken out wherever data is shown (HTML, charts, tables, report, exports), and `?slide=` takes
ASCII digits only."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
import pytest
from conftest import FIXTURES
from google.protobuf.json_format import MessageToDict
from openpyxl import load_workbook

from se_dashboard.data.loader import Dataset, load
from se_dashboard.data.text import ascii_number, for_display, has_invisible
from se_dashboard.present import disposition, handout, htmlcharts
from se_dashboard.present.anonymize import pseudonyms
from se_dashboard.present.export import excerpts_table, neutralize, plain_table, to_excel_csv
from se_dashboard.ui import charts, render

HOSTILE = FIXTURES / "hostile_data"
# What Streamlit's Markdown would turn into an image, link, formula, emoji or icon.
MARKUP = ("example.invalid", "$x^2$", ":smile:", ":material/home:")
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
        "\u2069", "\u200e", "\u200f", "\u061c"]
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
# Element fields shown as plain text by the browser (checked there for Markdown and requests):
# st.html bodies are escaped by render, Plotly specs by charts.inert, select options are text.
PLAIN_FIELDS = {("html", "body"), ("plotly_chart", "spec"), ("selectbox", "options"),
                ("multiselect", "options"), ("multiselect", "rawValues"),
                ("selectbox", "rawValue"), ("download_button", "url"),
                ("page_link", "queryString")}  # a link's query string: percent-encoded, unseen



@pytest.fixture(scope="module")
def hostile() -> Dataset:
    return load(HOSTILE)


# --- the one function -------------------------------------------------------------------------

@pytest.mark.parametrize("char", BIDI + ZERO_WIDTH)
def test_for_display_removes_each_control(char: str) -> None:
    assert has_invisible(f"이{char}름")
    assert for_display(f"이{char}름") == "이름"
    assert for_display(char * 3) == ""


def test_for_display_keeps_visible_text() -> None:
    text = "광명 YMCA · “신뢰” <b>x</b> **y** $x^2$ :smile: 😄 مرحبا שלום\n\ttab"
    assert for_display(text) == text and not has_invisible(text)
    reversed_name = "이은애 \u202e하세요\u202c \u2066x\u2069\u200b"
    assert for_display(reversed_name) == "이은애 하세요 x"
    assert for_display(for_display(reversed_name)) == for_display(reversed_name)


def test_every_display_path_uses_it() -> None:
    raw = "A\u202eB\u200bC"
    assert render.esc(raw) == "ABC"
    assert "ABC" in render.caption(raw) and "\u202e" not in render.caption(raw)
    assert "ABC" in render.notice("warning", raw) and "\u200b" not in render.notice("info", raw)
    assert "<mark" in render.highlighted(raw, "b") and not has_invisible(
        render.highlighted(raw, "b"))
    card = render.excerpt_card(speaker=raw, organization=raw, role=raw, org_type_label=raw,
                               colour="#FFFFFF", kind_label=raw, excerpt=raw, excerpt_en=raw,
                               theme_labels=[raw])
    assert not has_invisible(card) and card.count("ABC") == 8
    assert charts.inert(raw) == "ABC"
    chart = htmlcharts.bars([(raw, 1, "#336699")]) + htmlcharts.heat_table(
        [raw], [raw], [[raw]], [[0.5]])
    assert not has_invisible(chart) and "ABC" in chart
    assert neutralize(raw) == "ABC"
    assert neutralize("\u200b=1+1") == "'=1+1"  # an invisible lead does not hide a formula
    table = plain_table(pd.DataFrame({"a": [raw], "b": [[raw, "x"]], "n": [1]}))
    assert table.to_dict("list") == {"a": ["ABC"], "b": [["ABC", "x"]], "n": [1]}


def test_report_and_exports_of_the_hostile_folder(hostile: Dataset) -> None:
    assert has_invisible("".join(hostile.remarks["speaker"]))  # the fixture has some
    doc = handout.handout_html(hostile, hostile.remarks, lang="ko", title="t", subtitle="s",
                               filter_text="f", generated_at="now")
    assert not has_invisible(doc) and "이은애 하세요 x" in doc
    english = handout.handout_html(hostile, hostile.remarks, lang="en", title="t",
                                   subtitle="s", filter_text="f", generated_at="now")
    assert not has_invisible(english) and "reversed" in english
    csv = to_excel_csv(excerpts_table(hostile, hostile.remarks)).decode("utf-8-sig")
    assert not has_invisible(csv) and "이은애 하세요 x" in csv
    table = disposition.disposition_table(hostile, hostile.remarks)
    assert not has_invisible(disposition.to_csv(table).decode("utf-8-sig"))
    book = load_workbook(io.BytesIO(disposition.to_xlsx(table, "\u202e제목")))
    cells = [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row
             if c.value is not None]
    assert cells and not [c for c in cells if has_invisible(c)]


# --- ?slide= -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("3", 3), ("007", 7), ("0", 1), ("99", 40), ("9" * 5000, 40), ("²", 1), ("٣", 1),
    ("-2", 1), ("+2", 1), (" 2", 1), ("2.0", 1), ("", 1), (None, 1), ("１", 1),
])
def test_ascii_number(text: str | None, expected: int) -> None:
    assert ascii_number(text, 1, 1, 40) == expected


# --- every page on the hostile folder -----------------------------------------------------------

def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


def _strings(value: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else key)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, path)


def findings(at) -> list[tuple[str, str, str]]:
    """(element type, field, text) of every string on the page that is Markdown-interpreted
    and holds markup from the data, or that shows a bidi/zero-width character."""
    found = []
    for node in _walk(at._tree):
        proto = getattr(node, "proto", None)
        if proto is None:
            continue
        kind = getattr(node, "type", type(node).__name__)
        for field, text in _strings(MessageToDict(proto)):
            top = field.split(".")[-1]
            if kind == "plotly_chart" and top == "spec":
                text = json.dumps(json.loads(text), ensure_ascii=False)
            if (kind, top) not in PLAIN_FIELDS and any(m in text for m in MARKUP):
                found.append((kind, field, text))
            # A multiselect's raw values are the data's own ids, sent back, never shown.
            if has_invisible(text) and not (top == "rawValues" and kind == "multiselect"):
                found.append((kind, field, text))
    for frame in at.dataframe:
        cells = frame.value.astype(str).to_numpy().ravel().tolist()
        found += [("dataframe", "cell", c) for c in cells if has_invisible(c)]
    return found


def speaker(start: str, anonymized: bool, lang: str) -> str:
    """The hostile fixture's speaker whose name starts with `start` (their pseudonym when
    anonymized)."""
    data = load(HOSTILE)
    name = next(s for s in data.participants["speaker"] if s.startswith(start))
    return pseudonyms(data, lang)[name] if anonymized else name


VIEWS = [
    ("overview", {}), ("overview", {"lang": "en"}), ("overview", {"anon": "1"}),
    ("who", {"org": "public"}), ("who", {"org": "public", "anon": "1", "lang": "en"}),
    ("who", {"org": "support", "q": "이"}), ("themes", {}), ("themes", {"lang": "en"}),
    ("recs", {}), ("recs", {"lang": "en", "anon": "1"}), ("slides", {}),
    ("slides", {"anon": "1", "lang": "en"}),
]
PERSON = {"public": "이한준", "support": "이은애"}


@pytest.mark.parametrize(("page", "query"), VIEWS, ids=[f"{p}-{q}" for p, q in VIEWS])
def test_no_markup_or_invisible_text_from_data(run_page, page: str, query: dict) -> None:
    at = run_page(page, query=query, data=HOSTILE)
    assert not at.exception
    assert findings(at) == []
    if page == "who":  # one person's remarks under a filter: the caption names them
        at.selectbox(key="who_person").set_value(
            speaker(PERSON[query["org"]], "anon" in query, query.get("lang", "ko"))).run()
        assert not at.exception and at.get("html")
        assert findings(at) == []
        at.segmented_control(key="who_view").set_value("table").run()
    if page == "themes":  # the hostile theme's bar, clicked
        at.session_state["themes_freq"] = {"selection": {
            "points": [{"customdata": ["support_center", "public"]}], "point_indices": [0],
            "box": [], "lasso": []}}
        at.run()
    if page == "slides":  # every slide
        while not at.button(key="slides_next").disabled:
            at.button(key="slides_next").click().run()
            assert not at.exception
            assert findings(at) == []
    assert not at.exception
    assert findings(at) == []

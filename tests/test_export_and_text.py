"""Exports for Excel, inert rendering of data, and small pure helpers."""

import io
import re
import time
from datetime import UTC, datetime, timedelta, timezone

import pandas as pd
import pytest

from se_dashboard.data.text import match_segments
from se_dashboard.present.export import (
    excerpts_table,
    local_stamp,
    neutralize,
    sheet_text,
    to_excel_csv,
)
from se_dashboard.present.paging import page_slice
from se_dashboard.present.palette import org_type_colours, text_colour_on
from se_dashboard.ui import charts, render


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+1", "'=1+1"), ("+82 2", "'+82 2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=x", "'\t=x"), ("\r=x", "'\r=x"), ("plain", "plain"), ("a=b", "a=b"), (3, 3), ("", ""),
    # Left as typed: a lone dash and a plain negative whole number run nothing.
    ("-", "-"), ("-3", "-3"), ("-123456789", "-123456789"),
    # Still marked: Excel reads "- 항목" as the formula "=- 항목"; other numbers may change.
    ("- 항목", "'- 항목"), ("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0"), ("--", "'--"),
    ("-1.5", "'-1.5"), ("-0", "'-0"), ("-01", "'-01"), ("-1234567890", "'-1234567890"),
    ("+1", "'+1"), ("-1\n=2", "'-1\n=2"),
    # White space or a full-width sign in front does not hide a formula.
    (" =1+1", "' =1+1"), ("\n-2+3", "'\n-2+3"), ("\uff1d1+1", "'\uff1d1+1"),
])
def test_neutralize(cell, expected):
    assert neutralize(cell) == expected


def test_sheet_text_is_as_typed_and_flags_formula_like_text():
    assert sheet_text("- 항목") == ("- 항목", True)
    assert sheet_text("-") == ("-", True)  # XLSX marks even these with quotePrefix
    assert sheet_text("\u200b=1") == ("=1", True)
    assert sheet_text("항목 -1") == ("항목 -1", False)


def test_local_stamp_names_the_zone(monkeypatch):
    moment = datetime(2025, 5, 1, 9, 30, tzinfo=UTC)
    assert local_stamp(moment, timezone(timedelta(hours=9), "KST")) == "2025-05-01 18:30 KST"
    assert local_stamp(moment, timezone(timedelta(hours=5, minutes=30))) == (
        "2025-05-01 15:00 UTC+05:30")
    monkeypatch.setenv("TZ", "Asia/Seoul")
    time.tzset()
    try:
        assert local_stamp(moment) == "2025-05-01 18:30 KST"  # the server's zone by default
        assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d KST", local_stamp())
    finally:
        monkeypatch.undo()
        time.tzset()


def test_excel_csv_is_utf8_bom_and_inert():
    frame = pd.DataFrame({"발췌": ['=HYPERLINK("http://x","y")', "신뢰"], "n": [1, 2]})
    data = to_excel_csv(frame)
    assert data.startswith(b"\xef\xbb\xbf")
    back = pd.read_csv(io.BytesIO(data), encoding="utf-8-sig")
    assert back["발췌"].tolist() == ['\'=HYPERLINK("http://x","y")', "신뢰"]
    assert b"\r\n" in data


def test_excerpts_table_labels(dataset):
    table = excerpts_table(dataset, dataset.remarks.iloc[:1], "en")
    row = table.iloc[0]
    assert row["Speaker"] == "이한준"
    assert row["Organization type"] == "Government & public agencies"
    assert row["Themes"] == "Local character & assets; Research & diagnosis"
    assert row["Kind"] == "Proposal"
    assert excerpts_table(dataset, dataset.remarks, "ko").shape == (35, 11)


def test_match_segments():
    assert match_segments("미니 클러스터와 미니", "미니") == [
        ("미니", True), (" 클러스터와 ", False), ("미니", True)]
    assert match_segments("Mini cluster", "MINI") == [("Mini", True), (" cluster", False)]
    assert match_segments("abc", "") == [("abc", False)]
    assert "".join(s for s, _ in match_segments("a<b>a", "a")) == "a<b>a"


def test_page_slice():
    assert page_slice(45, 20, 3) == page_slice(45, 20, 9)  # clamped to the last page
    last = page_slice(45, 20, 3)
    assert (last.number, last.pages, last.start, last.stop) == (3, 3, 40, 45)
    empty = page_slice(0, 20, 1)
    assert (empty.pages, empty.start, empty.stop) == (1, 0, 0)


def test_cards_escape_html_and_markdown():
    card = render.excerpt_card(
        speaker="<b>x</b>", organization="o", role="r", org_type_label="<i>t</i>",
        colour="#0072B2", kind_label="제안", excerpt='<script>alert(1)</script> **b** <img src=x '
        'onerror="y">', excerpt_en="", theme_labels=["[x](javascript:alert(1))"], query="b")
    assert "<script>" not in card and "<img" not in card and "<b>x" not in card
    assert "&lt;script&gt;" in card and "**" in card and "&lt;i&gt;t&lt;/i&gt;" in card
    assert card.count('<mark class="sed-mark">') == 1  # the one 'b' of the excerpt


def test_plotly_labels_are_inert():
    assert charts.inert("<a href='javascript:x'>y</a>") == (
        "&lt;a href='javascript:x'&gt;y&lt;/a&gt;")
    assert charts.inert("%{y}") == "%&#123;y}"


def test_selected_ids_reads_customdata():
    event = {"selection": {"points": [{"customdata": ["trust", "coop"]}, {"x": 1}]}}
    assert charts.selected_ids(event) == [["trust", "coop"]]
    assert charts.selected_ids(None) == [] == charts.selected_ids({"selection": {}})


def test_share_text():
    count = pd.DataFrame({"a": [2, 0], "b": [0, 0]}, index=["t1", "t2"])
    text = charts.share_text(count, pd.Series({"a": 3, "b": 0}))
    assert text.at["t1", "a"] == "2/3<br>67%"
    assert text.at["t1", "b"] == "0/0"


def test_palette_contrast_and_order():
    assert text_colour_on("#FFFFFF") == "#000000"
    assert text_colour_on("#000000") == "#FFFFFF"
    assert text_colour_on("#0072B2") == "#FFFFFF"
    assert text_colour_on("#E69F00") == "#000000"
    colours = org_type_colours(["a", "b"])
    assert colours == {"a": "#0072B2", "b": "#E69F00"}

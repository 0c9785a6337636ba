"""HTML+CSS charts: widths, printed values, escaping, legend, patterns and heat shading."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from se_dashboard.present import htmlcharts
from se_dashboard.present.htmlcharts import CSS, bars, blend, heat_table, stacked_bars
from se_dashboard.present.palette import text_colour_on

HOSTILE = ("<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>",
           '" onmouseover="alert(1)', "**bold** =SUM(A1)")


class Tags(HTMLParser):
    """Collects every start tag with its attributes, and the text."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(markup)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [a for _, a in self.tags if name in (a.get("class") or "").split()]


def widths(markup: str, cls: str) -> list[float]:
    """The width percentages of the elements with class `cls`, in order."""
    return [float(re.search(r"width:([\d.]+)%", a["style"] or "").group(1))
            for a in Tags(markup).with_class(cls)]


def assert_inert(markup: str) -> None:
    """No element but the chart's own, and no event handler attribute."""
    parsed = Tags(markup)
    assert {t for t, _ in parsed.tags} <= {"div", "span", "ul", "li", "table", "thead", "tbody",
                                           "tr", "th", "td", "br"}
    assert not [k for _, a in parsed.tags for k in a if k.startswith("on")]


ROWS = [("A", [("x", 2, "#0072B2", 0), ("y", 6, "#E69F00", 1)]),
        ("B", [("x", 4, "#0072B2", 0), ("y", 0, "#E69F00", 1)])]


def test_stacked_widths_are_value_over_max() -> None:
    out = stacked_bars(ROWS)
    assert widths(out, "hc-seg") == [25.0, 75.0, 50.0]  # max is the largest total, 8
    assert widths(stacked_bars(ROWS, max_value=16), "hc-seg") == [12.5, 37.5, 25.0]
    assert widths(stacked_bars([("A", [("x", 1, "#000000", 0)])], max_value=3),
                  "hc-seg") == [pytest.approx(33.333)]
    # A value above max_value is clamped to the full width.
    assert widths(stacked_bars(ROWS, max_value=4), "hc-seg") == [50.0, 100.0, 100.0]


def test_stacked_prints_values_totals_and_titles() -> None:
    parsed = Tags(stacked_bars(ROWS))
    segments = parsed.with_class("hc-seg")
    assert [s["title"] for s in segments] == ["x: 2", "y: 6", "x: 4"]  # zero segment left out
    out = stacked_bars(ROWS)
    assert re.findall(r'class="hc-val"[^>]*>(\d+)<', out) == ["2", "6", "4"]
    assert re.findall(r'class="hc-total">(\d+)<', out) == ["8", "4"]
    # The total comes after the row's segments, inside the same track.
    first_row = out.split('class="hc-row"')[1]
    assert first_row.index(">8<") > first_row.index(">6<")
    # Value text contrasts with the segment colour.
    for colour in ("#0072B2", "#E69F00"):
        assert f"background:{colour};color:{text_colour_on(colour)}" in out
    assert [t for t in Tags(out).text if t.strip()] == ["A", "2", "6", "8", "B", "4", "4"]


def test_empty_and_all_zero_rows() -> None:
    assert 'class="hc-seg' not in stacked_bars([("A", [("x", 0, "#0072B2", 0)])])
    assert re.findall(r'class="hc-total">(\d+)<',
                      stacked_bars([("A", [("x", 0, "#0072B2", 0)])])) == ["0"]
    assert "hc-chart" in stacked_bars([])
    assert "hc-chart" in bars([])


def test_legend_items_and_patterns() -> None:
    legend = [("Public", "#0072B2", 0), ("Support", "#E69F00", 1), ("Co-op", "#CC79A7", 3)]
    out = stacked_bars(ROWS, legend=legend)
    parsed = Tags(out)
    swatches = parsed.with_class("hc-swatch")
    assert [s["class"].split()[1] for s in swatches] == ["hc-p0", "hc-p1", "hc-p3"]
    assert [s["style"].split(";")[0] for s in swatches] == [
        "background-color:#0072B2", "background-color:#E69F00", "background-color:#CC79A7"]
    items = out[out.index('<ul class="hc-legend"'):out.index("</ul>")]
    assert [t for t in Tags(items).text if t.strip()] == ["Public", "Support", "Co-op"]
    assert out.index('class="hc-legend"') < out.index('class="hc-row"')  # legend above
    assert [s["class"].split()[1] for s in parsed.with_class("hc-seg")] == ["hc-p0", "hc-p1",
                                                                           "hc-p0"]
    assert "hc-legend" not in stacked_bars(ROWS)


def test_patterns_are_distinct_per_index() -> None:
    rules = dict(re.findall(r"\.(hc-p\d+)\{background-image:([^}]*)\}", CSS))
    n = htmlcharts.N_PATTERNS
    assert len(rules) == n >= 8
    assert rules["hc-p0"] == "none"
    assert all("repeating-linear-gradient" in rules[f"hc-p{i}"] for i in range(1, n))
    assert len(set(rules.values())) == n  # every index draws a different overlay
    assert htmlcharts.pattern_class(n + 2) == "hc-p2"  # past the last one they cycle
    assert htmlcharts.pattern_class(n) == "hc-p0"


def test_bars_widths_values_and_suffix() -> None:
    out = bars([("A", 3, "#0072B2"), ("B", 6, "#009E73"), ("C", 0, "#D55E00")], suffix="명")
    assert widths(out, "hc-bar") == [50.0, 100.0]  # no bar for a zero
    assert re.findall(r'class="hc-total">([^<]+)<', out) == ["3명", "6명", "0명"]
    assert widths(bars([("A", 3, "#0072B2")], max_value=12), "hc-bar") == [25.0]
    assert "background-color:#009E73" in out
    first_row = out.split('class="hc-row"')[1]
    assert first_row.index("hc-bar") < first_row.index("hc-total")  # value after the bar


def test_heat_table_shading_text_and_line_breaks() -> None:
    out = heat_table(["r1", "r2"], ["c1", "c2"], [["0", "1\n(50%)"], ["2", "x"]],
                     [[0.0, 0.5], [1.0, 7.0]])
    fills = re.findall(r'<td style="background:(#[0-9A-F]{6});color:(#[0-9A-F]{6})">', out)
    assert [f for f, _ in fills] == ["#FFFFFF", blend(0.5), "#4A8CC9", "#4A8CC9"]
    half = [int(blend(0.5)[i:i + 2], 16) for i in (1, 3, 5)]  # halfway: white to #4A8CC9
    assert all(abs(c - (255 + e) / 2) <= 0.5 for c, e in zip(half, (0x4A, 0x8C, 0xC9),
                                                               strict=True))
    assert [c for _, c in fills] == [text_colour_on(f) for f, _ in fills]
    assert "<td" in out and "1<br>(50%)" in out
    assert re.search(r"<thead><tr><td class=\"hc-corner\"></td><th scope=\"col\">c1</th>", out)
    assert re.findall(r'<th scope="row">([^<]*)</th>', out) == ["r1", "r2"]
    assert blend(-1) == "#FFFFFF" and blend(float("nan")) == "#FFFFFF"


@pytest.mark.parametrize("bad", HOSTILE)
def test_labels_and_cells_are_escaped(bad: str) -> None:
    outputs = [
        stacked_bars([(bad, [(bad, 2, "#0072B2", 1)])], legend=[(bad, "#0072B2", 1)]),
        bars([(bad, 2, "#0072B2")], suffix=bad),
        heat_table([bad], [bad], [[bad + "\n" + bad]], [[0.5]]),
    ]
    for out in outputs:
        assert_inert(out)
        assert "<script" not in out and "<img" not in out
        if any(c in bad for c in '<>"'):
            assert bad not in out
        # The text reads back exactly as typed.
        assert bad in "".join(Tags(out).text) or any(
            bad in (a.get("title") or "") for _, a in Tags(out).tags)


def test_colours_cannot_inject_css() -> None:
    out = stacked_bars([("A", [("x", 1, "red;background:url(http://x)", 0)])])
    assert "url(" not in out and "#888888" in out
    out = bars([("A", 1, "#00ff00")])
    assert "#00FF00" in out


def test_css_is_em_sized_print_ready_and_self_contained() -> None:
    assert "print-color-adjust:exact" in CSS and "-webkit-print-color-adjust:exact" in CSS
    assert "<style" not in CSS and "url(" not in CSS and "@import" not in CSS
    assert not re.search(r"\d(px|pt|rem)\b", CSS)  # sizes in em (and %) only
    classes = set(re.findall(r"\.([a-zA-Z][\w-]*)", CSS))
    assert classes and all(c.startswith("hc-") for c in classes)

"""The one palette: organization-type colours and patterns, status colours, chart fonts.

Okabe-Ito colours are distinguishable with the common colour-vision deficiencies; every chart
also carries text labels and bar patterns, so no information is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

# Okabe-Ito, in the order org types are assigned (yellow last: weak contrast on white).
ORG_TYPE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                    "#000000", "#F0E442")
ORG_TYPE_PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
STATUS_COLOURS = {"반영": "#009E73", "부분반영": "#56B4E9", "검토중": "#BBBBBB",
                  "미반영": "#D55E00"}
STATUS_SYMBOLS = {"반영": "●", "부분반영": "◐", "검토중": "○", "미반영": "✕"}
HEAT_SCALE = [[0.0, "#FFFFFF"], [1.0, "#4A8CC9"]]
FONT_FAMILY = ("'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', "
               "sans-serif")
TEXT_COLOUR = "#111111"


def org_type_colours(org_types: Sequence[str]) -> dict[str, str]:
    """Return org_type -> colour, assigned in data order (cycling past eight types)."""
    return {o: ORG_TYPE_COLOURS[i % len(ORG_TYPE_COLOURS)] for i, o in enumerate(org_types)}


def org_type_patterns(org_types: Sequence[str]) -> dict[str, str]:
    """Return org_type -> Plotly bar pattern shape, assigned in data order."""
    return {o: ORG_TYPE_PATTERNS[i % len(ORG_TYPE_PATTERNS)] for i, o in enumerate(org_types)}


def text_colour_on(background: str) -> str:
    """Return black or white, whichever contrasts more with a #RRGGBB background."""
    r, g, b = (int(background[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lum = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"

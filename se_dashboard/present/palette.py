"""The one palette: organization-type colours and patterns, status colours, chart fonts.

Okabe-Ito colours are distinguishable with the common colour-vision deficiencies; every chart
also carries text labels and bar patterns, so no information is told by colour alone.
"""

from __future__ import annotations

from collections.abc import Sequence

from se_dashboard.data.contract import UNTYPED_ORG_TYPE

# Okabe-Ito, in the order org types are assigned (yellow last: weak contrast on white).
ORG_TYPE_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00",
                    "#000000", "#F0E442")
ORG_TYPE_PATTERNS = ("", "/", ".", "x", "\\", "+", "-", "|")
# The organizations nobody has typed yet (contract.UNTYPED_ORG_TYPE): a neutral grey (black text
# reads on it at 7.4:1) and vertical lines, which no ordinary type gets, wherever the type sits.
UNTYPED_COLOUR = "#999999"
UNTYPED_PATTERN = "|"
_ORDINARY_PATTERNS = tuple(p for p in ORG_TYPE_PATTERNS if p != UNTYPED_PATTERN)
STATUS_COLOURS = {"반영": "#009E73", "부분반영": "#56B4E9", "검토중": "#BBBBBB",
                  "미반영": "#D55E00"}
STATUS_SYMBOLS = {"반영": "●", "부분반영": "◐", "검토중": "○", "미반영": "✕"}
HEAT_SCALE = [[0.0, "#FFFFFF"], [1.0, "#4A8CC9"]]
FONT_FAMILY = ("'Noto Sans CJK KR', 'Noto Sans KR', 'Apple SD Gothic Neo', 'Malgun Gothic', "
               "sans-serif")
TEXT_COLOUR = "#111111"


def _ordinary(org_types: Sequence[str]) -> list[str]:
    return [o for o in org_types if o != UNTYPED_ORG_TYPE]


def org_type_colours(org_types: Sequence[str]) -> dict[str, str]:
    """Return org_type -> colour, assigned in data order (cycling past eight types); the
    untyped type is grey and takes no colour from the others."""
    colours = {o: ORG_TYPE_COLOURS[i % len(ORG_TYPE_COLOURS)]
               for i, o in enumerate(_ordinary(org_types))}
    return {o: colours.get(o, UNTYPED_COLOUR) for o in org_types}


def org_type_pattern_indices(org_types: Sequence[str]) -> dict[str, int]:
    """Return org_type -> index into ORG_TYPE_PATTERNS (htmlcharts' pattern index), assigned in
    data order; the untyped type has UNTYPED_PATTERN, which no other type gets."""
    ordinary = {o: ORG_TYPE_PATTERNS.index(_ORDINARY_PATTERNS[i % len(_ORDINARY_PATTERNS)])
                for i, o in enumerate(_ordinary(org_types))}
    untyped = ORG_TYPE_PATTERNS.index(UNTYPED_PATTERN)
    return {o: ordinary.get(o, untyped) for o in org_types}


def org_type_patterns(org_types: Sequence[str]) -> dict[str, str]:
    """Return org_type -> Plotly bar pattern shape, assigned in data order (see
    org_type_pattern_indices)."""
    return {o: ORG_TYPE_PATTERNS[i] for o, i in org_type_pattern_indices(org_types).items()}


# Meetings in display order: a light and a dark blue for the first two (earlier -> later
# reads light -> dark; the light one is the heat scale at 45 %), then other Okabe-Ito colours;
# each with its own bar pattern too.
MEETING_COLOURS = ("#AECBE7", "#0B5394", *ORG_TYPE_COLOURS[1:4])
MEETING_PATTERNS = ("/", "", ".", "x", "+")


def meeting_styles(meetings: Sequence[str]) -> dict[str, tuple[str, str]]:
    """Return meeting id -> (colour, bar pattern), by place in display order."""
    return {m: (MEETING_COLOURS[i % len(MEETING_COLOURS)],
                MEETING_PATTERNS[i % len(MEETING_PATTERNS)]) for i, m in enumerate(meetings)}


def text_colour_on(background: str) -> str:
    """Return black or white, whichever contrasts more with a #RRGGBB background."""
    r, g, b = (int(background[i:i + 2], 16) / 255 for i in (1, 3, 5))
    lum = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    luminance = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#FFFFFF"

"""Plain-text helpers for showing data: invisible direction and zero-width characters taken
out, search-match segments ready for escaping, and strict parsing of numbers typed in a URL."""

from __future__ import annotations

import re

# Characters that change how text around them is ordered or joined without being seen: the
# bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069), the direction marks
# (U+200E, U+200F, U+061C) and the zero-width space, joiners, word joiner and BOM (U+200B-200D,
# U+2060, U+FEFF). A name with an override can read reversed, one with a zero-width space
# looks like another name.
INVISIBLE = "\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff"
INVISIBLE_RE = re.compile(f"[{INVISIBLE}]")


def for_display(text: str) -> str:
    """Return `text` without bidi controls and zero-width characters, so that it shows in the
    order it was typed and nothing hides in it; every path that shows data (HTML, charts,
    report, exports, tables) passes text through here."""
    return INVISIBLE_RE.sub("", text)


def has_invisible(text: str) -> bool:
    """Return whether `text` holds a character `for_display` removes."""
    return INVISIBLE_RE.search(text) is not None


def ascii_number(text: str | None, default: int, low: int, high: int) -> int:
    """Return the whole number `text` spells in ASCII digits only, clamped to [low, high];
    `default` for anything else (empty, signs, spaces, superscripts or other scripts' digits).
    Never raises: a number longer than `high` is `high` without being converted."""
    if not text or not text.isascii() or not text.isdigit():
        return default
    digits = text.lstrip("0") or "0"
    if len(digits) > len(str(high)):
        return high
    return min(max(int(digits), low), high)


def match_segments(text: str, query: str) -> list[tuple[str, bool]]:
    """Split `text` into (segment, is_match) pairs for case-insensitive literal `query`.

    Joining the segments gives `text` back unchanged; an empty query gives one segment.
    """
    needle = query.strip().lower()  # lower-case, as the search itself compares
    if not needle or not text:
        return [(text, False)] if text else []
    folded = text.lower()
    if len(folded) != len(text):  # lower-casing changed lengths (e.g. 'İ'): match as typed
        folded, needle = text, query.strip()
    segments: list[tuple[str, bool]] = []
    start = 0
    while (hit := folded.find(needle, start)) != -1:
        if hit > start:
            segments.append((text[start:hit], False))
        segments.append((text[hit:hit + len(needle)], True))
        start = hit + len(needle)
    if start < len(text):
        segments.append((text[start:], False))
    return segments

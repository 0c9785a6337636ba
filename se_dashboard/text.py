"""Plain-text helpers for showing remarks: search-match segments, ready for escaping."""

from __future__ import annotations


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

"""Excerpts of a turn: its sentences, cut where kiwipiepy's sentence splitter ends them, each
verbatim but for whitespace (runs of spaces, no-break spaces and line breaks become one space).

One sentence makes one excerpt. The issue asks for excerpts "by point", but where a point ends
is a coding decision (data/CODING.md §2: where the speaker moves to another ask, concern or
judgement) that a splitter cannot make reliably; one sentence is the largest unit that never
puts two points into one excerpt and never cuts a sentence; joining sentences into points
is left to the coder.
(Measured on the bundled article: its 35 hand-coded excerpts are runs of the 55 sentences found
here; starting a point at a discourse marker such as 더불어, 또한 or 다만 found 11 of the 20
boundaries between the coders' points and added 4 they did not make.)
The pieces are cut from the text itself at the splitter's offsets, so joined in order they give
back the whole turn, whitespace aside; a piece the splitter ends where no sentence can end
(after a comma, or inside brackets or quotes left open) is joined to the next.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence

# The splitter ended a piece here, but no sentence ends like this (seen: `…할 수 있을지,`).
_NOT_AN_END = re.compile(r"[,，、;；:：·(\[{‘“「『《〈<]$")
_PAIRS = ("()", "[]", "‘’", "“”", "「」", "『』", "《》", "〈〉")


@functools.lru_cache(maxsize=1)
def kiwi():
    """Return the process's one Kiwi, built on first use.

    Without the proper-noun dictionaries (Wikipedia titles, multi-word WikiData names): they
    help tag names, not find where sentences end, and loading them took most of Kiwi's start-up
    here (about 1.6 s to a first result instead of 4 to 7 s). On the bundled article and the
    benchmark's minutes the sentence boundaries are the same with and without them."""
    from kiwipiepy import Kiwi  # imported here: the dashboard's pages never pay for it

    return Kiwi(load_default_dict=False, load_multi_dict=False)


def normalize(text: str) -> str:
    """Return `text` with every run of whitespace made one space, trimmed."""
    return " ".join(text.split())


def _open_pair(piece: str) -> bool:
    return any(piece.count(a) > piece.count(b) for a, b in _PAIRS)


def _pieces(text: str, starts: list[int]) -> tuple[str, ...]:
    """Cut `text` at the splitter's sentence starts, dropping a cut where the piece before it
    cannot end a sentence; every piece is a substring of `text`."""
    kept = [0]
    for cut in sorted({s for s in starts if 0 < s < len(text)}):
        piece = text[kept[-1]:cut].strip()
        if piece and not _NOT_AN_END.search(piece) and not _open_pair(piece):
            kept.append(cut)
    bounds = [*kept, len(text)]
    return tuple(piece for a, b in itertools.pairwise(bounds)
                 if (piece := text[a:b].strip()))


def split_sentences(texts: Sequence[str]) -> list[tuple[str, ...]]:
    """Return, for each text, its sentences in order (whitespace-normalized). All texts go to
    the splitter in one call; an empty text gives no sentences."""
    flat = [normalize(t) for t in texts]
    todo = [t for t in flat if t]
    found = iter(kiwi().split_into_sents(todo) if todo else [])
    out: list[tuple[str, ...]] = []
    for text in flat:
        if not text:
            out.append(())
            continue
        out.append(_pieces(text, [s.start for s in next(found)]))
    return out

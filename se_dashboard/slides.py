"""The presentation: which slides to show for the current view, and what goes on them.

The arc is the one consultations report back with: you said (figures, themes, each
organization type's concerns and quotes) -> we did (recommendations reflected, and where) ->
still open (with the reason). Everything is computed from the data and the filtered remarks.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd

from . import checklist, counts
from .loader import Dataset

SlideKind = Literal["title", "figures", "themes", "crosstab", "org_type", "progress", "reflected",
                    "open"]
REFLECTED = ("반영", "부분반영")
OPEN = ("검토중", "미반영")
KIND_PREFERENCE = {"제안": 0, "우려": 1, "평가": 2, "공감": 3}


@dataclass(frozen=True)
class Slide:
    """One slide: its kind, and the org type it is about (for `org_type` slides)."""

    kind: SlideKind
    org_type: str | None = None


def plan(dataset: Dataset, remarks: pd.DataFrame) -> list[Slide]:
    """Return the slide sequence for the view: title, figures, theme frequencies, theme x
    organization type, one slide per organization type in view (data order), checklist
    progress, what was reflected and what is still open."""
    in_view = set(remarks["org_type"].astype(str))
    per_type = [Slide("org_type", o) for o in dataset.org_type_ids if o in in_view]
    return [Slide("title"), Slide("figures"), Slide("themes"), Slide("crosstab"), *per_type,
            Slide("progress"), Slide("reflected"), Slide("open")]


def shorten(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` characters at a space, ending in '…' when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.·") + "…"


def type_themes(dataset: Dataset, remarks: pd.DataFrame, org_type: str,
                n: int = 3) -> pd.DataFrame:
    """Return the `n` themes most raised by an org type's participants in view: `theme_id`,
    `total` (participants), ties in codebook order."""
    return counts.top_themes(dataset, remarks[remarks["org_type"] == org_type], n=n)


def key_quotes(dataset: Dataset, remarks: pd.DataFrame, org_type: str, n: int = 3,
               limit: int = 140) -> pd.DataFrame:
    """Return up to `n` quotes of an org type, from different speakers: remarks coded with the
    type's top themes first, then proposals before concerns, assessments and agreements, then
    the shorter. Columns: remark_id, speaker, excerpt and excerpt_en (each shortened to
    `limit`), full_length."""
    mine = remarks[remarks["org_type"] == org_type]
    if mine.empty:
        return pd.DataFrame(columns=["remark_id", "speaker", "excerpt", "excerpt_en",
                                     "full_length"])
    top = type_themes(dataset, remarks, org_type)["theme_id"].tolist()
    rank = {theme: i for i, theme in enumerate(top)}
    scored = mine.assign(
        theme_rank=mine["themes"].map(lambda ts: min((rank[t] for t in ts if t in rank),
                                                     default=len(rank))),
        kind_rank=mine["kind"].astype(object).map(KIND_PREFERENCE).fillna(len(KIND_PREFERENCE)),
        length=mine["excerpt"].str.len())
    ordered = scored.sort_values(["theme_rank", "kind_rank", "length", "position"], kind="stable")
    chosen = ordered.drop_duplicates("speaker").head(n)
    return pd.DataFrame({
        "remark_id": chosen["remark_id"], "speaker": chosen["speaker"],
        "excerpt": chosen["excerpt"].map(lambda x: shorten(x, limit)),
        "excerpt_en": chosen["excerpt_en"].map(lambda x: shorten(x, limit)),
        "full_length": chosen["length"],
    }).reset_index(drop=True)


def recommendations_with(dataset: Dataset, remarks: pd.DataFrame,
                         statuses: tuple[str, ...]) -> pd.DataFrame:
    """Return the recommendations in view with one of `statuses`, most-backed first (then data
    order), with their plan section, responsible unit and response note when the state has
    them."""
    rows = checklist.recommendation_rows(dataset, remarks, statuses)
    for column in checklist.STATE_COLUMNS:
        if column not in rows:
            rows[column] = ""
    return rows.sort_values("n_participants", ascending=False, kind="stable").reset_index(
        drop=True)

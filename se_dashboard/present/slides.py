"""The presentation: which slides to show for the current view, and what goes on them.

The arc is the one consultations report back with: you said (figures, themes, what changed
since the first meeting in view when there are several, each organization type's concerns and
quotes) -> we did (recommendations reflected, and where) -> still open (with the reason).
Everything is computed from the data and the filtered remarks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from se_dashboard.analysis import compare, counts
from se_dashboard.checklist import progress
from se_dashboard.data.loader import Dataset

SlideKind = Literal["title", "figures", "themes", "crosstab", "since", "org_type", "progress",
                    "reflected", "open"]
ClosingKind = Literal["reflected", "open"]
REFLECTED = ("반영", "부분반영")
OPEN = ("검토중", "미반영")
OPEN_ORDER = ("미반영", "검토중")  # decided ones first, each with its reason
# Recommendations on one closing slide: the most that fit 1280x720 with items in 24 px type
# (slide_render) when every item fills all its lines (a reflected item is clamped to 1 line of
# title, 1 of plan section, 2 of action and 2 of reason; an open one to 2 of title and 2 of
# reason). Measured in tests/test_browser_present.py.
ITEMS_PER_SLIDE: dict[ClosingKind, int] = {"reflected": 2, "open": 3}
# Themes listed per kind of change on the "since" slide (the most raised first; the rest are
# counted, "외 N개"): the most that fit 1280x720 in 24 px type when every one takes the two
# lines it is clamped to (English labels often do). Participants named as having spoken at
# both meetings (all are counted). Measured in tests/test_browser_compare.py.
SINCE_THEMES = 3
SINCE_PEOPLE = 4
KIND_PREFERENCE = {"제안": 0, "우려": 1, "평가": 2, "공감": 3}
OMITTED = "\u00a0[…]"  # marks sentences left out after the whole ones quoted (kept on their line)
# A sentence: up to its end mark (and closing quotes or brackets) before a space or the end.
_SENTENCE = re.compile(r"\S.*?(?:[.!?。？！]+[\"'”’」』)\]]*(?=\s|$)|$)", re.S)


@dataclass(frozen=True)
class Slide:
    """One slide: its kind, the org type it is about (for `org_type` slides) and, for the
    closing lists, which of their `parts` slides it is (1-based)."""

    kind: SlideKind
    org_type: str | None = None
    part: int = 1
    parts: int = 1


def plan(dataset: Dataset, remarks: pd.DataFrame,
         meetings: Sequence[str] | None = None) -> list[Slide]:
    """Return the slide sequence for the view: title, figures, theme frequencies, theme x
    organization type, what changed since the first meeting (only when two or more of the
    `meetings` compared, see since_meetings, have remarks), one slide per organization type in
    view (data order), checklist progress, then what was reflected and what is still open,
    each on as many slides of ITEMS_PER_SLIDE recommendations as it needs (at least one)."""
    in_view = set(remarks["org_type"].astype(str))
    per_type = [Slide("org_type", o) for o in dataset.org_type_ids if o in in_view]
    status = progress.recommendation_rows(dataset, remarks)["status"].astype(str)
    closing = []
    for kind, statuses in (("reflected", REFLECTED), ("open", OPEN)):
        parts = max(1, -(-int(status.isin(statuses).sum()) // ITEMS_PER_SLIDE[kind]))
        closing += [Slide(kind, part=i, parts=parts) for i in range(1, parts + 1)]
    since = [Slide("since")] if since_meetings(dataset, meetings) else []
    return [Slide("title"), Slide("figures"), Slide("themes"), Slide("crosstab"), *since,
            *per_type, Slide("progress"), *closing]


def since_meetings(dataset: Dataset,
                   meetings: Sequence[str] | None = None) -> tuple[str, str] | None:
    """Return the meetings the "since" slide compares, as the compare page does by default:
    the first and the last of `meetings` (the meeting filter's; default every meeting) that
    have remarks in the data; None with fewer than two. Other filters take no meeting away:
    that a type said nothing at the later meeting is itself what the slide shows."""
    return compare.default_pair(compare.comparable_meetings(dataset, meetings or ()))


@dataclass(frozen=True)
class Since:
    """What the "since" slide shows: the two meetings, the themes of each kind of change
    (compare.theme_changes rows, the most raised first), the participants in view who spoke
    at both (compare.speakers_across rows) and how many remarks of each meeting in view are
    not yet coded."""

    earlier: str
    later: str
    changes: pd.DataFrame
    both: pd.DataFrame
    not_coded: dict[str, int]


def since(dataset: Dataset, remarks: pd.DataFrame,
          meetings: Sequence[str] | None = None) -> Since | None:
    """Return the content of the "since" slide for the view (since_meetings compared over the
    given remarks), or None with fewer than two meetings."""
    pair = since_meetings(dataset, meetings)
    if pair is None:
        return None
    earlier, later = pair
    people = compare.speakers_across(dataset, remarks, earlier, later)
    summary = compare.meeting_summary(dataset, remarks, [earlier, later])
    return Since(earlier=earlier, later=later,
                 changes=compare.theme_changes(dataset, remarks, earlier, later),
                 both=people[people["spoke_at"] == "both"].reset_index(drop=True),
                 not_coded=dict(zip(summary["meeting"], summary["not_coded"].astype(int),
                                    strict=True)))


def shorten(text: str, limit: int) -> str:
    """Return `text` cut to at most `limit` characters at a space, ending in '…' when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,.·") + "…"


def sentences(text: str) -> list[str]:
    """Return the sentences of `text` (whitespace collapsed), in order."""
    return _SENTENCE.findall(" ".join(text.split()))


def fit_sentences(text: str, limit: int) -> tuple[str, int]:
    """Return `text` in at most `limit` characters and how much was left out: (the whole text,
    0); (its leading whole sentences that fit, followed by OMITTED, 1); or, when not even the
    first sentence fits, (a cut at a space ending in '…', 2)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text, 0
    kept: list[str] = []
    for sentence in sentences(text):
        if len(" ".join([*kept, sentence])) + len(OMITTED) > limit:
            break
        kept.append(sentence)
    if kept:
        return " ".join(kept) + OMITTED, 1
    return shorten(text, limit), 2


def type_themes(dataset: Dataset, remarks: pd.DataFrame, org_type: str,
                n: int = 3) -> pd.DataFrame:
    """Return the `n` themes most raised by an org type's participants in view: `theme_id`,
    `total` (participants), ties in codebook order."""
    return counts.top_themes(dataset, remarks[remarks["org_type"] == org_type], n=n)


def key_quotes(dataset: Dataset, remarks: pd.DataFrame, org_type: str, n: int = 3,
               limit: int = 140, limit_en: int | None = None) -> pd.DataFrame:
    """Return up to `n` quotes of an org type, from different speakers, each in whole sentences
    (fit_sentences): remarks that need no cut inside a sentence first, then those coded with the
    type's top themes, then the ones that fit whole, proposals before concerns, assessments and
    agreements, then the shorter. `limit_en` also fits the translation (excerpt_en) and counts
    it in the choice; without it the translation is fitted to `limit` and not counted. Columns:
    remark_id, speaker, excerpt, excerpt_en, full_length."""
    mine = remarks[remarks["org_type"] == org_type]
    if mine.empty:
        return pd.DataFrame(columns=["remark_id", "speaker", "excerpt", "excerpt_en",
                                     "full_length"])
    top = type_themes(dataset, remarks, org_type)["theme_id"].tolist()
    rank = {theme: i for i, theme in enumerate(top)}
    ko = mine["excerpt"].map(lambda x: fit_sentences(x, limit))
    en = mine["excerpt_en"].map(lambda x: fit_sentences(x, limit_en or limit))
    cut = ko.str[1]
    if limit_en is not None:
        cut = cut.combine(en.str[1].where(mine["excerpt_en"] != "", 0), max)
    scored = mine.assign(
        word_cut=cut >= 2, not_whole=cut >= 1,
        theme_rank=mine["themes"].map(lambda ts: min((rank[t] for t in ts if t in rank),
                                                     default=len(rank))),
        kind_rank=mine["kind"].astype(object).map(KIND_PREFERENCE).fillna(len(KIND_PREFERENCE)),
        length=mine["excerpt"].str.len())
    ordered = scored.sort_values(["word_cut", "theme_rank", "not_whole", "kind_rank", "length",
                                  "position"], kind="stable")
    chosen = ordered.drop_duplicates("speaker").head(n)
    return pd.DataFrame({
        "remark_id": chosen["remark_id"], "speaker": chosen["speaker"],
        "excerpt": ko[chosen.index].str[0], "excerpt_en": en[chosen.index].str[0],
        "full_length": chosen["length"],
    }).reset_index(drop=True)


def recommendations_with(dataset: Dataset, remarks: pd.DataFrame,
                         statuses: tuple[str, ...]) -> pd.DataFrame:
    """Return the recommendations in view with one of `statuses`, most-backed first (then data
    order), with their plan section, responsible unit, response note and reason (처리 사유),
    blank when the state has none (progress.STATE_COLUMNS)."""
    rows = progress.recommendation_rows(dataset, remarks, statuses)
    for column in progress.STATE_COLUMNS:
        if column not in rows:
            rows[column] = ""
    return rows.sort_values("n_participants", ascending=False, kind="stable").reset_index(
        drop=True)


def closing_items(dataset: Dataset, remarks: pd.DataFrame, kind: ClosingKind) -> pd.DataFrame:
    """Return the recommendations a closing list shows (recommendations_with): reflected ones
    most-backed first; open ones 미반영 first, then 검토중, each most-backed first."""
    if kind == "reflected":
        return recommendations_with(dataset, remarks, REFLECTED)
    recs = recommendations_with(dataset, remarks, OPEN)
    order = recs["status"].astype(str).map({s: i for i, s in enumerate(OPEN_ORDER)})
    return recs.iloc[order.argsort(kind="stable")].reset_index(drop=True)


def slide_items(items: pd.DataFrame, slide: Slide) -> pd.DataFrame:
    """Return the rows of `items` (closing_items of the slide's kind) on closing slide `slide`."""
    size = ITEMS_PER_SLIDE["reflected" if slide.kind == "reflected" else "open"]
    return items.iloc[(slide.part - 1) * size:slide.part * size]

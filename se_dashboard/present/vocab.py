"""Display labels that come from the data folder or the contract, in Korean or English."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from se_dashboard.data.contract import KIND_EN, KINDS, MEETING_EN, STATUS_EN, STATUSES
from se_dashboard.data.loader import Dataset

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")


def org_type_labels(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return org_type -> label, in data order."""
    frame = dataset.org_types
    return dict(zip(frame["org_type"], frame[f"label_{lang}"], strict=True))


def theme_labels(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return theme_id -> label, in codebook order."""
    frame = dataset.themes
    return dict(zip(frame["theme_id"], frame[f"label_{lang}"], strict=True))


def rec_titles(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return rec_id -> title, in data order."""
    frame = dataset.recommendations
    return dict(zip(frame["rec_id"], frame[f"title_{lang}"], strict=True))


def rec_details(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return rec_id -> description in `lang` (blank when the data gives none), in data order."""
    frame = dataset.recommendations
    return dict(zip(frame["rec_id"], frame[f"detail_{lang}"], strict=True))


def meeting_label(name: str, lang: Lang) -> str:
    """Return a meeting's display name in `lang`: the English name of a known Korean meeting
    name (surrounding spaces ignored), anything else as typed."""
    if lang == "en":
        return MEETING_EN.get(name.strip(), name)
    return name


def meeting_titles(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return meeting_id -> title in `lang`, in display order."""
    frame = dataset.meetings
    return dict(zip(frame["meeting_id"], frame[f"title_{lang}"], strict=True))


def meeting_options(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return meeting_id -> 'title (date)' (just the title when the date is blank), in display
    order: how a meeting is offered in a filter."""
    frame = dataset.meetings
    return {m: f"{title} ({day})" if day else title
            for m, title, day in zip(frame["meeting_id"], frame[f"title_{lang}"],
                                     frame["date"], strict=True)}


def meetings_text(dataset: Dataset, meeting_ids: Sequence[str], lang: Lang) -> str:
    """Return the titles of the given meetings in display order, joined by ' · ' (e.g.
    '중간보고회 · 최종보고회'): how a view names the meetings it covers."""
    chosen = set(meeting_ids)
    return " · ".join(title for m, title in meeting_titles(dataset, lang).items() if m in chosen)


def status_labels(lang: Lang) -> dict[str, str]:
    """Return status -> label (Korean statuses are the data values themselves)."""
    return {s: (s if lang == "ko" else STATUS_EN[s]) for s in STATUSES}


def kind_labels(lang: Lang) -> dict[str, str]:
    """Return kind -> label."""
    return {k: (k if lang == "ko" else KIND_EN[k]) for k in KINDS}


def participant_labels(dataset: Dataset) -> dict[str, str]:
    """Return speaker -> 'name · organization' (just the name when the organization is hidden),
    in order of first appearance."""
    people = dataset.participants
    labels = people["speaker"].str.cat(people["organization"], sep=" · ").where(
        people["organization"] != "", people["speaker"])
    return dict(zip(people["speaker"], labels, strict=True))

"""Display labels that come from the data folder or the contract, in Korean or English."""

from __future__ import annotations

from typing import Literal

from .contract import KIND_EN, KINDS, STATUS_EN, STATUSES
from .loader import Dataset

Lang = Literal["ko", "en"]
LANGS: tuple[Lang, ...] = ("ko", "en")
# The meetings of a Korean research contract (연구용역) by their usual names; any other name
# in the data's `meeting` column is shown as typed, in both languages.
MEETING_EN = {"착수보고회": "Inception report meeting", "중간보고회": "Interim report meeting",
              "최종보고회": "Final report meeting"}


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

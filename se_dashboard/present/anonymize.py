"""The anonymized view: consistent pseudonyms that carry the organization type, and no
organization names or roles."""

from __future__ import annotations

from dataclasses import replace

from se_dashboard.data.loader import Dataset
from se_dashboard.present.vocab import Lang, org_type_labels

PREFIX = {"ko": "참석자", "en": "Participant"}


def letters(index: int) -> str:
    """Return the spreadsheet-style letters of a 0-based index: A, B, ..., Z, AA, AB, ..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def pseudonyms(dataset: Dataset, lang: Lang) -> dict[str, str]:
    """Return speaker -> pseudonym such as '참석자 A · 생협', lettered in order of first
    appearance, so the same data folder always gives the same pseudonyms."""
    labels = org_type_labels(dataset, lang)
    people = dataset.participants
    return {speaker: f"{PREFIX[lang]} {letters(i)} · {labels[str(org_type)]}"
            for i, (speaker, org_type) in enumerate(zip(people["speaker"], people["org_type"],
                                                         strict=True))}


def anonymize(dataset: Dataset, lang: Lang) -> Dataset:
    """Return the dataset with speakers replaced by pseudonyms and organizations and roles
    blanked everywhere (remarks, participants and the long tables)."""
    names = pseudonyms(dataset, lang)

    def rename(frame):
        frame = frame.copy()
        frame["speaker"] = frame["speaker"].map(names)
        for column in ("organization", "role"):
            if column in frame:
                frame[column] = ""
        return frame

    return replace(dataset, remarks=rename(dataset.remarks),
                   participants=rename(dataset.participants),
                   remark_themes=rename(dataset.remark_themes),
                   remark_recs=rename(dataset.remark_recs))

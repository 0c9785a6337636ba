"""The coded remarks are faithful to the source article and consistent across the four files.

Read straight from the files (not through the loader), so a loader bug cannot hide a data error.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass

import pytest
from helpers_data import DATA

ARTICLE = DATA / "source-interim-report-commentary.txt"
LIST_SEPARATOR = ";"
# A name introducing a speaker: Hangul name, then "(organization role)".
ANY_INTRO = re.compile(r"([가-힣]{2,4})\(([^()]*)\)")


def read_table(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def split(cell: str) -> list[str]:
    return [item.strip() for item in cell.split(LIST_SEPARATOR) if item.strip()]


def collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


REMARKS = read_table("remarks.csv")
ORG_TYPES = read_table("org_types.csv")
CODEBOOK = read_table("codebook.csv")
RECOMMENDATIONS = read_table("recommendations.csv")
SPEAKERS = list(dict.fromkeys(row["speaker"] for row in REMARKS))


@dataclass(frozen=True)
class Part:
    """One speaker's part of the article: the introduction's parenthesis and what follows it."""

    speaker: str
    intro: str
    text: str
    line: int


def article_parts() -> tuple[dict[str, Part], list[str]]:
    """Split the article into speakers' parts; also return the text before each line's first one.

    A part starts right after `이름(…)` and ends at the next participant's introduction or at the
    end of its line of the file.
    """
    names = "|".join(map(re.escape, sorted(SPEAKERS, key=len, reverse=True)))
    intro = re.compile(rf"({names})\(([^()]*)\)")
    parts: dict[str, Part] = {}
    leads: list[str] = []
    for number, line in enumerate(ARTICLE.read_text(encoding="utf-8").splitlines(), start=1):
        found = list(intro.finditer(line))
        if not found:
            continue
        leads.append(line[: found[0].start()])
        for match, after in zip(found, [*found[1:], None], strict=True):
            speaker = match.group(1)
            assert speaker not in parts, f"{speaker} is introduced twice (line {number})"
            end = after.start() if after else len(line)
            parts[speaker] = Part(speaker, match.group(2), line[match.end():end], number)
    return parts, leads


PARTS, LEADS = article_parts()


def excerpts_of(speaker: str) -> list[str]:
    return [row["excerpt"] for row in REMARKS if row["speaker"] == speaker]


# --- (a), (b) the excerpts are the article's text ------------------------------------------


@pytest.mark.parametrize("row", REMARKS, ids=[row["remark_id"] for row in REMARKS])
def test_excerpt_is_verbatim_in_its_speakers_part(row: dict[str, str]) -> None:
    part = PARTS[row["speaker"]]
    assert row["excerpt"].strip()
    assert collapse(row["excerpt"]) in collapse(part.text)
    assert squeeze(row["excerpt"]) in squeeze(part.text)


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_introduction_names_organization_and_role(speaker: str) -> None:
    intro = PARTS[speaker].intro
    for row in REMARKS:
        if row["speaker"] == speaker:
            assert row["organization"] in intro, (row["remark_id"], intro)
            assert row["role"] and row["role"] in intro, (row["remark_id"], intro)


@pytest.mark.parametrize("speaker", SPEAKERS)
def test_each_part_is_fully_covered_in_file_order(speaker: str) -> None:
    assert "".join(squeeze(e) for e in excerpts_of(speaker)) == squeeze(PARTS[speaker].text)


def test_text_before_first_introduction_is_only_photo_captions() -> None:
    """Each line of remarks starts with a caption naming its speakers in order, nothing else."""
    assert len(LEADS) == 4
    by_line: dict[int, list[str]] = {}
    for part in PARTS.values():
        by_line.setdefault(part.line, []).append(part.speaker)
    for lead, speakers in zip(LEADS, by_line.values(), strict=True):
        assert lead.split() == speakers


# --- (c) who is in the article --------------------------------------------------------------


def test_fifteen_participants() -> None:
    assert len(SPEAKERS) == 15
    assert len(PARTS) == 15


def test_every_speaker_in_the_article_is_in_the_data() -> None:
    in_article = [m.group(1) for m in ANY_INTRO.finditer(ARTICLE.read_text(encoding="utf-8"))]
    assert len(in_article) == len(set(in_article)) == 15
    assert in_article == SPEAKERS  # the same people, in the same order
    captions = {name for lead in LEADS for name in lead.split()}
    assert captions == set(SPEAKERS)


def test_remarks_follow_the_article_order() -> None:
    text = squeeze(ARTICLE.read_text(encoding="utf-8"))
    positions = [text.index(squeeze(row["excerpt"])) for row in REMARKS]
    assert positions == sorted(positions)


# --- (d) the four files fit together --------------------------------------------------------


def test_ids_are_unique_and_present() -> None:
    for rows, column in ((REMARKS, "remark_id"), (ORG_TYPES, "org_type"), (CODEBOOK, "theme_id"),
                         (RECOMMENDATIONS, "rec_id")):
        ids = [row[column] for row in rows]
        assert all(ids), column
        assert len(ids) == len(set(ids)), [i for i, n in Counter(ids).items() if n > 1]


def test_referential_integrity() -> None:
    org_types = {row["org_type"] for row in ORG_TYPES}
    themes = {row["theme_id"] for row in CODEBOOK}
    recs = {row["rec_id"] for row in RECOMMENDATIONS}
    for row in REMARKS:
        assert row["org_type"] in org_types, row["remark_id"]
        assert split(row["themes"]), row["remark_id"]
        assert set(split(row["themes"])) <= themes, row["remark_id"]
        assert set(split(row["recommendation_ids"])) <= recs, row["remark_id"]
    for row in RECOMMENDATIONS:
        assert set(split(row["themes"])) <= themes, row["rec_id"]


def test_every_theme_is_used_by_an_excerpt() -> None:
    used = {theme for row in REMARKS for theme in split(row["themes"])}
    assert [row["theme_id"] for row in CODEBOOK if row["theme_id"] not in used] == []


def test_every_recommendation_is_backed_by_an_excerpt() -> None:
    backed = {rec for row in REMARKS for rec in split(row["recommendation_ids"])}
    assert [row["rec_id"] for row in RECOMMENDATIONS if row["rec_id"] not in backed] == []


def test_every_participant_backs_a_recommendation() -> None:
    backers = {row["speaker"] for row in REMARKS if split(row["recommendation_ids"])}
    assert [s for s in SPEAKERS if s not in backers] == []


def test_every_org_type_has_a_participant() -> None:
    used = {row["org_type"] for row in REMARKS}
    assert [row["org_type"] for row in ORG_TYPES if row["org_type"] not in used] == []


def test_one_speaker_one_organization_one_org_type() -> None:
    for column in ("organization", "role", "org_type"):
        values: dict[str, set[str]] = {}
        for row in REMARKS:
            values.setdefault(row["speaker"], set()).add(row[column])
        assert {s: v for s, v in values.items() if len(v) > 1} == {}, column


def test_each_organization_has_one_org_type() -> None:
    types: dict[str, set[str]] = {}
    for row in REMARKS:
        types.setdefault(row["organization"], set()).add(row["org_type"])
    assert {org: t for org, t in types.items() if len(t) > 1} == {}
    assert types["등대생협"] == {"coop"}  # two participants from one organization


def test_statuses_start_under_review() -> None:
    assert {row["status"] for row in RECOMMENDATIONS} == {"검토중"}


def test_sizes_of_the_vocabularies() -> None:
    assert 4 <= len(ORG_TYPES) <= 7
    assert 8 <= len(CODEBOOK) <= 15

"""What an import will write: the new meeting, each speaker's organization, role and type, and
the new remark rows, decided against the base folder and corrected by a person before saving.

A speaker already in the base (same name) keeps the base's organization and type (the loader
allows one of each per speaker); a new speaker whose organization is in the base gets that
organization's type; anyone else is `untyped` (유형 미정). Plans are immutable: the functions
that correct one return a new plan.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date as Date

from se_dashboard.data.contract import (
    CODING_IN_PROGRESS,
    MEETING_EN,
    UNTYPED_LABEL_EN,
    UNTYPED_LABEL_KO,
    UNTYPED_ORG_TYPE,
)
from se_dashboard.data.loader import MEETING_COLUMNS, Dataset
from se_dashboard.intake.documents import IntakeError
from se_dashboard.intake.sentences import split_sentences
from se_dashboard.intake.turns import Found, Turn

# The organization written for a speaker whose minutes give none (the column may not be blank).
UNKNOWN_ORGANIZATION = "소속 미상"
UNTYPED_DESCRIPTION_KO = ("가져온 회의록의 발언자 가운데 기관 유형을 아직 정하지 않은 소속입니다. "
                          "가져오기 화면에서 유형을 골라 주세요.")
UNTYPED_DESCRIPTION_EN = ("Organizations of imported speakers whose type has not been set yet; "
                          "choose it on the import page.")
MAX_MEETING_ID_CHARS = 100


@dataclass(frozen=True)
class Meeting:
    """The meeting being imported (a row of meetings.csv, coding 진행중)."""

    meeting_id: str
    title_ko: str
    title_en: str
    date: str = ""
    kind: str = ""
    coding: str = CODING_IN_PROGRESS


@dataclass(frozen=True)
class Speaker:
    """One speaker as the import will write them, and what the document said."""

    name: str
    organization: str
    role: str
    org_type: str
    known: bool  # already in the base: keeps the base's organization and type
    doc_organization: str = ""
    doc_role: str = ""


@dataclass(frozen=True)
class SpeakerSummary:
    """A speaker of the plan with their counts (see ImportPlan.speakers)."""

    speaker: Speaker
    n_turns: int
    n_excerpts: int


@dataclass(frozen=True)
class ImportPlan:
    """Everything the import will write.

    `found.turns[i]` is said by `assignment[i]` and split into `excerpts[i]`; `people` holds
    every speaker the plan has settled (some may have no turn left after a reassignment);
    `remark_ids` gives one id per excerpt in order. `org_types` lists the choices of type
    (id, Korean label, English label): the base's, then `untyped`."""

    meeting: Meeting
    found: Found
    excerpts: tuple[tuple[str, ...], ...]
    assignment: tuple[str, ...]
    people: tuple[Speaker, ...]
    remark_ids: tuple[str, ...]
    org_types: tuple[tuple[str, str, str], ...]
    base_people: tuple[tuple[str, str, str, str], ...]  # speaker, organization, role, org_type
    base_orgs: tuple[tuple[str, str], ...]  # organization -> org_type
    base_meetings: tuple[tuple[str, ...], ...]  # the base's meetings, MEETING_COLUMNS
    base_fingerprint: str

    @property
    def turns(self) -> tuple[Turn, ...]:
        return self.found.turns

    def person(self, name: str) -> Speaker:
        """Return the speaker called `name` (IntakeError if the plan has none)."""
        for person in self.people:
            if person.name == name:
                return person
        raise IntakeError(f"'{name}' 발언자가 없습니다.", f"there is no speaker '{name}'.")

    @property
    def speakers(self) -> tuple[SpeakerSummary, ...]:
        """Return the speakers who have turns, in order of their first turn, with counts."""
        turns = Counter(self.assignment)
        excerpts: Counter[str] = Counter()
        for name, pieces in zip(self.assignment, self.excerpts, strict=True):
            excerpts[name] += len(pieces)
        return tuple(SpeakerSummary(self.person(name), turns[name], excerpts[name])
                     for name in dict.fromkeys(self.assignment))

    @property
    def n_excerpts(self) -> int:
        return len(self.remark_ids)

    @property
    def needs_untyped(self) -> bool:
        """Whether a speaker with turns is `untyped`."""
        return any(s.speaker.org_type == UNTYPED_ORG_TYPE for s in self.speakers)

    def rows(self) -> list[dict[str, str]]:
        """Return the new remarks.csv rows, one per excerpt, in the document's order."""
        people = {p.name: p for p in self.people}
        ids = iter(self.remark_ids)
        rows = []
        for name, pieces in zip(self.assignment, self.excerpts, strict=True):
            person = people[name]
            for excerpt in pieces:
                rows.append({"remark_id": next(ids), "meeting": self.meeting.meeting_id,
                             "speaker": person.name, "organization": person.organization,
                             "role": person.role, "org_type": person.org_type, "kind": "",
                             "themes": "", "recommendation_ids": "", "excerpt": excerpt,
                             "excerpt_en": ""})
        return rows

    def differences(self) -> tuple[tuple[str, str], ...]:
        """Return (Korean, English) notes where a known speaker's document disagrees with the
        base (the base's organization is kept)."""
        notes = []
        for summary in self.speakers:
            person = summary.speaker
            if person.known and person.doc_organization and (
                    _squeeze(person.doc_organization) != _squeeze(person.organization)):
                notes.append((
                    f"{person.name}: 문서의 소속 '{person.doc_organization}' 대신 기존 데이터의 "
                    f"소속 '{person.organization}'을(를) 씁니다.",
                    f"{person.name}: the base's organization '{person.organization}' is kept; "
                    f"the document says '{person.doc_organization}'."))
        return tuple(notes)


def _squeeze(text: str) -> str:
    return "".join(text.split())


def next_ids(existing: Sequence[str], n: int) -> tuple[str, ...]:
    """Return n new remark ids continuing the pattern of the last numbered id (M35 -> M36,
    M37, …; zero padding kept), skipping any id already taken."""
    taken = set(existing)
    numbered = [m for e in existing if (m := re.fullmatch(r"(.*?)(\d+)", e))]
    if numbered:
        prefix, width = numbered[-1][1], len(numbered[-1][2])
        number = max(int(m[2]) for m in numbered if m[1] == prefix) + 1
    else:
        prefix, width, number = "M", 2, 1
    ids: list[str] = []
    while len(ids) < n:
        candidate = f"{prefix}{number:0{width}d}"
        if candidate not in taken:
            ids.append(candidate)
            taken.add(candidate)
        number += 1
    return tuple(ids)


def _check_meeting(base: Dataset, meeting_id: str, day: str) -> None:
    if not meeting_id or "\n" in meeting_id or "\r" in meeting_id:
        raise IntakeError("회의 이름을 적어 주세요(한 줄).", "give the meeting a name (one line).")
    if len(meeting_id) > MAX_MEETING_ID_CHARS:
        raise IntakeError(f"회의 이름이 너무 깁니다(최대 {MAX_MEETING_ID_CHARS}자).",
                          f"the meeting name is too long (at most {MAX_MEETING_ID_CHARS}).")
    if meeting_id in base.meeting_ids:
        raise IntakeError(
            f"'{meeting_id}' 회의가 이미 데이터에 있습니다. 다른 이름(예: '{meeting_id} 2차')을 "
            "써 주세요.",
            f"the data already has a meeting '{meeting_id}'; choose another name (e.g. "
            f"'{meeting_id} 2차').")
    if day:
        try:
            valid = len(day) == 10 and Date.fromisoformat(day).isoformat() == day
        except ValueError:
            valid = False
        if not valid:
            raise IntakeError(f"날짜 '{day}'를 읽을 수 없습니다. YYYY-MM-DD(예: 2025-05-01)로 적어 "
                              "주세요.",
                              f"the date '{day}' cannot be read; write it as YYYY-MM-DD (e.g. "
                              "2025-05-01).")


def _base_tables(base: Dataset) -> tuple[tuple, tuple, tuple, tuple]:
    people = tuple((str(r.speaker), str(r.organization), str(r.role), str(r.org_type))
                   for r in base.participants.itertuples(index=False))
    # each organization's most frequent type among its speakers (a tie: the first seen)
    by_org: dict[str, Counter[str]] = {}
    for _, organization, _, org_type in people:
        by_org.setdefault(organization, Counter())[org_type] += 1
    orgs = tuple((org, counts.most_common(1)[0][0]) for org, counts in by_org.items())
    types = [(str(r.org_type), str(r.label_ko), str(r.label_en))
             for r in base.org_types.itertuples(index=False)]
    if UNTYPED_ORG_TYPE not in {t[0] for t in types}:
        types.append((UNTYPED_ORG_TYPE, UNTYPED_LABEL_KO, UNTYPED_LABEL_EN))
    meetings = tuple(tuple(str(v) for v in row)
                     for row in base.meetings[list(MEETING_COLUMNS)].itertuples(index=False))
    return people, orgs, tuple(types), meetings


def _org_type_of(plan_orgs: tuple[tuple[str, str], ...], organization: str) -> tuple[str, str]:
    """Return (organization as the base spells it, its type) or (organization, 'untyped')."""
    squeezed = _squeeze(organization)
    for org, org_type in plan_orgs:
        if org == organization or _squeeze(org) == squeezed:
            return org, org_type
    return organization, UNTYPED_ORG_TYPE


def _settle(name: str, doc_organization: str, doc_role: str,
            base_people: tuple[tuple[str, str, str, str], ...],
            base_orgs: tuple[tuple[str, str], ...]) -> Speaker:
    for speaker, organization, role, org_type in base_people:
        if speaker == name:
            return Speaker(name, organization, doc_role or role, org_type, True,
                           doc_organization, doc_role)
    if doc_organization:
        organization, org_type = _org_type_of(base_orgs, doc_organization)
    else:
        organization, org_type = UNKNOWN_ORGANIZATION, UNTYPED_ORG_TYPE
    return Speaker(name, organization, doc_role, org_type, False, doc_organization, doc_role)


def plan_import(base: Dataset, found: Found, meeting_id: str, title_ko: str | None = None,
                title_en: str | None = None, date: str = "", kind: str | None = None
                ) -> ImportPlan:
    """Plan the import of `found` (see turns.find_turns) as a new meeting of `base`.

    Titles default to the meeting's name (a usual Korean name such as 최종보고회 gets its
    English name); `kind` defaults to the name when it is one of those usual names. Splits the
    turns into sentences (kiwipiepy, built on first use). Raises IntakeError for a meeting name
    the base already has, a blank one or a date that is not YYYY-MM-DD."""
    meeting_id, day = " ".join(meeting_id.split()), (date or "").strip()
    _check_meeting(base, meeting_id, day)
    meeting = Meeting(meeting_id, (title_ko or "").strip() or meeting_id,
                      (title_en or "").strip() or MEETING_EN.get(meeting_id, meeting_id), day,
                      meeting_id if kind is None and meeting_id in MEETING_EN
                      else (kind or "").strip())
    base_people, base_orgs, org_types, meetings = _base_tables(base)
    excerpts = tuple(split_sentences([turn.text for turn in found.turns]))
    said: dict[str, list[Turn]] = {}
    for turn in found.turns:
        said.setdefault(turn.speaker, []).append(turn)
    people = tuple(
        _settle(name, next((t.organization for t in turns if t.organization), ""),
                next((t.role for t in turns if t.role), ""), base_people, base_orgs)
        for name, turns in said.items())
    ids = next_ids(base.remarks["remark_id"].tolist(), sum(map(len, excerpts)))
    return ImportPlan(meeting, found, excerpts, tuple(t.speaker for t in found.turns), people,
                      ids, org_types, base_people, base_orgs, meetings, base.fingerprint)


def _with_person(plan: ImportPlan, person: Speaker) -> ImportPlan:
    people = [p for p in plan.people if p.name != person.name]
    index = next((i for i, p in enumerate(plan.people) if p.name == person.name), len(people))
    people.insert(index, person)
    return replace(plan, people=tuple(people))


def set_speaker(plan: ImportPlan, name: str, *, organization: str | None = None,
                role: str | None = None, org_type: str | None = None,
                new_name: str | None = None) -> ImportPlan:
    """Return a plan with speaker `name`'s organization, role, type or name changed.

    A speaker known in the base keeps the base's organization and type (IntakeError if asked
    to change them; change them in the base). A new organization found in the base takes its
    type unless a type is given. Renaming to another speaker's name merges the two."""
    person = plan.person(name)
    types = {t[0] for t in plan.org_types}
    if org_type is not None and org_type not in types:
        raise IntakeError(f"알 수 없는 기관 유형 '{org_type}'.",
                          f"unknown organization type '{org_type}'.")
    if organization is not None:
        organization = " ".join(organization.split())
        if not organization:
            raise IntakeError("소속을 비울 수 없습니다.", "the organization cannot be blank.")
    if person.known and (
            (organization is not None and organization != person.organization)
            or (org_type is not None and org_type != person.org_type)):
        raise IntakeError(
            f"{name}은(는) 기존 데이터에 있는 발언자라서 소속과 기관 유형이 기존 데이터를 "
            "따릅니다. 다른 사람이면 이름을 바꿔 주세요.",
            f"{name} is a speaker of the base data and keeps its organization and type; if this "
            "is someone else, rename them.")
    if organization is not None and organization != person.organization:
        base_spelling, base_type = _org_type_of(plan.base_orgs, organization)
        if org_type is None:
            org_type = base_type if base_type != UNTYPED_ORG_TYPE else person.org_type
        person = replace(person, organization=base_spelling if base_type != UNTYPED_ORG_TYPE
                         else organization)
    if org_type is not None:
        person = replace(person, org_type=org_type)
    if role is not None:
        person = replace(person, role=" ".join(role.split()))
    plan = _with_person(plan, person)
    if new_name is not None and " ".join(new_name.split()) != name:
        target = " ".join(new_name.split())
        for index, speaker in enumerate(plan.assignment):
            if speaker == name:
                plan = reassign_turn(plan, index, target, template=person)
    return plan


def reassign_turn(plan: ImportPlan, index: int, speaker: str,
                  template: Speaker | None = None) -> ImportPlan:
    """Return a plan in which turn `index` (0-based, document order) is said by `speaker`: a
    speaker of the plan, of the base (keeping the base's organization and type), or a new
    name (then with `template`'s organization, role and type, or 소속 미상 and untyped)."""
    if not 0 <= index < len(plan.assignment):
        raise IntakeError(f"{index + 1}번째 발언 차례가 없습니다.",
                          f"there is no turn number {index + 1}.")
    speaker = " ".join(speaker.split())
    if not speaker:
        raise IntakeError("발언자 이름을 적어 주세요.", "give the speaker's name.")
    if all(p.name != speaker for p in plan.people):
        person = _settle(speaker, "", "", plan.base_people, plan.base_orgs)
        if not person.known and template is not None:
            person = replace(template, name=speaker, known=False)
        plan = replace(plan, people=(*plan.people, person))
    assignment = list(plan.assignment)
    assignment[index] = speaker
    return replace(plan, assignment=tuple(assignment))

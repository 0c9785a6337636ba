"""The import's plain-text report, in Korean and English: the meeting, each speaker with
organization, role, type and counts, what was skipped and what could not be attributed."""

from __future__ import annotations

from pathlib import Path

from se_dashboard.data.contract import CODING_EN
from se_dashboard.data.text import INVISIBLE_RE
from se_dashboard.intake.plan import ImportPlan
from se_dashboard.intake.turns import Note

SNIPPET_CHARS = 70


def shown(text: str, limit: int = SNIPPET_CHARS) -> str:
    """Return `text` on one line, shortened with '…', invisible characters spelled <U+XXXX>
    (a terminal must not reorder or hide what it prints)."""
    flat = " ".join(text.split())
    short = flat if len(flat) <= limit else flat[:limit] + "…"
    return INVISIBLE_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", short)


def _notes(notes: tuple[Note, ...]) -> list[str]:
    return [f"  - {n.place} · {n.reason_ko} / {n.reason_en}: {shown(n.text)}" for n in notes]


def report(plan: ImportPlan, source: str, out: Path | None) -> str:
    """Return the report of an import; `out` is the folder written (None: not written)."""
    meeting = plan.meeting
    labels = {t[0]: (t[1], t[2]) for t in plan.org_types}
    speakers = plan.speakers
    when = f" ({meeting.date})" if meeting.date else ""
    lines = [
        f"가져오기 / Import: {shown(source, 200)}",
        f"회의 / Meeting: {shown(meeting.meeting_id)}{when} · {shown(meeting.title_en)} · "
        f"코딩 {meeting.coding} / {CODING_EN.get(meeting.coding, meeting.coding)}",
        f"발언자 {len(speakers)}명 · 발언 차례 {len(plan.turns)}개 · 발췌 {plan.n_excerpts}개 / "
        f"{len(speakers)} speaker(s) · {len(plan.turns)} turn(s) · {plan.n_excerpts} excerpt(s)",
        "발언자 / Speakers:",
    ]
    for summary in speakers:
        person = summary.speaker
        ko, en = labels.get(person.org_type, (person.org_type, person.org_type))
        known = "기존 발언자 / known" if person.known else "새 발언자 / new"
        lines.append(
            f"  - {shown(person.name)} · {shown(person.organization)} · "
            f"{shown(person.role) or '-'} · {ko} / {en} ({person.org_type}) · {known} · "
            f"차례 {summary.n_turns}, 발췌 {summary.n_excerpts} / {summary.n_turns} turn(s), "
            f"{summary.n_excerpts} excerpt(s)")
    lines.append(f"건너뛴 글 {len(plan.found.skipped)}건 / {len(plan.found.skipped)} skipped"
                 + (":" if plan.found.skipped else ""))
    lines.extend(_notes(plan.found.skipped))
    n = len(plan.found.unattributed)
    lines.append(f"발언자를 알 수 없는 글 {n}건(가져오지 않음) / {n} unattributed (not imported)"
                 + (":" if n else ""))
    lines.extend(_notes(plan.found.unattributed))
    differences = plan.differences()
    if differences:
        lines.append("참고 / Notes:")
        lines.extend(f"  - {shown(ko, 200)} / {shown(en, 200)}" for ko, en in differences)
    if out is not None:
        lines.append(f"OK: 새 데이터 폴더를 쓰고 검증했습니다 / wrote and validated the new data "
                     f"folder: {out}")
    return "\n".join(lines)

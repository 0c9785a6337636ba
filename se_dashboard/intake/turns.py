"""Speaker turns in a read document: who speaks (name, organization, role) and what they say,
plus what was skipped as not a remark and what could not be attributed, each with its place.

A turn opens at a speaker header at the start of a paragraph, line or layout block:
`○ 홍길동(소속 직함)`, `◯ 홍길동 위원(소속) : 발언…`, `홍길동 위원: …`, `○ 위원장 홍길동`,
`이름(소속 직함) 발언…` as in the bundled article, or a table row whose first cell names the
speaker. The text that follows, and the following paragraphs, belong to it until the next header
or a line that closes it (일시/장소/참석, a numbered agenda item, 개회/폐회, `- 끝 -`, a heading,
a source note). Lines made only of names (photo captions) are skipped without closing it. Saved
web pages run several blocks into one line, separated by runs of spaces and no-break spaces;
such a run separates blocks as a line break does. A table (DOCX, HWPX, XLSX, CSV) whose header
names a speaker and a text column gives one turn per row; a row with a blank speaker continues
the turn above (a speaker cell merged over several rows).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from se_dashboard.intake.documents import (
    Block,
    Document,
    IntakeError,
    Place,
    match_header,
)
from se_dashboard.intake.template import TEMPLATE_EXAMPLE


@dataclass(frozen=True)
class Turn:
    """One speaker's uninterrupted turn: `text` as read (parts joined by line breaks)."""

    speaker: str
    organization: str
    role: str
    text: str
    place: Place
    header: str  # the header as written, e.g. '이한준(경기도 사회적경제팀장)'


# reason -> (Korean, English)
REASONS: dict[str, tuple[str, str]] = {
    "title": ("제목", "title"),
    "meta": ("일시·장소·참석 등 회의 정보", "date, place or attendance line"),
    "agenda": ("안건·번호 항목", "agenda or numbered item"),
    "procedure": ("개회·폐회·끝 표시", "procedure line (opening, closing, end mark)"),
    "heading": ("소제목", "heading"),
    "source": ("출처·사진 설명", "source or photo note"),
    "caption": ("이름만 있는 줄(사진 설명)", "names only (photo caption)"),
    "table_header": ("표 머리글", "table header"),
    "no_text": ("발언 내용이 없는 발언자", "speaker without any text"),
    "before_first": ("첫 발언자 앞의 글", "text before the first speaker"),
    "after_close": ("진행 표시 뒤, 다음 발언자 앞의 글",
                    "text after a closing line, before the next speaker"),
    "no_speaker": ("발언자 칸이 빈 행", "row without a speaker"),
    "example": ("양식의 예시 행", "the template's example row"),
}


@dataclass(frozen=True)
class Note:
    """A piece of text that is not part of any turn, with where it is and why."""

    place: Place
    text: str
    reason: str  # a key of REASONS

    @property
    def reason_ko(self) -> str:
        return REASONS[self.reason][0]

    @property
    def reason_en(self) -> str:
        return REASONS[self.reason][1]


@dataclass(frozen=True)
class Found:
    """The turns of one document in order, what was skipped and what could not be attributed."""

    filename: str
    turns: tuple[Turn, ...]
    skipped: tuple[Note, ...]
    unattributed: tuple[Note, ...]


# --- names, titles, organizations -----------------------------------------------------------

# Korean surnames (about the 110 most common, which cover nearly everyone) and the double ones.
SURNAMES = frozenset(
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄"
    "채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹제모탁국어은편용예경봉사부가복"
    "태목형계피두감음빈동온호범좌팽승간상갈단견당화창라")
DOUBLE_SURNAMES = frozenset({"남궁", "황보", "제갈", "선우", "독고", "사공", "서문", "동방"})

# Titles that end a role word, longest matched first. Team or department names stay in the
# role (경기도 사회적경제팀장 -> role 사회적경제팀장), as data/CODING.md codes them.
TITLES = tuple(sorted({
    "위원장", "부위원장", "공동위원장", "이사장", "부이사장", "사무국장", "사무처장", "사무총장",
    "센터장", "부센터장", "원장", "부원장", "관장", "부관장", "소장", "부소장", "회장", "부회장",
    "단장", "부단장", "본부장", "팀장", "과장", "국장", "실장", "부장", "차장", "처장", "계장",
    "반장", "대표", "공동대표", "상임대표", "대표이사", "이사", "상임이사", "감사", "위원",
    "운영위원", "연구위원", "의원", "시의원", "도의원", "구의원", "간사", "총무", "활동가",
    "연구원", "책임연구원", "선임연구원", "교수", "부교수", "조교수", "박사", "주무관", "매니저",
    "코디네이터", "사무장", "조합원", "주민", "통장", "이장", "동장", "시장", "부시장", "구청장",
    "군수", "도지사", "부지사", "전무", "상무", "직원", "팀원", "실무자", "담당", "담당자", "주임",
    "대리", "변호사", "회계사", "노무사", "세무사", "사회자", "진행자", "좌장", "의장", "부의장",
    "총장", "교장", "교사", "사회복지사", "지부장", "지회장", "지점장", "조합장", "청장", "지사",
}, key=len, reverse=True))
# Titles fused with their body's name (서울시 사회적경제지원센터장): the body is the name with
# the title's own ending restored (…센터장 -> …센터), and belongs to the organization.
BODY_HEADS = {"센터장": "센터", "원장": "원", "관장": "관", "소장": "소", "회장": "회",
              "시장": "시", "구청장": "구청", "조합장": "조합", "지부장": "지부",
              "지회장": "지회", "지점장": "지점", "단장": "단"}


def title_of(word: str) -> str:
    """Return the known title `word` ends with (the longest), or ''."""
    word = word.removesuffix("님")
    return next((t for t in TITLES if word.endswith(t)), "")


def is_name(token: str, known: frozenset[str] = frozenset(), strict: bool = True) -> bool:
    """Whether `token` looks like a Korean personal name: a surname and one or two syllables
    (strict), or two to four syllables in all (not strict), or a name already seen."""
    if title_of(token) == token.removesuffix("님"):  # `위원장` names a role, not a person
        return False
    if token in known:
        return True
    if not re.fullmatch(r"[가-힣]{2,4}", token):
        return False
    if token[:2] in DOUBLE_SURNAMES:
        return len(token) in (3, 4)
    if token[0] not in SURNAMES:
        return False
    return len(token) == 3 or not strict


def split_org_role(text: str) -> tuple[str, str]:
    """Split `소속 직함` into (organization, role) as data/CODING.md does: the role is the last
    word when it ends with a title (a team's name stays in it: 경기도 사회적경제팀장 -> 경기도,
    사회적경제팀장); a body's head title fused to its name is split off (서울시
    사회적경제지원센터장 -> 서울시 사회적경제지원센터, 센터장); `직함 소속` and `소속, 직함`
    are read too. Without a title the whole text is the organization."""
    text = " ".join(text.split())
    if not text:
        return "", ""
    parts = [p for p in re.split(r"\s*[,，/]\s*", text) if p]
    if len(parts) == 2:
        if title_of(parts[1]) and " " not in parts[1]:
            return _split_last([*parts[0].split(), parts[1]])
        if title_of(parts[0]) == parts[0].removesuffix("님"):
            return parts[1], parts[0]
    words = text.replace(",", " ").split()
    if title_of(words[-1]):
        return _split_last(words)
    if len(words) > 1 and title_of(words[0]) == words[0].removesuffix("님"):
        return " ".join(words[1:]), words[0]
    return text, ""


def _split_last(words: list[str]) -> tuple[str, str]:
    last = words[-1].removesuffix("님")
    title = title_of(last)
    if last != title and title in BODY_HEADS:
        body = last[: -len(title)] + BODY_HEADS[title]
        return " ".join([*words[:-1], body]), title
    return " ".join(words[:-1]), last


# --- recognising lines ------------------------------------------------------------------------

_OPENER = re.compile(r"^\s*(?:[○◯●•·▶▷►▸\-–—□■◆◇▣◈※*]|ㅇ(?=\s))\s*")
_HEADING_BULLETS = "●■□◆◇▣◈※"
# A run of spaces holding a no-break space: how a saved web page separates its blocks.
_GAP = re.compile(r"[ \t\u3000\xa0]{2,}")
_PAREN = r"[(（](?P<paren>(?:[^()（）]|[(（][^()（）]*[)）]){1,80})[)）]"
_HEAD_PAREN = re.compile(rf"^(?P<who>[^()（）:：]{{2,24}}?)\s*{_PAREN}(?P<after>.*)$", re.S)
_HEAD_COLON = re.compile(r"^(?P<who>[^()（）:：]{2,24}?)\s*[:：]\s*(?P<rest>.*)$", re.S)
_META = re.compile(
    r"^(?:회의\s*)?(?:일\s*시|일\s*자|날\s*짜|장\s*소|참\s*석\s*(?:자|위원|기관|인원|대상)?|"
    r"배\s*석\s*자?|불\s*참\s*자?|회\s*의\s*명|작\s*성\s*자|기\s*록\s*자|주\s*최|주\s*관|시\s*간)"
    r"\s*(?:[:：]|$)")
_PROCEDURE = re.compile(
    r"^[(\[<（【〈]?\s*(?:(?:오전|오후)\s*)?(?:\d{1,2}\s*(?:시|:)\s*(?:\d{1,2}\s*분?)?\s*)?"
    r"(?:개\s*회|폐\s*회|정\s*회|속\s*개|산\s*회|휴\s*회|회의\s*(?:시작|종료|개회|폐회))"
    r"(?:\s*(?:선언|인사|식))?\s*[)\]>）】〉]?\s*\.?$")
_END_MARK = re.compile(r"^[\-–—=~<(\[〈《【\s]*끝[\s\-–—=~>)\]〉》】.]*$")
_NUMBERED = re.compile(
    r"^(?:\(?\d{1,2}[.)]|\(?[가-하][.)]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]{1,4}\.|[①-⑳]|제\s*\d+\s*(?:호|항|장|부))"
    r"\s*(?P<rest>.*)$")
_AGENDA_WORD = re.compile(r"^\[?\s*(?:보고|심의|토의)?\s*안\s*건\s*\]?(?:\s|[:：]|$)")
_SOURCE = re.compile(r"^(?:▲|△|(?:출\s*처|자\s*료|사\s*진(?:\s*설명)?)\s*[:：])")
_BRACKETED = re.compile(r"^[\[【〈《<].*[\]】〉》>]$")
_SENTENCE_END = re.compile(r"(?:[.?!。？！…]|[다요죠까])[\"'”’」』)\]]*\s*$")
# Words a photo caption's name does not end with (particles and verb endings).
_NOT_NAME_END = tuple("에로히다요를을께와")


def _segments(text: str) -> list[str]:
    """Split a block at line breaks and at layout gaps (runs of spaces with a no-break space)."""
    out: list[str] = []
    for line in text.split("\n"):
        start = 0
        for gap in _GAP.finditer(line):
            if "\xa0" in gap.group():
                out.append(line[start:gap.start()])
                start = gap.end()
        out.append(line[start:])
    return [s.strip() for s in out if s.strip()]


@dataclass(frozen=True)
class _Header:
    name: str
    organization: str
    role: str
    rest: str
    header: str
    weak: bool  # a bare name and a colon, with no opener: trusted only when others are found


def _who(text: str, known: frozenset[str], strict: bool) -> tuple[str, str] | None:
    """Return (name, title) for `홍길동`, `홍길동 위원`, `홍길동위원` or `위원장 홍길동`."""
    words = text.split()
    if len(words) == 1:
        word = words[0]
        if is_name(word, known, strict):
            return word, ""
        title = title_of(word)
        stem = word.removesuffix("님")[: -len(title)] if title else ""
        if stem and is_name(stem, known, strict=False):
            return stem, word[len(stem):].removesuffix("님")
        return None
    if len(words) == 2:
        first, second = words
        if is_name(first, known, strict=False) and title_of(second):
            return first, second.removesuffix("님")
        if title_of(first) and is_name(second, known, strict=False):
            return second, first.removesuffix("님")
    return None


def _header(segment: str, known: frozenset[str], cell: bool = False) -> _Header | None:
    """Return the speaker header a segment starts with, or None. `cell`: the segment is a
    table row's first cell, where a bare name is enough."""
    opener = _OPENER.match(segment)
    body = segment[opener.end():] if opener else segment
    strong = bool(opener) or cell
    if match := _HEAD_PAREN.match(body):
        who = _who(match["who"], known, strict=False)
        after = match["after"]
        colon = re.match(r"\s*[:：]\s*", after)
        if who and (colon or not after or after[0].isspace()):
            organization, role = split_org_role(match["paren"])
            if who[1] and not role:
                role = who[1]
            elif who[1] and role:  # 홍길동 위원(광명시 사회적경제과): the paren is the body
                organization, role = " ".join(match["paren"].split()), who[1]
            rest = after[colon.end():] if colon else after.strip()
            if strong or colon or not rest or role:
                return _Header(who[0], organization, role, rest,
                               body[: len(body) - len(after)].strip(), False)
    if match := _HEAD_COLON.match(body):
        who = _who(match["who"], known, strict=not strong)
        if who:
            return _Header(who[0], "", who[1], match["rest"], match["who"].strip(),
                           weak=not strong and not who[1] and who[0] not in known)
        role = match["who"].strip().removesuffix("님")
        if title_of(role) == role:  # `○ 위원장: …` names the speaker by role only
            return _Header(role, "", role, match["rest"], role, False)
    if strong:
        who = _who(body, known, strict=False)
        if who:
            return _Header(who[0], "", who[1], "", body, False)
        words = body.split()
        if opener and len(words) > 2:  # `◯ 홍길동 위원 발언…`: a name with a title, no colon
            who = _who(" ".join(words[:2]), known, strict=False)
            if who and who[1]:
                return _Header(who[0], "", who[1], body.split(None, 2)[2], " ".join(words[:2]),
                               False)
    return None


def _is_caption(segment: str, known: frozenset[str]) -> bool:
    """Whether a segment is made only of personal names (a photo caption)."""
    if len(segment) > 200:  # a caption names a handful of people
        return False
    tokens = [t for t in re.split(r"[\s,·、/]+", segment) if t]
    if not tokens or any(t.endswith(_NOT_NAME_END) and t not in known for t in tokens):
        return False
    if not all(is_name(t, known) for t in tokens):
        return False
    return len(tokens) >= 2 or tokens[0] in known


def _closing_reason(segment: str) -> str | None:
    """Return why a segment is not a remark and closes the open turn, or None."""
    opener = _OPENER.match(segment)
    body = segment[opener.end():] if opener else segment
    numbered = _NUMBERED.match(body)
    plain = numbered["rest"] if numbered else body
    if _META.match(plain) or _META.match(body):
        return "meta"
    if _PROCEDURE.match(plain) or _END_MARK.match(segment) or _END_MARK.match(plain):
        return "procedure"
    if _SOURCE.match(segment) or _SOURCE.match(body):
        return "source"
    short = len(plain) <= 80 and not _SENTENCE_END.search(plain)
    if _AGENDA_WORD.match(plain) or (numbered and short):
        return "agenda"
    if segment.startswith("#") or (short and (
            (opener and opener.group().strip() in _HEADING_BULLETS) or _BRACKETED.match(body))):
        return "heading"
    return None


def _known_names(segments: list[tuple[Place, str, bool]]) -> tuple[frozenset[str], int]:
    """Return the names of strong headers and how many weak (`이름: …`) headers there are."""
    names: set[str] = set()
    weak = 0
    for _, segment, _ in segments:
        if _closing_reason(segment):
            continue
        if header := _header(segment, frozenset()):
            if header.weak:
                weak += 1
            else:
                names.add(header.name)
    return frozenset(names), weak


class _Builder:
    """Collects turns and notes while the blocks are walked in order."""

    def __init__(self) -> None:
        self.turns: list[Turn] = []
        self.skipped: list[Note] = []
        self.unattributed: list[Note] = []
        self.open: dict | None = None
        self.closed = False

    def start(self, place: Place, name: str, organization: str, role: str, header: str,
              text: str) -> None:
        self.finish()
        self.open = {"speaker": name, "organization": organization, "role": role,
                     "place": place, "header": header, "parts": [text] if text.strip() else []}
        self.closed = False

    def add(self, place: Place, text: str, reason_if_none: str | None = None) -> None:
        if self.open is not None:
            self.open["parts"].append(text)
            return
        reason = reason_if_none or ("after_close" if self.closed or self.turns
                                    else "before_first")
        self.unattributed.append(Note(place, text, reason))

    def skip(self, place: Place, text: str, reason: str, closes: bool) -> None:
        if closes and self.open is not None:
            self.finish()
            self.closed = True
        self.skipped.append(Note(place, text, reason))

    def finish(self) -> None:
        if self.open is None:
            return
        turn, self.open = self.open, None
        if not turn["parts"]:
            self.skipped.append(Note(turn["place"], turn["header"], "no_text"))
            return
        self.turns.append(Turn(turn["speaker"], turn["organization"], turn["role"],
                               "\n".join(turn["parts"]), turn["place"], turn["header"]))


def _table_row(builder: _Builder, block: Block, columns: dict[str, int],
               known: frozenset[str]) -> None:
    """Add one row of a speaker table: a new turn, or the text of the turn above."""
    def cell(field: str) -> str:
        i = columns.get(field)
        return " ".join(block.cells[i].split()) if i is not None and i < len(block.cells) else ""

    who = cell("speaker")
    text = block.cells[columns["text"]].strip() if columns["text"] < len(block.cells) else ""
    if (who, text) == (TEMPLATE_EXAMPLE[0], TEMPLATE_EXAMPLE[3]):
        builder.skipped.append(Note(block.place, block.text, "example"))
        return
    if not who:
        if text.strip():
            if builder.open is not None:
                builder.add(block.place, text)
            else:
                builder.unattributed.append(Note(block.place, text, "no_speaker"))
        return
    organization, role = cell("organization"), cell("role")
    header = _header(who, known, cell=True)
    name = header.name if header else who
    if header and not organization:
        organization = header.organization
    if header and not role:
        role = header.role
    if "role" not in columns and organization and not role:
        organization, role = split_org_role(organization)
    # left open: a later row with a blank speaker continues this turn
    builder.start(block.place, name, organization, role, who, text)


def find_turns(document: Document) -> Found:
    """Return the speaker turns of a read document, in order, with what was skipped (title,
    meeting information, agenda, procedure lines, headings, captions) and the text that could
    not be attributed to a speaker. Raises IntakeError when no turn is found."""
    builder = _Builder()
    if document.kind == "table":
        _walk_table(document, builder)
    else:
        _walk_document(document, builder)
    builder.finish()
    if not builder.turns:
        raise IntakeError(
            f"{document.filename}: 발언자를 찾지 못했습니다. 발언은 '○ 홍길동(소속 직함)', "
            "'홍길동 위원: …', '이름(소속 직함) 발언…'처럼 발언자 이름으로 시작해야 합니다. "
            "표라면 머리글에 '발언자'와 '발언 내용' 열이 있어야 합니다.",
            f"{document.filename}: no speaker found. Each turn must start with the speaker, as "
            "in '○ 홍길동(소속 직함)', '홍길동 위원: …' or '이름(소속 직함) remark…'; a table "
            "needs a header with '발언자' (speaker) and '발언 내용' (text) columns.")
    return Found(document.filename, tuple(builder.turns), tuple(builder.skipped),
                 tuple(builder.unattributed))


def _walk_table(document: Document, builder: _Builder) -> None:
    columns: dict[str, int] | None = None
    known: frozenset[str] = frozenset()
    for block in document.blocks:
        if columns is None:
            columns = match_header(block.cells, document.columns)
            builder.skipped.append(Note(block.place, block.text,
                                        "table_header" if columns else "title"))
            continue
        _table_row(builder, block, columns, known)


def _walk_document(document: Document, builder: _Builder) -> None:
    segments = [(block.place, segment, bool(block.cells)) for block in document.blocks
                for segment in _segments(block.text)]
    known, weak = _known_names(segments)
    # a lone `이름: …` is too weak a sign; several of them are a transcript's speakers
    trust_weak = weak >= 2
    table: dict[str, int] | None = None
    table_no: int | None = None
    seen_text = False
    for block in document.blocks:
        if block.cells and table is not None and block.place.table == table_no:
            _table_row(builder, block, table, known)
            continue
        if table is not None:  # the table of turns ended: its last turn ends with it
            builder.finish()
            table = None
        if block.cells and (columns := match_header(block.cells, document.columns)):
            builder.finish()
            builder.skipped.append(Note(block.place, block.text, "table_header"))
            table, table_no = columns, block.place.table
            continue
        if block.cells and _row_turn(builder, block, known):
            continue
        for segment in _segments(block.text):
            first, seen_text = not seen_text, True
            _segment(builder, block.place, segment, known, trust_weak, first)


def _row_turn(builder: _Builder, block: Block, known: frozenset[str]) -> bool:
    """Open a turn for a table row (or tab-separated line) whose first cell names a speaker."""
    cells = [c for c in block.cells if c.strip()]
    if len(cells) < 2 or _closing_reason(cells[0]):
        return False
    header = _header(cells[0], known, cell=True)
    if header is None:
        return False
    text = " ".join(filter(None, [header.rest, *cells[1:]]))
    builder.start(block.place, header.name, header.organization, header.role, header.header,
                  text)
    return True


def _segment(builder: _Builder, place: Place, segment: str, known: frozenset[str],
             trust_weak: bool, first: bool) -> None:
    if reason := _closing_reason(segment):
        builder.skip(place, segment, reason, closes=True)
        return
    header = _header(segment, known)
    if header and (not header.weak or trust_weak):
        builder.start(place, header.name, header.organization, header.role, header.header,
                      header.rest)
        return
    if _is_caption(segment, known):
        builder.skip(place, segment, "caption", closes=False)
        return
    if first and builder.open is None and not builder.turns and len(segment) <= 100 and (
            not _SENTENCE_END.search(segment)):
        builder.skip(place, segment, "title", closes=False)
        return
    builder.add(place, segment)

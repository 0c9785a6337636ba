"""The one loader: read a data folder, validate it against the contract, return typed tables."""

from __future__ import annotations

import hashlib
import os
import threading
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from se_dashboard.data import csvfile, versions
from se_dashboard.data.contract import (
    ALL_SPECS,
    CODEBOOK,
    CODING_DONE,
    CODING_IN_PROGRESS,
    CODINGS,
    DATE_FORMAT_LABEL,
    DEFAULT_MEETING,
    FOLDER_FILES,
    KINDS,
    LIST_SEPARATOR,
    MAX_STOPWORD_CHARS,
    MEETING_EN,
    MEETINGS,
    ORG_TYPES,
    RECOMMENDATIONS,
    REMARKS,
    STATUSES,
    STOPWORDS_FILE,
    THEME_RETIRED,
    FileSpec,
)
from se_dashboard.data.problems import DataError, Problem
from se_dashboard.data.text import INVISIBLE_RE

DATA_ENV = "SE_DASHBOARD_DATA"
BUNDLED_DATA = Path(__file__).resolve().parents[2] / "data"
# Beyond this many rows with the same problem, the rest are summed up in one line.
MAX_LISTED_PER_CHECK = 50
# Ids, names and labels checked for invisible direction and zero-width characters (a warning:
# the folder still loads and they are taken out for display; free text such as excerpts may
# hold them legitimately, e.g. a zero-width joiner inside an emoji).
NAME_COLUMNS = {
    REMARKS.filename: ("remark_id", "speaker", "organization", "role", "org_type", "themes",
                       "recommendation_ids", "kind", "meeting"),
    ORG_TYPES.filename: ("org_type", "label_ko", "label_en"),
    CODEBOOK.filename: ("theme_id", "label_ko", "label_en", "keywords"),
    RECOMMENDATIONS.filename: ("rec_id", "title_ko", "title_en", "themes", "status"),
    MEETINGS.filename: ("meeting_id", "title_ko", "title_en", "kind", "coding"),
}
# Columns of Dataset.meetings, in this order.
MEETING_COLUMNS = ("meeting_id", "date", "title_ko", "title_en", "kind", "coding")


def base_folder() -> Path:
    """Return the configured data folder: $SE_DASHBOARD_DATA, else the bundled data/."""
    return Path(os.environ.get(DATA_ENV) or BUNDLED_DATA).expanduser().resolve()


def data_folder(folder: str | Path | None = None) -> Path:
    """Return the data folder: the argument, else the active version of the configured folder
    (the configured folder itself until a version is published, see versions.py)."""
    if folder:
        return Path(folder).expanduser().resolve()
    return versions.active_folder(base_folder())


def stat_key(folder: Path) -> tuple[tuple[str, int, int, int], ...]:
    """Return (file name, size, modification time, change time) of the contract files (the
    optional ones included, -1s when absent): a cheap key that changes whenever a file is
    rewritten, replaced, added, removed or has its permissions changed (use it to decide when to
    hash the content again)."""
    key = []
    for name in FOLDER_FILES:
        try:
            info = (folder / name).stat()
            key.append((name, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
        except OSError:
            key.append((name, -1, -1, -1))
    return tuple(key)


def fingerprint(folder: Path) -> str:
    """Return a hash of the contract files' bytes (the optional ones included): it changes
    exactly when their content does, or when an optional file appears or goes.

    Files are read in chunks and only if csvfile would read them (regular, within the size
    cap); a file it refuses is keyed by its problem and stat instead of its bytes."""
    digest = hashlib.blake2b(digest_size=16)
    for name in FOLDER_FILES:
        # Each file's key is its size and own hash (or why it is not read), so no edit can shift
        # bytes from one file into the next unnoticed.
        key = csvfile.content_key(folder / name, name)
        digest.update(b"%s\x00%s\x00" % (name.encode(), key))
    return digest.hexdigest()


class _Derived:
    """Tables derived from a dataset's frames (the theme matrix, the search text), computed once
    per set of source frames and shared by every copy `dataclasses.replace` makes of the dataset:
    each page run gets its own copy carrying the checklist state, and without this each would
    rebuild them (the search text at 100,000 remarks: ~0.3 s and tens of MB a session). An
    anonymized copy has other frames, so entries of its own. Sources are held weakly and at most
    KEEP entries per name are kept, so nothing outlives the frames it was derived from for long."""

    KEEP = 4

    def __init__(self) -> None:
        self._entries: dict[str, list[tuple[tuple[weakref.ref, ...], object]]] = {}
        self._lock = threading.Lock()

    def get(self, name: str, sources: tuple[pd.DataFrame, ...], compute: Callable[[], object]):
        """Return the value of `name` for these source frames, computed on first use."""
        with self._lock:
            entries = [(refs, value) for refs, value in self._entries.get(name, ())
                       if all(ref() is not None for ref in refs)]
            self._entries[name] = entries
            for refs, value in entries:
                if all(ref() is source for ref, source in zip(refs, sources, strict=True)):
                    return value
        value = compute()
        with self._lock:
            kept = self._entries.get(name, [])
            self._entries[name] = [(tuple(map(weakref.ref, sources)), value), *kept][:self.KEEP]
        return value


@dataclass(frozen=True)
class Dataset:
    """The validated tables of one data folder.

    - remarks: one row per excerpt in file order; `themes` and `recommendation_ids` are tuples;
      `org_type` and `kind` are categoricals in contract order, `meeting` a categorical in
      meeting order; `coded` is False for a remark not yet coded (no themes, allowed only in a
      meeting whose coding is 진행중).
    - remark_themes / remark_recs: long tables (remark_id, theme_id|rec_id, speaker, org_type).
    - participants: one row per speaker in order of first appearance, with `n_excerpts`.
    - org_types, themes (the codebook), recommendations: in file order, which is display order;
      themes has a bool `retired` (no longer offered for coding).
    - meetings: one row per meeting in display order (meetings.csv's order; without that file,
      the remarks' meetings in order of first appearance): meeting_id, date (YYYY-MM-DD or ""),
      title_ko, title_en, kind, coding (완료 or 진행중).
    """

    folder: Path
    fingerprint: str
    remarks: pd.DataFrame
    remark_themes: pd.DataFrame
    remark_recs: pd.DataFrame
    participants: pd.DataFrame
    org_types: pd.DataFrame
    themes: pd.DataFrame
    recommendations: pd.DataFrame
    meetings: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        {c: pd.Series(dtype=object) for c in MEETING_COLUMNS}))
    # What validation flags without refusing the folder (invisible characters in names).
    warnings: tuple[Problem, ...] = ()
    # The key-terms analysis leaves these words out (stopwords.txt; none without that file).
    stopwords: tuple[str, ...] = ()
    derived: _Derived = field(default_factory=_Derived, repr=False, compare=False)

    @property
    def org_type_ids(self) -> list[str]:
        return self.org_types["org_type"].tolist()

    @property
    def theme_ids(self) -> list[str]:
        return self.themes["theme_id"].tolist()

    @property
    def meeting_ids(self) -> list[str]:
        return self.meetings["meeting_id"].tolist()

    @property
    def theme_matrix(self) -> np.ndarray:
        """Return a remark x theme 0/1 matrix (rows in file order, themes in codebook order),
        computed once per dataset and shared by its copies (see _Derived)."""
        return self.derived.get("theme_matrix", (self.remarks, self.themes, self.remark_themes),
                                self._theme_matrix)

    def _theme_matrix(self) -> np.ndarray:
        # float32: the product of two such matrices runs in BLAS and counts stay exact
        matrix = np.zeros((len(self.remarks), len(self.themes)), dtype=np.float32)
        tagged = self.remark_themes
        matrix[tagged["row"].to_numpy(), tagged["theme_id"].cat.codes.to_numpy()] = 1
        return matrix

    @property
    def search_text(self) -> pd.Series:
        """Return, per remark, its excerpt, translation, speaker and organization lower-cased
        into one text to search, computed once per dataset in Arrow (no Python strings) and
        shared by its copies (see _Derived)."""
        return self.derived.get("search_text", (self.remarks,), self._search_text)

    def _search_text(self) -> pd.Series:
        columns = [self.remarks[c].array.__arrow_array__()
                   for c in ("excerpt", "excerpt_en", "speaker", "organization")]
        separator = pa.scalar("\n", columns[0].type)
        joined = pc.utf8_lower(pc.binary_join_element_wise(*columns, separator))
        return pd.Series(joined, dtype=self.remarks["excerpt"].dtype, index=self.remarks.index)


class _Checker:
    """Collects problems for one file, capping repeats of the same check."""

    def __init__(self, spec: FileSpec, table: csvfile.RawTable, problems: list[Problem]):
        self.spec, self.table, self.problems = spec, table, problems

    def rows(self, indices: Iterable[int], column: str | None, ko: str, en: str) -> None:
        indices = list(indices)
        for i in indices[:MAX_LISTED_PER_CHECK]:
            self.problems.append(Problem(self.spec.filename, self.table.lines[i], column, ko, en))
        self.more(len(indices) - MAX_LISTED_PER_CHECK, column)

    def more(self, rest: int, column: str | None) -> None:
        """Sum up, in one line, the `rest` rows not listed (if any)."""
        if rest > 0:
            self.problems.append(Problem(self.spec.filename, None, column,
                                         f"같은 문제가 있는 행이 {rest:,}개 더 있습니다.",
                                         f"{rest:,} more rows have the same problem."))


def _frame(table: csvfile.RawTable, spec: FileSpec) -> pd.DataFrame:
    frame = table.frame()
    for column in spec.columns:
        if column not in frame.columns and column not in spec.required:
            frame[column] = ""
    for name in spec.translated:
        single, ko, en = frame[name], frame[f"{name}_ko"], frame[f"{name}_en"]
        frame[f"{name}_ko"] = ko.where(ko != "", single.where(single != "", en))
        frame[f"{name}_en"] = en.where(en != "", single.where(single != "", ko))
    return frame[list(spec.columns)]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in cell.split(LIST_SEPARATOR) if p.strip()))


def _check_table(frame: pd.DataFrame, check: _Checker) -> None:
    spec = check.spec
    for column in spec.required:
        if column in spec.may_be_blank:
            continue
        blank = frame.index[frame[column] == ""]
        check.rows(blank, column, "값이 비어 있습니다.", "the value is empty.")
    for name in spec.translated:
        if name in spec.may_be_blank:
            continue
        if not {name, f"{name}_ko", f"{name}_en"} & set(check.table.columns):
            check.problems.append(Problem(
                spec.filename, 1, name,
                f"필수 열 '{name}_ko'와 '{name}_en'(또는 '{name}')이 없습니다.",
                f"required columns '{name}_ko' and '{name}_en' (or '{name}') are missing."))
            continue
        blank = frame.index[frame[f"{name}_ko"] == ""]
        check.rows(blank, name, f"값이 비어 있습니다({name}_ko, {name}_en 또는 {name} 열).",
                   f"the value is empty (columns {name}_ko, {name}_en or {name}).")
    if spec.id_column:
        ids = frame[spec.id_column]
        dup = frame.index[ids.duplicated() & (ids != "")]
        first_line = {v: check.table.lines[i] for i, v in reversed(list(enumerate(ids)))}
        for i in dup[:MAX_LISTED_PER_CHECK]:
            value = ids.iat[i]
            check.problems.append(Problem(
                spec.filename, check.table.lines[i], spec.id_column,
                f"ID '{value}'가 중복됩니다({first_line[value]}행에 먼저 나옴).",
                f"duplicate id '{value}' (first on line {first_line[value]})."))
        check.more(len(dup) - MAX_LISTED_PER_CHECK, spec.id_column)


def _shown(value: str) -> str:
    """Return `value` (shortened) with each invisible character spelled as <U+XXXX>."""
    short = value if len(value) <= 80 else value[:80] + "…"
    return INVISIBLE_RE.sub(lambda m: f"<U+{ord(m.group()):04X}>", short)


def _check_invisible(frame: pd.DataFrame, check: _Checker) -> None:
    """Warn about ids, names and labels holding bidi controls or zero-width characters."""
    for column in NAME_COLUMNS.get(check.spec.filename, ()):
        if column not in frame.columns:
            continue
        values = frame[column]
        flagged = frame.index[values.str.contains(INVISIBLE_RE.pattern, regex=True)]
        for i in flagged[:MAX_LISTED_PER_CHECK]:
            shown = _shown(values.iat[i])
            check.problems.append(Problem(
                check.spec.filename, check.table.lines[i], column,
                f"보이지 않는 방향 제어 문자나 폭 없는 문자가 있습니다: '{shown}'. "
                "이름이 뒤집히거나 다른 이름처럼 보일 수 있어 화면에서는 빼고 보여 줍니다. "
                "원본에서 지워 주세요.",
                f"holds invisible bidi control or zero-width characters: '{shown}'. They can make "
                "a name read reversed or look like another, so they are left out on screen; "
                "remove them from the file."))
        check.more(len(flagged) - MAX_LISTED_PER_CHECK, column)


def _check_allowed(frame: pd.DataFrame, column: str, allowed: Iterable[str], check: _Checker,
                   what_ko: str, what_en: str) -> None:
    """Report values not in `allowed`; blanks are left to _check_table (or allowed if optional)."""
    allowed = [value for value in dict.fromkeys(allowed) if value]
    values = frame[column]
    bad = ~values.isin(allowed) & (values != "")
    shown = "', '".join(allowed)
    for value, idx in frame.index[bad].groupby(values[bad]).items():
        check.rows(idx, column, f"알 수 없는 {what_ko} '{value}' (허용: '{shown}').",
                   f"unknown {what_en} '{value}' (allowed: '{shown}').")


def _check_list_refs(lists: pd.Series, column: str, allowed: set[str], check: _Checker,
                     what_ko: str, what_en: str) -> None:
    exploded = lists.explode().dropna()
    bad = exploded[~exploded.isin(allowed)]
    for value, idx in bad.index.groupby(bad).items():
        check.rows(sorted(set(idx)), column, f"알 수 없는 {what_ko} '{value}'.",
                   f"unknown {what_en} '{value}'.")


def _check_speakers(remarks: pd.DataFrame, check: _Checker) -> None:
    """Report the rows where a speaker's organization or org_type differs from their usual one."""
    named = remarks[remarks["speaker"] != ""]
    for column, ko, en in (("organization", "소속", "organization"),
                           ("org_type", "기관 유형", "organization type")):
        for speaker, values in named.groupby("speaker", sort=False)[column]:
            if values.nunique() < 2:
                continue
            # The value on most rows is taken as right (a tie goes to the first one).
            usual = max(dict.fromkeys(values), key=lambda v: int((values == v).sum()))
            usual_line = check.table.lines[values.index[values == usual][0]]
            for value in dict.fromkeys(values[values != usual]):
                check.rows(values.index[values == value], column,
                           f"발언자 '{speaker}'의 {ko}가 이 행에서는 '{value}'인데 "
                           f"{usual_line}행에서는 '{usual}'입니다. 한 사람은 한 {ko}입니다.",
                           f"speaker '{speaker}' has {en} '{value}' here but '{usual}' on line "
                           f"{usual_line}; one speaker, one {en}.")


def _check_dates(meetings: pd.DataFrame, check: _Checker) -> None:
    """Report meeting dates that are not blank and not a real YYYY-MM-DD date."""
    def bad(value: str) -> bool:
        if not value:
            return False
        try:
            return len(value) != 10 or date.fromisoformat(value).isoformat() != value
        except ValueError:
            return True
    rows = meetings.index[meetings["date"].map(bad)]
    for i in rows[:MAX_LISTED_PER_CHECK]:
        value = meetings.at[i, "date"]
        check.problems.append(Problem(
            check.spec.filename, check.table.lines[i], "date",
            f"날짜 '{value}'를 읽을 수 없습니다. {DATE_FORMAT_LABEL} 형식(예: 2015-03-12)으로 "
            "쓰거나 비워 두세요.",
            f"the date '{value}' cannot be read; write it as {DATE_FORMAT_LABEL} (e.g. "
            "2015-03-12) or leave it blank."))
    check.more(len(rows) - MAX_LISTED_PER_CHECK, "date")


def _meeting_of(remarks: pd.DataFrame, meetings: pd.DataFrame | None) -> pd.Series:
    """Return each remark's meeting id: a blank cell means the first meeting of meetings.csv,
    or the contract's default meeting when there is no meetings.csv."""
    first = meetings["meeting_id"].iat[0] if meetings is not None else DEFAULT_MEETING
    return remarks["meeting"].replace("", first)


def _check_uncoded(remarks: pd.DataFrame, meetings: pd.DataFrame | None,
                   check: _Checker) -> None:
    """Report remarks without themes outside a meeting whose coding is 진행중."""
    being_coded = (set() if meetings is None else
                   set(meetings.loc[meetings["coding"] == CODING_IN_PROGRESS, "meeting_id"]))
    blank = (remarks["themes"].map(len) == 0) & ~_meeting_of(remarks, meetings).isin(being_coded)
    check.rows(
        remarks.index[blank], "themes",
        "주제가 비어 있습니다. 주제 없는(아직 코딩되지 않은) 발언은 meetings.csv의 coding이 "
        f"'{CODING_IN_PROGRESS}'인 회의에서만 허용됩니다.",
        "no theme is given; remarks without themes (not yet coded) are allowed only in a "
        f"meeting whose coding is '{CODING_IN_PROGRESS}' in meetings.csv.")


def _long(remarks: pd.DataFrame, column: str, name: str) -> pd.DataFrame:
    long = remarks[["remark_id", "speaker", "org_type", "position", column]].explode(column)
    long = long.dropna(subset=[column]).rename(columns={column: name, "position": "row"})
    return long.reset_index(drop=True)


def load(folder: str | Path | None = None) -> Dataset:
    """Validate a data folder; return its Dataset, or raise DataError listing every problem."""
    root = data_folder(folder)
    problems: list[Problem] = []
    if not root.is_dir():
        is_file = root.exists()
        raise DataError(root, [Problem(
            str(root), None, None,
            "폴더가 아니라 파일입니다. 데이터 폴더를 지정해 주세요." if is_file
            else "데이터 폴더가 없습니다.",
            "this is a file, not a data folder." if is_file
            else "the data folder does not exist.")])
    frames: dict[str, pd.DataFrame] = {}
    checkers: dict[str, _Checker] = {}
    warnings: list[Problem] = []
    for spec in ALL_SPECS:
        if spec.optional_file and not os.path.lexists(root / spec.filename):
            continue
        table, found = csvfile.read(root / spec.filename, spec)
        problems.extend(found)
        if table is not None:
            frames[spec.filename] = _frame(table, spec)
            checkers[spec.filename] = _Checker(spec, table, problems)
            _check_table(frames[spec.filename], checkers[spec.filename])
            _check_invisible(frames[spec.filename], _Checker(spec, table, warnings))

    # Each check runs when the files it reads have loaded, so a broken file hides no other problem.
    remarks, org_types = frames.get(REMARKS.filename), frames.get(ORG_TYPES.filename)
    codebook, recs = frames.get(CODEBOOK.filename), frames.get(RECOMMENDATIONS.filename)
    meetings = frames.get(MEETINGS.filename)
    has_meetings = os.path.lexists(root / MEETINGS.filename)
    if meetings is not None:
        mc = checkers[MEETINGS.filename]
        _check_allowed(meetings, "coding", CODINGS, mc, "코딩 상태", "coding state")
        _check_dates(meetings, mc)
        meetings["coding"] = meetings["coding"].replace("", CODING_DONE)
    if codebook is not None:
        codebook["keywords"] = codebook["keywords"].map(_split)
        _check_allowed(codebook, "retired", (THEME_RETIRED,), checkers[CODEBOOK.filename],
                       "사용 중지 표시(비우거나 '중지')", "retired mark (blank or '중지')")
        codebook["retired"] = codebook["retired"] == THEME_RETIRED
    stopwords = _read_stopwords(root, problems)
    if remarks is not None:
        rc = checkers[REMARKS.filename]
        if org_types is not None:
            _check_allowed(remarks, "org_type", org_types["org_type"], rc, "기관 유형",
                           "organization type")
        _check_allowed(remarks, "kind", KINDS, rc, "발언 종류", "kind")
        if meetings is not None:
            _check_allowed(remarks, "meeting", meetings["meeting_id"], rc,
                           "회의(meetings.csv의 meeting_id)",
                           "meeting (meeting_id of meetings.csv)")
        remarks["themes"] = remarks["themes"].map(_split)
        if meetings is not None or not has_meetings:  # a broken meetings.csv is reported alone
            _check_uncoded(remarks, meetings, rc)
        remarks["recommendation_ids"] = remarks["recommendation_ids"].map(_split)
        if codebook is not None:
            _check_list_refs(remarks["themes"], "themes", set(codebook["theme_id"]), rc, "주제",
                             "theme")
        if recs is not None:
            _check_list_refs(remarks["recommendation_ids"], "recommendation_ids",
                             set(recs["rec_id"]), rc, "권고 ID", "recommendation id")
        _check_speakers(remarks, rc)
    if recs is not None:
        kc = checkers[RECOMMENDATIONS.filename]
        _check_allowed(recs, "status", STATUSES, kc, "상태", "status")
        recs["themes"] = recs["themes"].map(_split)
        if codebook is not None:
            _check_list_refs(recs["themes"], "themes", set(codebook["theme_id"]), kc, "주제",
                             "theme")
    if problems or remarks is None or org_types is None or codebook is None or recs is None:
        raise DataError(root, problems, warnings)
    return _build(root, remarks, org_types, codebook, recs, meetings, tuple(warnings),
                  stopwords)


def _read_stopwords(root: Path, problems: list[Problem]) -> tuple[str, ...]:
    """Return the words of the folder's optional stop-word list (none without the file), in
    file order without repeats; a file that cannot be read, or a line too long to be a word, is
    a problem."""
    path = root / STOPWORDS_FILE
    if not os.path.lexists(path):
        return ()
    data, found = csvfile.read_bytes(path, STOPWORDS_FILE)
    text = None
    if data is not None:
        text, found = csvfile.decode(data, STOPWORDS_FILE)
    problems.extend(found)
    words: dict[str, None] = {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        word = line.split("#", 1)[0].strip()
        if len(word) > MAX_STOPWORD_CHARS:
            problems.append(Problem(
                STOPWORDS_FILE, number, None,
                f"한 줄에 한 단어씩 적어 주세요({MAX_STOPWORD_CHARS}자 이하).",
                f"write one word per line (at most {MAX_STOPWORD_CHARS} characters)."))
        elif word:
            words[word] = None
    return tuple(words)


def _meetings_table(remarks: pd.DataFrame, meetings: pd.DataFrame | None) -> pd.DataFrame:
    """Return Dataset.meetings: meetings.csv's rows, or without it the remarks' meetings in
    order of first appearance, titled with their usual names (coding complete)."""
    if meetings is not None:
        return meetings[list(MEETING_COLUMNS)].reset_index(drop=True)
    ids = [str(m) for m in remarks["meeting"].unique()]  # in order of first appearance
    return pd.DataFrame({
        "meeting_id": ids, "date": [""] * len(ids), "title_ko": ids,
        "title_en": [MEETING_EN.get(i, i) for i in ids],
        "kind": [i if i in MEETING_EN else "" for i in ids],
        "coding": [CODING_DONE] * len(ids)}, columns=list(MEETING_COLUMNS))


def _build(root: Path, remarks: pd.DataFrame, org_types: pd.DataFrame, codebook: pd.DataFrame,
           recs: pd.DataFrame, meetings: pd.DataFrame | None,
           warnings: tuple[Problem, ...], stopwords: tuple[str, ...] = ()) -> Dataset:
    org_dtype = pd.CategoricalDtype(org_types["org_type"].tolist(), ordered=True)
    theme_dtype = pd.CategoricalDtype(codebook["theme_id"].tolist(), ordered=True)
    remarks["org_type"] = remarks["org_type"].astype(org_dtype)
    remarks["kind"] = remarks["kind"].replace("", pd.NA).astype(
        pd.CategoricalDtype(list(KINDS), ordered=True))
    remarks["meeting"] = _meeting_of(remarks, meetings)
    meeting_table = _meetings_table(remarks, meetings)
    remarks["meeting"] = remarks["meeting"].astype(
        pd.CategoricalDtype(meeting_table["meeting_id"].tolist(), ordered=True))
    remarks["coded"] = remarks["themes"].map(len) > 0
    remarks["position"] = range(len(remarks))
    recs["status"] = recs["status"].astype(pd.CategoricalDtype(list(STATUSES), ordered=True))

    remark_themes = _long(remarks, "themes", "theme_id")
    remark_themes["theme_id"] = remark_themes["theme_id"].astype(theme_dtype)
    remark_recs = _long(remarks, "recommendation_ids", "rec_id")
    participants = (remarks.groupby("speaker", sort=False, observed=True)
                    .agg(organization=("organization", "first"), role=("role", "first"),
                         org_type=("org_type", "first"), n_excerpts=("remark_id", "size"))
                    .reset_index())
    return Dataset(
        folder=root, fingerprint=fingerprint(root), remarks=remarks, remark_themes=remark_themes,
        remark_recs=remark_recs, participants=participants, org_types=org_types,
        themes=codebook, recommendations=recs, meetings=meeting_table, warnings=warnings,
        stopwords=stopwords)

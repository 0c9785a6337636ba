"""The one loader: read a data folder, validate it against the contract, return typed tables."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import csvfile
from .contract import (
    CODEBOOK,
    DEFAULT_MEETING,
    KINDS,
    LIST_SEPARATOR,
    ORG_TYPES,
    RECOMMENDATIONS,
    REMARKS,
    SPECS,
    STATUSES,
    FileSpec,
)
from .problems import DataError, Problem

DATA_ENV = "SE_DASHBOARD_DATA"
BUNDLED_DATA = Path(__file__).resolve().parent.parent / "data"
# Beyond this many rows with the same problem, the rest are summed up in one line.
MAX_LISTED_PER_CHECK = 50


def data_folder(folder: str | Path | None = None) -> Path:
    """Return the data folder: the argument, else $SE_DASHBOARD_DATA, else the bundled data/."""
    chosen = folder or os.environ.get(DATA_ENV) or BUNDLED_DATA
    return Path(chosen).expanduser().resolve()


def fingerprint(folder: Path) -> str:
    """Return a hash of the contract files' bytes: it changes exactly when their content does."""
    digest = hashlib.blake2b(digest_size=16)
    for spec in SPECS:
        path = folder / spec.filename
        digest.update(spec.filename.encode())
        digest.update(path.read_bytes() if path.is_file() else b"\x00missing")
    return digest.hexdigest()


@dataclass(frozen=True)
class Dataset:
    """The validated tables of one data folder.

    - remarks: one row per excerpt in file order; `themes` and `recommendation_ids` are tuples;
      `org_type` and `kind` are categoricals in contract order.
    - remark_themes / remark_recs: long tables (remark_id, theme_id|rec_id, speaker, org_type).
    - participants: one row per speaker in order of first appearance, with `n_excerpts`.
    - org_types, themes (the codebook), recommendations: in file order, which is display order.
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

    @property
    def org_type_ids(self) -> list[str]:
        return self.org_types["org_type"].tolist()

    @property
    def theme_ids(self) -> list[str]:
        return self.themes["theme_id"].tolist()


class _Checker:
    """Collects problems for one file, capping repeats of the same check."""

    def __init__(self, spec: FileSpec, table: csvfile.RawTable, problems: list[Problem]):
        self.spec, self.table, self.problems = spec, table, problems

    def rows(self, indices: Iterable[int], column: str | None, ko: str, en: str) -> None:
        indices = list(indices)
        for i in indices[:MAX_LISTED_PER_CHECK]:
            self.problems.append(Problem(self.spec.filename, self.table.lines[i], column, ko, en))
        if len(indices) > MAX_LISTED_PER_CHECK:
            rest = len(indices) - MAX_LISTED_PER_CHECK
            self.problems.append(Problem(self.spec.filename, None, column,
                                         f"같은 문제가 있는 행이 {rest:,}개 더 있습니다.",
                                         f"{rest:,} more rows have the same problem."))


def _frame(table: csvfile.RawTable, spec: FileSpec) -> pd.DataFrame:
    frame = pd.DataFrame(table.rows, columns=table.columns, dtype=str)
    for column in spec.optional:
        if column not in frame.columns:
            frame[column] = ""
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
        check.rows(dup[MAX_LISTED_PER_CHECK:], spec.id_column, "ID가 중복됩니다.", "duplicate id.")


def _check_allowed(frame: pd.DataFrame, column: str, allowed: Iterable[str], check: _Checker,
                   what_ko: str, what_en: str, blank_ok: bool = False) -> None:
    allowed = set(allowed)
    values = frame[column]
    bad = ~values.isin(allowed) & ((values != "") if blank_ok else True)
    for value, idx in frame.index[bad].groupby(values[bad]).items():
        shown = "', '".join(sorted(allowed))
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
    for column, ko, en in (("organization", "소속", "organization"),
                           ("org_type", "기관 유형", "organization type")):
        distinct = remarks.groupby("speaker", sort=False)[column].nunique()
        for speaker in distinct.index[distinct > 1]:
            rows = remarks.index[remarks["speaker"] == speaker]
            values = "', '".join(dict.fromkeys(remarks.loc[rows, column]))
            check.rows(rows[1:], column,
                       f"발언자 '{speaker}'의 {ko}가 행마다 다릅니다('{values}'). "
                       f"한 사람은 한 {ko}입니다.",
                       f"speaker '{speaker}' has different {en}s across rows ('{values}'); "
                       f"one speaker, one {en}.")


def _long(remarks: pd.DataFrame, column: str, name: str) -> pd.DataFrame:
    long = remarks[["remark_id", "speaker", "org_type", column]].explode(column)
    long = long.dropna(subset=[column]).rename(columns={column: name})
    return long.reset_index(drop=True)


def load(folder: str | Path | None = None) -> Dataset:
    """Validate a data folder; return its Dataset, or raise DataError listing every problem."""
    root = data_folder(folder)
    problems: list[Problem] = []
    if not root.is_dir():
        raise DataError(root, [Problem(str(root), None, None, "데이터 폴더가 없습니다.",
                                       "the data folder does not exist.")])
    frames: dict[str, pd.DataFrame] = {}
    checkers: dict[str, _Checker] = {}
    for spec in SPECS:
        table, found = csvfile.read(root / spec.filename, spec)
        problems.extend(found)
        if table is not None:
            frames[spec.filename] = _frame(table, spec)
            checkers[spec.filename] = _Checker(spec, table, problems)
            _check_table(frames[spec.filename], checkers[spec.filename])
    if len(frames) < len(SPECS):
        raise DataError(root, problems)

    remarks, org_types = frames[REMARKS.filename], frames[ORG_TYPES.filename]
    codebook, recs = frames[CODEBOOK.filename], frames[RECOMMENDATIONS.filename]
    rc, kc = checkers[REMARKS.filename], checkers[RECOMMENDATIONS.filename]
    theme_ids = set(codebook["theme_id"])
    _check_allowed(remarks, "org_type", set(org_types["org_type"]), rc, "기관 유형",
                   "organization type")
    _check_allowed(remarks, "kind", KINDS, rc, "발언 종류", "kind", blank_ok=True)
    _check_allowed(recs, "status", STATUSES, kc, "상태", "status")
    remarks["themes"] = remarks["themes"].map(_split)
    remarks["recommendation_ids"] = remarks["recommendation_ids"].map(_split)
    recs["themes"] = recs["themes"].map(_split)
    codebook["keywords"] = codebook["keywords"].map(_split)
    _check_list_refs(remarks["themes"], "themes", theme_ids, rc, "주제", "theme")
    _check_list_refs(remarks["recommendation_ids"], "recommendation_ids", set(recs["rec_id"]), rc,
                     "권고 ID", "recommendation id")
    _check_list_refs(recs["themes"], "themes", theme_ids, kc, "주제", "theme")
    _check_speakers(remarks, rc)
    if problems:
        raise DataError(root, problems)
    return _build(root, remarks, org_types, codebook, recs)


def _build(root: Path, remarks: pd.DataFrame, org_types: pd.DataFrame, codebook: pd.DataFrame,
           recs: pd.DataFrame) -> Dataset:
    org_dtype = pd.CategoricalDtype(org_types["org_type"].tolist(), ordered=True)
    theme_dtype = pd.CategoricalDtype(codebook["theme_id"].tolist(), ordered=True)
    remarks["org_type"] = remarks["org_type"].astype(org_dtype)
    remarks["kind"] = remarks["kind"].replace("", pd.NA).astype(
        pd.CategoricalDtype(list(KINDS), ordered=True))
    remarks["meeting"] = remarks["meeting"].replace("", DEFAULT_MEETING)
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
        themes=codebook, recommendations=recs)

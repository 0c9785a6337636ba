"""The data contract every data folder follows: files, columns and allowed values."""

from __future__ import annotations

from dataclasses import dataclass

LIST_SEPARATOR = ";"
ENCODINGS = ("utf-8", "utf-8-sig", "cp949")
ENCODINGS_LABEL = "UTF-8, UTF-8 with BOM (UTF-8-SIG), CP949/EUC-KR"
MAX_CELL_CHARS = 100_000
# The largest contract file read (512 MiB): 100,000 remarks of 400 Korean characters take about
# 130 MB as UTF-8, so this leaves room for several times that. A larger file (or one that grows
# past it while read) is refused before its content is held in memory.
MAX_FILE_BYTES = 512 * 1024 * 1024

STATUSES = ("반영", "부분반영", "검토중", "미반영")
STATUS_EN = {"반영": "Reflected", "부분반영": "Partly reflected", "검토중": "Under review",
             "미반영": "Not reflected"}
KINDS = ("제안", "우려", "평가", "공감")
KIND_EN = {"제안": "Proposal", "우려": "Concern", "평가": "Assessment", "공감": "Agreement"}
DEFAULT_MEETING = "중간보고회"
DEFAULT_STATUS = "검토중"
# The meetings of a Korean research contract (연구용역) by their usual names, in English; any
# other meeting name is shown as typed, in both languages.
MEETING_EN = {"착수보고회": "Inception report meeting", "중간보고회": "Interim report meeting",
              "최종보고회": "Final report meeting"}
# meetings.csv `coding`: whether a meeting's remarks are all coded (a blank cell means 완료) or
# still being coded, when remarks without themes ("not yet coded") are allowed.
CODING_DONE = "완료"
CODING_IN_PROGRESS = "진행중"
CODINGS = (CODING_DONE, CODING_IN_PROGRESS)
CODING_EN = {CODING_DONE: "Coded", CODING_IN_PROGRESS: "Being coded"}
# The organization type of a speaker whose organization nobody has typed yet (the importer adds
# it to org_types.csv with these labels); otherwise an ordinary type.
UNTYPED_ORG_TYPE = "untyped"
UNTYPED_LABEL_KO = "유형 미정"
UNTYPED_LABEL_EN = "Type not yet set"


@dataclass(frozen=True)
class FileSpec:
    """One CSV file of a data folder: its name, columns and which ones hold ids or lists."""

    filename: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    id_column: str | None = None
    list_columns: tuple[str, ...] = ()
    # Required columns that may be left blank in a row.
    may_be_blank: tuple[str, ...] = ()
    # Texts given per UI language as NAME_ko and NAME_en; an older folder's single NAME column
    # stands in for a missing or blank one, then the other language. Unless NAME is in
    # may_be_blank, each row needs it in some form.
    translated: tuple[str, ...] = ()
    # A data folder may leave this file out (a broken one is still reported).
    optional_file: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional + tuple(
            column for name in self.translated for column in (f"{name}_ko", f"{name}_en", name))


REMARKS = FileSpec(
    "remarks.csv",
    required=("remark_id", "speaker", "organization", "role", "org_type", "excerpt", "themes",
              "recommendation_ids"),
    optional=("kind", "excerpt_en", "meeting"),
    id_column="remark_id",
    list_columns=("themes", "recommendation_ids"),
    # `themes` may be blank only on a remark of a meeting being coded (CODING_IN_PROGRESS): the
    # loader checks that rule itself.
    may_be_blank=("role", "recommendation_ids", "themes"),
)
ORG_TYPES = FileSpec(
    "org_types.csv",
    required=("org_type", "label_ko", "label_en"),
    id_column="org_type",
    may_be_blank=("description",),
    translated=("description",),
)
CODEBOOK = FileSpec(
    "codebook.csv",
    required=("theme_id", "label_ko", "label_en"),
    optional=("keywords", "retired"),
    id_column="theme_id",
    list_columns=("keywords",),
    translated=("definition",),
)
RECOMMENDATIONS = FileSpec(
    "recommendations.csv",
    required=("rec_id", "title_ko", "title_en", "themes", "status"),
    id_column="rec_id",
    list_columns=("themes",),
    may_be_blank=("detail", "themes"),
    translated=("detail",),
)

MEETINGS = FileSpec(
    "meetings.csv",
    required=("meeting_id", "title_ko", "title_en"),
    optional=("date", "kind", "coding"),
    id_column="meeting_id",
    optional_file=True,
)
# The `date` of a meeting, when given.
DATE_FORMAT_LABEL = "YYYY-MM-DD"

# codebook.csv `retired`: a theme no longer offered for coding (remarks coded with it keep it and
# it still counts); a blank cell means in use.
THEME_RETIRED = "중지"
# An optional plain-text file of words (lemmas) the key-terms analysis leaves out: one per line,
# `#` starts a comment; the same encodings as the CSV files.
STOPWORDS_FILE = "stopwords.txt"
MAX_STOPWORD_CHARS = 100

# The files every data folder has, then the ones it may leave out; every one of them is read,
# validated and part of the folder's fingerprint.
SPECS = (REMARKS, ORG_TYPES, CODEBOOK, RECOMMENDATIONS)
OPTIONAL_SPECS = (MEETINGS,)
ALL_SPECS = SPECS + OPTIONAL_SPECS
# Every file of a data folder the loader reads (and fingerprints), CSV or not.
FOLDER_FILES = (*(spec.filename for spec in ALL_SPECS), STOPWORDS_FILE)

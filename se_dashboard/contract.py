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
    may_be_blank=("role", "recommendation_ids"),
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
    optional=("keywords",),
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

SPECS = (REMARKS, ORG_TYPES, CODEBOOK, RECOMMENDATIONS)

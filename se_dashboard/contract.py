"""The data contract every data folder follows: files, columns and allowed values."""

from __future__ import annotations

from dataclasses import dataclass

LIST_SEPARATOR = ";"
ENCODINGS = ("utf-8", "utf-8-sig", "cp949")
ENCODINGS_LABEL = "UTF-8, UTF-8 with BOM (UTF-8-SIG), CP949/EUC-KR"
MAX_CELL_CHARS = 100_000

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

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


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
    required=("org_type", "label_ko", "label_en", "description"),
    id_column="org_type",
    may_be_blank=("description",),
)
CODEBOOK = FileSpec(
    "codebook.csv",
    required=("theme_id", "label_ko", "label_en", "definition"),
    optional=("keywords",),
    id_column="theme_id",
    list_columns=("keywords",),
)
# `detail_ko` / `detail_en` describe a recommendation in each UI language; an older folder's
# single `detail` column stands in for whichever of the two is missing or blank.
RECOMMENDATIONS = FileSpec(
    "recommendations.csv",
    required=("rec_id", "title_ko", "title_en", "themes", "status"),
    optional=("detail_ko", "detail_en", "detail"),
    id_column="rec_id",
    list_columns=("themes",),
    may_be_blank=("themes",),
)

SPECS = (REMARKS, ORG_TYPES, CODEBOOK, RECOMMENDATIONS)

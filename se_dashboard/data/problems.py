"""Problems found in a data folder, and the one error that lists them all."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One problem in a data file, located by file, line and column, said in Korean and English."""

    file: str
    line: int | None
    column: str | None
    ko: str
    en: str

    def location(self) -> str:
        """Return 'file, line N, column C' with the parts that are known."""
        parts = [self.file]
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.column:
            parts.append(f"column '{self.column}'")
        return ", ".join(parts)

    def __str__(self) -> str:
        return f"{self.location()}: {self.ko} / {self.en}"


class DataError(Exception):
    """A data folder that does not follow the contract; `problems` lists every problem found,
    `warnings` what validation flags besides (see warnings_report)."""

    def __init__(self, folder: Path | str, problems: list[Problem],
                 warnings: list[Problem] | tuple[Problem, ...] = ()):
        self.folder = Path(folder)
        self.problems = tuple(problems)
        self.warnings = tuple(warnings)
        super().__init__(self.report())

    def report(self) -> str:
        """Return a multi-line report: a header, then one line per problem (then warnings)."""
        n = len(self.problems)
        head = (f"데이터 폴더 {self.folder} 에 문제가 {n}건 있습니다. / "
                f"The data folder {self.folder} has {n} problem(s):")
        lines = [head, *(f"- {p}" for p in self.problems)]
        if self.warnings:
            lines.append(warnings_report(self.warnings))
        return "\n".join(lines)


def warnings_report(warnings: tuple[Problem, ...] | list[Problem]) -> str:
    """Return warnings (flagged, but the folder still loads) as a header and one line each."""
    head = (f"경고 {len(warnings)}건(경고만으로는 폴더를 거부하지 않습니다). / "
            f"{len(warnings)} warning(s) (warnings alone do not stop a folder from loading):")
    return "\n".join([head, *(f"- {w}" for w in warnings)])

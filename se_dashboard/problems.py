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
    """A data folder that does not follow the contract; `problems` lists every problem found."""

    def __init__(self, folder: Path | str, problems: list[Problem]):
        self.folder = Path(folder)
        self.problems = tuple(problems)
        super().__init__(self.report())

    def report(self) -> str:
        """Return a multi-line report: a header, then one line per problem."""
        n = len(self.problems)
        head = (f"데이터 폴더 {self.folder} 에 문제가 {n}건 있습니다. / "
                f"The data folder {self.folder} has {n} problem(s):")
        return "\n".join([head, *(f"- {p}" for p in self.problems)])

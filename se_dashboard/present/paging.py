"""Pagination of long lists, so that a page never sends thousands of items to the browser."""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class PageSlice:
    """One page of `total` items: `number` (1-based) of `pages`, items [start, stop)."""

    number: int
    pages: int
    start: int
    stop: int
    total: int


def page_slice(total: int, page_size: int, number: int) -> PageSlice:
    """Return page `number` of `total` items; `number` is clamped to the pages that exist."""
    pages = max(1, math.ceil(total / page_size))
    number = min(max(1, number), pages)
    start = (number - 1) * page_size
    return PageSlice(number, pages, start, min(total, start + page_size), total)

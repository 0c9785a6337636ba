"""Whole-folder summary figures, as printed by `validate` and shown by the app."""

from __future__ import annotations

from se_dashboard.data.loader import Dataset


def summarize(dataset: Dataset) -> dict[str, int]:
    """Return counts of participants, excerpts, org types, themes and recommendations, then of
    meetings and of remarks not yet coded."""
    return {
        "participants": len(dataset.participants),
        "excerpts": len(dataset.remarks),
        "org_types": len(dataset.org_types),
        "themes": len(dataset.themes),
        "recommendations": len(dataset.recommendations),
        "meetings": len(dataset.meetings),
        "not_coded": int((~dataset.remarks["coded"]).sum()),
    }

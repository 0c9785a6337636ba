"""Memory a session keeps: every page run works on its own copy of the shared dataset (with
the checklist state), and those copies share the derived tables (the search text and theme
matrix) instead of rebuilding and holding them per run and per session."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pandas as pd
from helpers_data import copy_data

from se_dashboard.analysis import filters
from se_dashboard.checklist import progress
from se_dashboard.data import loader
from se_dashboard.present.anonymize import anonymize


def state_of(dataset: loader.Dataset) -> pd.DataFrame:
    """A checklist state such as the store returns: every recommendation, one of them edited."""
    recs = dataset.recommendations
    state = pd.DataFrame({"rec_id": recs["rec_id"].astype(str), "status": "반영",
                          "plan_section": "", "responsible_unit": "", "response_note": "",
                          "version": 1, "orphaned": False})
    return state


def test_page_run_copies_share_the_derived_tables(tmp_path: Path) -> None:
    dataset = loader.load(copy_data(tmp_path))
    first = progress.with_state(dataset, state_of(dataset))
    second = progress.with_state(dataset, state_of(dataset))
    assert first is not second and first.recommendations is not dataset.recommendations
    assert first.search_text is second.search_text is dataset.search_text
    assert first.theme_matrix is second.theme_matrix is dataset.theme_matrix
    query = str(dataset.remarks["excerpt"].iat[0])[:6]
    assert filters.apply(first, filters.Filters(query=query)).equals(
        filters.apply(dataset, filters.Filters(query=query)))


def test_an_anonymized_copy_has_its_own_search_text(tmp_path: Path) -> None:
    dataset = loader.load(copy_data(tmp_path))
    names = dataset.search_text
    hidden = anonymize(dataset, "ko")
    speaker = str(dataset.remarks["speaker"].iat[0])
    assert speaker in names.iat[0] and speaker not in hidden.search_text.iat[0]
    assert str(hidden.remarks["speaker"].iat[0]).lower() in hidden.search_text.iat[0]
    assert dataset.search_text is names  # the original's entry was kept, not replaced
    assert (hidden.theme_matrix == dataset.theme_matrix).all()


def test_shared_tables_do_not_keep_a_dropped_copy_alive(tmp_path: Path) -> None:
    dataset = loader.load(copy_data(tmp_path))
    names = dataset.search_text
    hidden = anonymize(dataset, "en")
    assert hidden.search_text is not names  # derived, and held by the shared holder
    gone = weakref.ref(hidden.remarks)
    del hidden
    gc.collect()
    assert gone() is None

"""Stakeholder-remarks dashboard. Pure logic grouped by concern: `data` (the contract, loading,
versions), `analysis` (filters, counts, comparisons), `checklist` (the checklist store and who
may edit it), `present` (labels, slides, reports, exports) and `intake` (reading minutes).

Nothing in this package except `se_dashboard.ui` imports streamlit.
"""

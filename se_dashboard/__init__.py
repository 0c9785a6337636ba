"""Stakeholder-remarks dashboard: pure logic (loading, filtering, counts, exports).

Nothing in this package except `se_dashboard.ui` imports streamlit.
"""

"""Filters and counts over the remarks: what a view keeps and the figures it shows."""

"""Presenting and exports: UI strings and labels, the palette, slides, the printable report,
HTML charts, CSV/XLSX exports and the anonymized view."""

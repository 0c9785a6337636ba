"""Import: bring a meeting's minutes in as a new version of the data folder, and switch between
versions. Importing and switching follow the checklist's editing rule; others see the versions."""

import streamlit as st

from se_dashboard.ui import import_view, page, render

p = page.setup("import", "page_import")
st.html(render.caption(f"{p.t('import_intro')} {p.t('import_rule')}"))
import_view.show_flash(p.lang)
editable = import_view.may_import(p.lang)
if editable:
    import_view.importer(p.lang, page.load_dataset(anonymized=False, lang=p.lang))
import_view.versions_section(p.lang, editable)

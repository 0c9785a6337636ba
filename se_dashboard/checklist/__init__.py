"""The recommendation checklist: its persistent store, who may edit it, and each
recommendation's progress."""

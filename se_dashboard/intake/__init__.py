"""Bringing a meeting's minutes into a data folder: reading the files people have (TXT/MD,
DOCX, HWPX, XLSX/CSV) into located paragraphs or table rows (documents), finding the speaker
turns in them and what is not a remark (turns), splitting each turn into verbatim excerpts by
sentence (sentences), deciding each speaker's organization and type against the base folder and
letting a person correct it (plan), and writing a new, validated data folder with the new
meeting's remarks appended (write); plus the fill-in XLSX template (template) and the command
line's bilingual report (report). Every failure is an IntakeError with a Korean and an English
message."""

"""The workbook file: open/create/validate, schema and migrations, queries and edits, search, backups.

No Qt here. sqlite-utils and pandas are imported only where they are needed (migrations, import/export), so
that opening a current workbook stays fast.
"""

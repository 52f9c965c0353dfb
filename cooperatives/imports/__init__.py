"""Spreadsheet imports of founders and cooperatives: templates, safe reading, row checks through the shared rules,
an all-or-nothing commit, reports (page, XLSX, API, command line) and the Celery task for big files."""

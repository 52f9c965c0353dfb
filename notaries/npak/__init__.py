"""The import of the published NPAK list (Notaris Pembuat Akta Koperasi) into the notary registry.

`cells` reads the file, `seats` places each seat in the region master, `records` turns rows into notaries (merging
the rows of one notary), `importer` is the service that writes them, `report` writes the CSV report, `tasks` runs it
from the admin with a progress bar, `demo` loads it for `make run`.

The natural key of a notary of the list is the regency code of the seat plus the name folded for search
(`keys.natural_key`, e.g. "34.04|annies diah ratnawati"). Why, from the data (17,355 rows):
- the NPAK certificate number cannot be it: 4,952 rows have none, 1,444 numbers repeat (placeholders such as
  "��../SERT/M.KUM.2/II/216" on 120 rows, one batch number for a whole training), and some hold broken characters;
- the AHU number (appointment decree) is missing on 8,069 rows and repeats on 679;
- the list is the union of several training batches: the same notary appears once per batch, with different titles
  ("Anom Junprahadi, S.H." and "Anom Junprahadi, S.H., C.N."), a certificate in one row and an AHU number in the
  other. 923 names repeat as written, and 920 rows repeat a (folded name, seat) pair;
- a notary is known by name and seat: the seat is in their seal and decree, and two notaries of the same name in one
  regency would be confused by everyone else too. Folding the name (titles, case, punctuation, broken characters)
  makes the title variants one key; the seat as its resolved code makes "KAB.  KERINCI" and "KAB. KERINCI" one.
Rows with the same key are merged into the first (each empty field filled from a later row) and reported as
duplicates, with the fields whose values disagree. A notary who moved seat appears as two notaries: the list gives no
identifier that would link them reliably. The key depends on `notaries.names.search_name_of`: changing that folding
changes the keys, so a change there needs the stored keys recomputed before the next import.
"""

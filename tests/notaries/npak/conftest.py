"""Small NPAK lists written in the published format, for the import's tests."""

import csv
import io

HEADERS = [
    "Nama",
    "Tempat Kedudukan",
    "Provinsi",
    "No. AHU",
    "SK Pengangkatan Notaris",
    "Sertifikat Pelatihan NPAK",
    "Email",
    "No.HP-1",
    "No.HP-2",
    "No. Kantor",
    "Alamat Kantor",
]


def npak_csv(*rows: list[str]) -> bytes:
    """A list with these rows; a short row is padded with N/A."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(list(row) + ["N/A"] * (len(HEADERS) - len(row)))
    return buffer.getvalue().encode()

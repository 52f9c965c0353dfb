"""The tile map of the 38 provinces: a grid laid out roughly like the archipelago (no map tiles, no network), west to
east in 15 columns, north to south in 8 rows. Each province is one tile at (row, column), with a short label."""

from __future__ import annotations

# code: (row, column, short label). Sumatra on the left, Java and Nusa Tenggara along the bottom, Kalimantan,
# Sulawesi and Maluku in the middle, the six Papua provinces on the right.
TILES: dict[str, tuple[int, int, str]] = {
    "11": (0, 0, "ACEH"),
    "12": (1, 1, "SUMUT"),
    "21": (1, 3, "KEPRI"),
    "13": (2, 1, "SUMBAR"),
    "14": (2, 2, "RIAU"),
    "17": (3, 1, "BKL"),
    "15": (3, 2, "JAMBI"),
    "19": (3, 3, "BABEL"),
    "16": (4, 2, "SUMSEL"),
    "18": (5, 3, "LPG"),
    "31": (5, 5, "DKI"),
    "36": (6, 4, "BANTEN"),
    "32": (6, 5, "JABAR"),
    "33": (6, 6, "JATENG"),
    "34": (7, 6, "DIY"),
    "35": (6, 7, "JATIM"),
    "51": (6, 8, "BALI"),
    "52": (6, 9, "NTB"),
    "53": (6, 10, "NTT"),
    "65": (1, 7, "KALTARA"),
    "61": (2, 6, "KALBAR"),
    "64": (2, 7, "KALTIM"),
    "62": (3, 6, "KALTENG"),
    "63": (3, 7, "KALSEL"),
    "75": (1, 9, "GTLO"),
    "71": (1, 10, "SULUT"),
    "72": (2, 9, "SULTENG"),
    "76": (3, 8, "SULBAR"),
    "73": (4, 8, "SULSEL"),
    "74": (4, 9, "SULTRA"),
    "82": (1, 11, "MALUT"),
    "81": (3, 11, "MALUKU"),
    "96": (2, 12, "PBD"),
    "92": (2, 13, "PABAR"),
    "91": (2, 14, "PAPUA"),
    "94": (3, 13, "PATENG"),
    "95": (3, 14, "PAPEG"),
    "93": (4, 14, "PASEL"),
}
ROWS = 1 + max(r for r, _c, _l in TILES.values())
COLUMNS = 1 + max(c for _r, c, _l in TILES.values())
# Colour bands of the share of the target (percent, lower bound): the printed value carries the meaning, the colour
# only repeats it.
BANDS = (0, 25, 50, 75, 90, 100)


def band(share: float | None) -> int | None:
    """The colour band (0-5) of a share in percent; None without a target."""
    if share is None:
        return None
    return max(i for i, lower in enumerate(BANDS) if share >= lower)

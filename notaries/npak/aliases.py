"""Names the region master does not carry: former names of regencies, common abbreviations, short or old province
names, and which provinces were split from which. Keys are folded like `seats.name_keys` (letters and digits only);
regency entries are keyed by (kind, folded name), kind None when the name alone says it."""

from __future__ import annotations

_KAB = "kabupaten"
_KOTA = "kota"

# Renamed by law; a row using one is imported and reported.
FORMER_NAMES: dict[tuple[str | None, str], str] = {
    (_KAB, "TOBASAMOSIR"): "12.12",  # Toba (PP 2020)
    (_KAB, "PONTIANAK"): "61.02",  # Mempawah (2014); Kota Pontianak is 61.71 and keeps its name
    (_KAB, "MAMUJUUTARA"): "76.01",  # Pasangkayu (2017)
    (_KAB, "MALUKUTENGGARABARAT"): "81.03",  # Kepulauan Tanimbar (2019)
    (_KAB, "PASIR"): "64.01",  # Paser
    (_KAB, "YAPENWAROPEN"): "91.05",  # Kepulauan Yapen (2008)
}

# Everyday short forms of a regency, unambiguous nationally.
ABBREVIATIONS: dict[tuple[str | None, str], str] = {
    (None, "MADINA"): "12.13",
    (None, "TAPTENG"): "12.01",
    (None, "TAPUT"): "12.02",
    (None, "TAPSEL"): "12.03",
    (None, "HUMBAHAS"): "12.16",
    (None, "SERGAI"): "12.18",
    (None, "PALUTA"): "12.20",
    (None, "PALAS"): "12.21",
    (None, "LABUSEL"): "12.22",
    (None, "LABURA"): "12.23",
    (None, "OKU"): "16.01",
    (None, "OKI"): "16.02",
    (None, "MURA"): "16.05",
    (None, "MUBA"): "16.06",
    (None, "OKUTIMUR"): "16.08",
    (None, "OKUSELATAN"): "16.09",
    (None, "PALI"): "16.12",
    (None, "MURATARA"): "16.13",
    (None, "TANJABBAR"): "15.06",
    (None, "TANJABTIM"): "15.07",
    (None, "KOBAR"): "62.01",
    (None, "KOTIM"): "62.02",
    (None, "HSS"): "63.06",
    (None, "HST"): "63.07",
    (None, "HSU"): "63.08",
    (None, "KUKAR"): "64.02",
    (None, "KUBAR"): "64.07",
    (None, "KUTIM"): "64.08",
    (None, "PPU"): "64.09",
    (None, "TTS"): "53.02",
    (None, "TTU"): "53.03",
    (None, "BOLMONG"): "71.01",
    (None, "PANGKEP"): "73.10",
    (None, "SIDRAP"): "73.14",
    (None, "MTB"): "81.03",
    (None, "MOROTAI"): "82.07",
    (None, "TALIABU"): "82.08",
    (_KOTA, "SOLO"): "33.72",
    (_KOTA, "JOGJA"): "34.71",
    (_KOTA, "JOGJAKARTA"): "34.71",
    (_KOTA, "JOGYAKARTA"): "34.71",
}

# Province cells as the list writes them, beyond the master's own names.
PROVINCES: dict[str, str] = {
    "NAD": "11",
    "NANGGROEACEHDARUSSALAM": "11",
    "NANGROEACEHDARUSSALAM": "11",
    "DAERAHISTIMEWAACEH": "11",
    "DIACEH": "11",
    "SUMUT": "12",
    "SUMBAR": "13",
    "SUMSEL": "16",
    "BABEL": "19",
    "BANGKABELITUNG": "19",
    "KEPRI": "21",
    "DKI": "31",
    "DKIJAKARTA": "31",
    "DKIJAKARTARAYA": "31",
    "DKJ": "31",
    "DAERAHKHUSUSJAKARTA": "31",
    "JAKARTA": "31",
    "JABAR": "32",
    "JATENG": "33",
    "DIY": "34",
    "DIYOGYAKARTA": "34",
    "DIJOGJAKARTA": "34",
    "DAERAHISTIMEWAJOGJAKARTA": "34",
    "YOGYAKARTA": "34",
    "JOGJAKARTA": "34",
    "JATIM": "35",
    "NTB": "52",
    "NTT": "53",
    "KALBAR": "61",
    "KALTENG": "62",
    "KALSEL": "63",
    "KALTIM": "64",
    "KALTARA": "65",
    "SULUT": "71",
    "SULTENG": "72",
    "SULSEL": "73",
    "SULTRA": "74",
    "SULBAR": "76",
    "MALUT": "82",
    "IRIANJAYA": "91",
    "IRIANJAYABARAT": "92",
}

# The provinces made from each province since the lists were first compiled: a seat in one of them written with the
# parent province is consistent, and reported (Mimika under PAPUA is Papua Tengah since 2022).
PROVINCE_SPLITS: dict[str, tuple[str, ...]] = {
    "14": ("21",),  # Kepulauan Riau from Riau, 2002
    "16": ("19",),  # Kepulauan Bangka Belitung from Sumatera Selatan, 2000
    "32": ("36",),  # Banten from Jawa Barat, 2000
    "64": ("65",),  # Kalimantan Utara from Kalimantan Timur, 2012
    "71": ("75",),  # Gorontalo from Sulawesi Utara, 2000
    "73": ("76",),  # Sulawesi Barat from Sulawesi Selatan, 2004
    "81": ("82",),  # Maluku Utara from Maluku, 1999
    "91": ("92", "93", "94", "95", "96"),  # Papua Barat 2003; Papua Selatan, Tengah, Pegunungan 2022
    "92": ("96",),  # Papua Barat Daya from Papua Barat, 2022
}

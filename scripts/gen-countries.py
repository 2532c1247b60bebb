#!/usr/bin/env python3
"""Writes the country names of the catalogues (app/locales/{en,pl}/countries.ftl) and the
Polish alphabetical order of the sign-up list (COUNTRY_ORDER_PL in app/src/model/countries.rs)
from the codes and English names in countries.rs and the Polish names of the ISO 3166
translations that pycountry ships (pip install pycountry). Run it again when the list changes.
"""
import gettext
import pathlib
import re

import pycountry

ROOT = pathlib.Path(__file__).resolve().parent.parent
MODEL = ROOT / "app/src/model/countries.rs"
source = MODEL.read_text(encoding="utf-8")
countries = re.findall(r'\("([A-Z]{2})", "([^"]+)"\)', source)
polish = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["pl"])


def polish_name(code: str) -> str:
    return polish.gettext(pycountry.countries.get(alpha_2=code).name)


# Polish alphabetical order: each letter with a diacritic right after its base letter.
ALPHABET = "aąbcćdeęfghijklłmnńoópqrsśtuvwxyzźż"


def polish_key(name: str):
    return [ALPHABET.index(c) if c in ALPHABET else 100 + ord(c) for c in name.lower()]


def ftl(header: str, names: dict) -> str:
    lines = [header, ""]
    lines += [f"country-{code.lower()} = {name}" for code, name in names.items()]
    return "\n".join(lines) + "\n"


english = dict(countries)
polish_names = {code: polish_name(code) for code, _ in countries}
(ROOT / "app/locales/en/countries.ftl").write_text(
    ftl("# Country names (ISO 3166-1), written by scripts/gen-countries.py.", english),
    encoding="utf-8",
)
(ROOT / "app/locales/pl/countries.ftl").write_text(
    ftl("# Nazwy krajów (ISO 3166-1), zapisane przez scripts/gen-countries.py.", polish_names),
    encoding="utf-8",
)
order = sorted(polish_names, key=lambda code: polish_key(polish_names[code]))
rows = "".join(f'    "{code}",\n' for code in order)
block = (
    "/// The codes in the alphabetical order of their Polish names, for the sign-up list.\n"
    f"pub const COUNTRY_ORDER_PL: &[&str] = &[\n{rows}];\n"
)
marker = "/// The codes in the alphabetical order of their Polish names"
if marker in source:
    start = source.index(marker)
    end = source.index("];\n", start) + 3
    source = source[:start] + block + source[end:]
else:
    # Right after the COUNTRIES table, before the functions and tests.
    end = source.index("];\n", source.index("pub const COUNTRIES")) + 3
    source = source[:end] + "\n" + block + source[end:]
MODEL.write_text(source, encoding="utf-8")
print(f"{len(countries)} countries")

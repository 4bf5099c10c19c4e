"""The bundled rules speak Canadian French everywhere a user looks.

Terms follow the project glossary (research/french-glossary.md); typography follows
the OQLF as the glossary states it, with one rule chosen and kept:

- a non-breaking space (U+00A0) before every ":" and inside « »;
- a non-breaking space between the digits of a number (2 080, 100 000), and between a
  number and % or $ (10 %, 3 000 $);
- no space before ";", "?" or "!" (Canadian usage).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

from advisor_gui.domain.models import Partner, Text

NBSP = "\u00a0"

# Texts whose French is rightly the English: proper names the same in both languages,
# acronyms and trademarks. Partner names are checked apart (see below).
SAME_IN_BOTH = {
    "COR", "SECOR", "Small COR",  # program acronyms are trademarks (glossary)
    "Alberta", "Saskatchewan", "Manitoba", "Ontario", "Yukon", "Nunavut",
    "WorkSafeBC.",  # an issuer with no official French name
    "ISNetworld (ISN)", "ComplyWorks", "Avetta", "CanQualify", "ContractorCheck",  # platforms
    "Construction", "Agriculture", "Cycle",  # spelled the same in French
}

# Bodies that have an official French name: the English name must not appear in French.
OFFICIAL_FRENCH = {
    "WorkSafeNB": "Travail sécuritaire NB",
    "WSIB": "CSPAAT",
    "WCB Manitoba": "Commission des accidents du travail du Manitoba",
    "C-NLOPB": "C-TNLOHE",
    "WSCC": "CSTIT",
}


def texts(value: Any, path: str = "") -> Iterator[tuple[str, Text, Any]]:
    """Every Text in the dataset, with its path and the record that holds it."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            child = getattr(value, f.name)
            if isinstance(child, Text):
                yield f"{path}.{f.name}", child, value
            else:
                yield from texts(child, f"{path}.{f.name}")
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            if isinstance(item, Text):
                yield f"{path}[{i}]", item, None
            else:
                yield from texts(item, f"{path}[{i}]")


def french(dataset) -> list[tuple[str, str]]:
    return [(path, t.fr) for path, t, _owner in texts(dataset)]


def test_every_text_has_its_own_french(dataset) -> None:
    found = list(texts(dataset))
    assert len(found) > 300
    same = [(path, t.en) for path, t, owner in found
            if t.fr == t.en and t.en not in SAME_IN_BOTH and not isinstance(owner, Partner)]
    assert not [path for path, t, _o in found if not t.fr.strip()]
    assert not same, f"French identical to English outside the allow-list: {same}"


def test_partner_names_are_texts(dataset) -> None:
    """Partners with no official French name keep the English one (glossary); the
    descriptive part of a name is translated."""
    partners = [p for j in dataset.jurisdictions for p in j.partners]
    assert len(partners) == 34 and all(isinstance(p.name, Text) and p.name.fr for p in partners)
    go2hr = next(p for p in partners if p.acronym == "go2HR")
    assert go2hr.name.fr == "go2HR (tourisme et hôtellerie)"


def test_terms_follow_the_glossary(dataset) -> None:
    for path, fr in french(dataset):
        assert not re.search(r"maîtres? d'œuvre", fr, re.I), f"{path}: say « entrepreneur principal »: {fr}"
        assert "juridiction" not in fr, f"{path}: say « province ou territoire »: {fr}"
        assert "Énergie Sécurité Canada" not in fr, f"{path}: Energy Safety Canada has no French name: {fr}"
        assert "programme des petits employeurs" not in fr, f"{path}: « programme pour petits employeurs »"
        for english, official in OFFICIAL_FRENCH.items():
            assert english not in fr, f"{path}: {english} is {official} in French: {fr}"
    every = " ".join(fr for _p, fr in french(dataset))
    for term in ("entrepreneur principal", "partenaire de certification", "audit de maintien",
                 "petits employeurs", "plateforme de préqualification", "donneur d'ouvrage",
                 "commission des accidents du travail", "Certificat de reconnaissance",
                 "Commission des accidents du travail du Manitoba"):
        assert term in every, term


def test_french_typography(dataset) -> None:
    for path, fr in french(dataset):
        for i, ch in enumerate(fr):
            if ch == ":":
                assert i > 0 and fr[i - 1] == NBSP, f"{path}: a non-breaking space before ':': {fr}"
        assert not re.search(f"«[^{NBSP}]|[^{NBSP}]»", fr), f"{path}: non-breaking spaces inside « »: {fr}"
        assert not re.search(r"\d[ \u202f]\d{3}\b", fr), f"{path}: 2{NBSP}080, with a non-breaking space: {fr}"
        assert not re.search(r"\d\s?[%$]", fr.replace(NBSP + "%", "").replace(NBSP + "$", "")), \
            f"{path}: 10{NBSP}%, 3{NBSP}000{NBSP}$: {fr}"
        assert not re.search(r"\s[;?!]", fr), f"{path}: no space before ; ? ! in Canadian usage: {fr}"
        assert not re.search(r"\d\.\d", fr), f"{path}: decimal comma: {fr}"

"""The kommuner of a reporting year, as shipped data (resources/kommuner/<year>.json):
number, name, organisasjonsnummer where a public source gives it, and Oslo's bydeler.

It answers the questions that tie data and certificates to the reporting unit: is
this a kommunenummer at all, whose records are these, and does this certificate
belong to the unit, to another kommune, or to no kommune (NAV, an inter-municipal
company, a test certificate) that reports on the unit's behalf.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from client.core.i18n import Text
from client.core.resources import resources_dir

if TYPE_CHECKING:
    from client.core.forms.model import Column
    from client.core.records.recordset import RecordSet


@dataclass(frozen=True)
class Kommune:
    nummer: str
    navn: str
    orgnr: str | None = None
    bydeler: dict[str, str] = field(default_factory=dict)

    @property
    def names(self) -> tuple[str, ...]:
        """Every form of the name ("Oslo - Oslove" is both Oslo and Oslove), without the
        county that tells two Herøy apart, normalised for comparing."""
        base = re.sub(r"\s*\(.*?\)\s*", " ", self.navn)
        return tuple(_normal(part) for part in base.split(" - ") if part.strip())


@dataclass(frozen=True)
class KommuneList:
    year: int
    kommuner: dict[str, Kommune]

    def get(self, nummer: str) -> Kommune | None:
        return self.kommuner.get(nummer)

    def by_orgnr(self, orgnr: str) -> Kommune | None:
        return next((k for k in self.kommuner.values() if k.orgnr == orgnr), None)

    def by_name(self, name: str) -> list[Kommune]:
        """Kommuner a name such as "BERGEN KOMMUNE" or "Karasjok kommune" names."""
        wanted = _normal(re.sub(r"\bkommune\b", " ", name, flags=re.IGNORECASE))
        if not wanted:
            return []
        return [k for k in self.kommuner.values() if wanted in k.names]


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@functools.cache
def kommune_list(year: int) -> KommuneList | None:
    """The list for `year`, or the newest one before it; None when none is shipped."""
    directory = resources_dir() / "kommuner"
    years = sorted(
        int(p.stem) for p in directory.glob("*.json") if p.stem.isdigit() and int(p.stem) <= year
    )
    if not years:
        return None
    data = json.loads((directory / f"{years[-1]}.json").read_text("utf-8"))
    kommuner = {
        item["nummer"]: Kommune(
            item["nummer"], item["navn"], item.get("orgnr"), dict(item.get("bydeler", {}))
        )
        for item in data["kommuner"]
    }
    return KommuneList(years[-1], kommuner)


def oslo_bydeler(year: int) -> dict[str, str]:
    kommuner = kommune_list(year)
    oslo = kommuner.get("0301") if kommuner else None
    return dict(oslo.bydeler) if oslo else {}


_UNKNOWN = {
    "nb": "Merk: {nummer} er ikke et kommunenummer i {year} (SSBs kommuneinndeling). "
    "Sjekk regionen; SSB tar ikke imot en fil for en kommune som ikke finnes.",
    "nn": "Merk: {nummer} er ikkje eit kommunenummer i {year} (kommuneinndelinga til SSB). "
    "Sjekk regionen; SSB tek ikkje imot ei fil for ein kommune som ikkje finst.",
    "en": "Note: {nummer} is not a municipality number in {year} (SSB's list of "
    "municipalities). Check the region; SSB takes no file for a municipality that does not exist.",
}


def is_known(nummer: str, year: int) -> bool:
    kommuner = kommune_list(year)
    return kommuner is None or nummer in kommuner.kommuner


def unknown_kommune_note(nummer: str, year: int) -> Text | None:
    if is_known(nummer, year):
        return None
    return {k: v.format(nummer=nummer, year=year) for k, v in _UNKNOWN.items()}


def name_of(nummer: str, year: int) -> str | None:
    kommuner = kommune_list(year)
    kommune = kommuner.get(nummer) if kommuner else None
    return kommune.navn if kommune else None


Relation = Literal["own", "other", "behalf"]


@dataclass(frozen=True)
class SignerRelation:
    relation: Relation
    other: Kommune | None = None  # the kommune the certificate belongs to, when "other"


def signer_relation(orgnr: str | None, name: str, kommunenummer: str, year: int) -> SignerRelation:
    """Whose certificate this is, seen from the reporting unit: its own ("own"), another
    kommune's ("other": must not sign), or no kommune's ("behalf": NAV, an inter-municipal
    company or a test certificate signs on the unit's behalf). The organisasjonsnummer
    decides where the list has it; otherwise the name does."""
    kommuner = kommune_list(year)
    if kommuner is None:
        return SignerRelation("behalf")
    unit = kommuner.get(kommunenummer)
    if orgnr:
        owner = kommuner.by_orgnr(orgnr)
        if owner is not None:
            return SignerRelation("own" if owner.nummer == kommunenummer else "other", owner)
        if unit is not None and unit.orgnr is not None and unit.orgnr == orgnr:
            return SignerRelation("own", unit)
    named = kommuner.by_name(name) if re.search(r"\bkommune\b", name, re.IGNORECASE) else []
    if not named:
        return SignerRelation("behalf")
    if any(k.nummer == kommunenummer for k in named):
        return SignerRelation("own", unit)
    return SignerRelation("other", named[0])


@dataclass(frozen=True)
class ForeignData:
    """Records that belong to another kommune than the reporting unit."""

    kommunenummer: str  # the kommune most of them name
    name: str | None  # its name, when it is a kommune of the year
    count: int  # records naming another kommune
    total: int  # well-formed records
    bydel: str | None = None  # the one bydel that kommune's records name, when only one

    @property
    def label(self) -> str:
        return self.kommunenummer + (f" {self.name}" if self.name else "")


def foreign_data(records: RecordSet, kommunenummer: str, year: int) -> ForeignData | None:
    """Whether the records are mostly another kommune's (an Oslo file opened with Bergen as
    the unit): then one message says so, rather than one finding per record."""
    from collections import Counter

    identity = records.form.identity
    if identity.kommune is None:
        return None
    column = records.form.field(identity.kommune).column
    assert column is not None
    length = records.record_length
    lines = [line for line in records.lines if len(line) == length]
    found = Counter(line[column.start : column.end].strip() for line in lines)
    total = sum(found.values())
    others = total - found.get(kommunenummer, 0)
    if total == 0 or others * 2 <= total:
        return None
    ((other, _),) = Counter({k: v for k, v in found.items() if k != kommunenummer}).most_common(1)
    return ForeignData(
        other, name_of(other, year), others, total, _one_bydel(records, lines, column, other)
    )


def _one_bydel(records: RecordSet, lines: list[str], kommune: Column, nummer: str) -> str | None:
    """The bydel every record of kommune `nummer` names, when they name one and the same
    (an Oslo bydel's file); None for a file of several bydeler or none."""
    name = records.form.identity.bydel
    bydel = records.form.field(name).column if name is not None else None
    if bydel is None:
        return None
    found = {
        line[bydel.start : bydel.end].strip()
        for line in lines
        if line[kommune.start : kommune.end].strip() == nummer
    }
    return found.pop() if len(found) == 1 and "" not in found else None


FOREIGN_DATA: Text = {
    "nb": "{count} av {total} poster gjelder kommune {other}, ikke {unit}, som er valgt "
    "rapporteringsenhet. Velg riktig region eller rapporteringsenhet (for {other}: {region}), "
    "eller riktig fil.",
    "nn": "{count} av {total} postar gjeld kommune {other}, ikkje {unit}, som er vald "
    "rapporteringseining. Vel rett region eller rapporteringseining (for {other}: {region}), "
    "eller rett fil.",
    "en": "{count} of {total} records are for municipality {other}, not {unit}, the chosen "
    "reporting unit. Choose the right region or reporting unit (for {other}: {region}), "
    "or the right file.",
}


def _label(nummer: str, year: int) -> str:
    name = name_of(nummer, year)
    return nummer + (f" {name}" if name else "")


def foreign_data_text(foreign: ForeignData, kommunenummer: str, year: int) -> Text:
    other = foreign.label
    unit = _label(kommunenummer, year)
    return {
        lang: text.format(
            count=foreign.count,
            total=foreign.total,
            other=other,
            unit=unit,
            region=foreign.kommunenummer + "00",
        )
        for lang, text in FOREIGN_DATA.items()
    }


FOREIGN_CHOICES: dict[str, Text] = {
    # When the records' kommune is one of the year: the unit can switch to it.
    "switch": {"nb": "Bytt til {other}", "nn": "Byt til {other}", "en": "Switch to {other}"},
    "switch_hint": {
        "nb": "Bytt rapporteringsenhet til {other} og importer filen der (utkastet for {unit} "
        "blir som det er), eller importer den likevel (SSBs kontroll 03 melder da hver post).",
        "nn": "Byt rapporteringseining til {other} og importer fila der (utkastet for {unit} "
        "blir som det er), eller importer ho likevel (kontroll 03 hos SSB melder då kvar post).",
        "en": "Switch the reporting unit to {other} and import the file there (the draft of "
        "{unit} stays as it is), or import it all the same (SSB's control 03 then reports "
        "every record).",
    },
    "hint": {
        "nb": "Bytt rapporteringsenhet under Innstillinger → Rapporteringsenhet og importer "
        "filen på nytt, eller importer den likevel (SSBs kontroll 03 melder da hver post).",
        "nn": "Byt rapporteringseining under Innstillingar → Rapporteringseining og importer "
        "fila på nytt, eller importer ho likevel (kontroll 03 hos SSB melder då kvar post).",
        "en": "Change the reporting unit under Settings → Reporting unit and import the file "
        "again, or import it all the same (SSB's control 03 then reports every record).",
    },
    "import": {"nb": "Importer likevel", "nn": "Importer likevel", "en": "Import all the same"},
}


def foreign_choices(foreign: ForeignData, kommunenummer: str, year: int) -> dict[str, Text]:
    """What the window offers for another kommune's file, filled in: "switch" (only when
    that kommune is one of the year), "import", and the "hint" that explains them."""
    switch = foreign.name is not None
    keys = {"switch": "switch", "hint": "switch_hint"} if switch else {"hint": "hint"}
    keys["import"] = "import"
    unit = _label(kommunenummer, year)
    return {
        key: {
            lang: text.format(other=foreign.label, unit=unit)
            for lang, text in FOREIGN_CHOICES[source].items()
        }
        for key, source in keys.items()
    }

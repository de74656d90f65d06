"""Generate the record forms (11F, 11CF) under forms/<year>/ from SSB's YAML file descriptions.

    python tools/generate_record_forms.py ../shared/ssb

Writes form.json, schema.json, layout.json and ui.json for every
file_description_<form>_<year>.yaml it finds. controls.json is written by
hand for the newest year; for other years whose layout names every field a
control uses, the newest year's controls are carried over, and controls that
name a field the older layout lacks are left out (printed). Translations of
labels into nynorsk and English come from tools/translations/<form>.json; an entry
(field or code) may hold "years": {"2024": {...}} to override its texts for a year
whose bokmål text differs.

Deliberate differences from SSB's YAML (see README, "Where we differ from SSB"):
- 11F BYDELSNR is marked mandatory in SSB's 2025/2026 layouts while SSB's
  control 03 requires it blank outside Oslo; we make it mandatory only for
  Oslo (an if/then in schema.json).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from client.core.forms.loader import referenced_fields  # noqa: E402

FORMS = ROOT / "forms"
TRANSLATIONS = Path(__file__).resolve().parent / "translations"

TITLES = {
    "11F": {
        "nb": "Økonomisk sosialhjelp",
        "nn": "Økonomisk sosialhjelp",
        "en": "Financial social assistance",
    },
    "11CF": {
        "nb": "Kvalifiseringsstønad",
        "nn": "Kvalifiseringsstønad",
        "en": "Qualification benefit",
    },
}
DESCRIPTIONS = {
    "11F": {
        "nb": "Én linje per mottaker av økonomisk sosialhjelp i rapporteringsåret.",
        "nn": "Éi line per mottakar av økonomisk sosialhjelp i rapporteringsåret.",
        "en": "One line per recipient of financial social assistance in the reporting year.",
    },
    "11CF": {
        "nb": "Én linje per deltaker i kvalifiseringsprogrammet i rapporteringsåret.",
        "nn": "Éi line per deltakar i kvalifiseringsprogrammet i rapporteringsåret.",
        "en": "One line per participant in the qualification programme in the reporting year.",
    },
}
PERSONAL = {"PERSON_FODSELSNR", "PERSON_DUF", "FODSELSDATO"}
IDENTITY = {
    "journal": "PERSON_JOURNALNR",
    "caseworker": "SAKSBEHANDLER",
    "person": ["PERSON_FODSELSNR", "PERSON_DUF"],
    "kommune": "KOMMUNE_NR",
    "bydel": "BYDELSNR",
    "year": "VERSION",
}

# Sections: (id, title, regular expression over field names), first match wins.
SECTIONS = {
    "11F": [
        ("ident", {"nb": "Identifikasjon", "nn": "Identifikasjon", "en": "Identification"},
         r"KOMMUNE_NR|VERSION|BYDELSNR|PERSON_JOURNALNR|SAKSBEHANDLER"),
        ("person", {"nb": "Mottakeren", "nn": "Mottakaren", "en": "The recipient"},
         r"FODSELSDATO|PERSON_.*|KJONN|EKTSTAT|BU18|ANTBU18|BOSIT"),
        ("livsopphold", {"nb": "Livsopphold og arbeid", "nn": "Livsopphald og arbeid",
                         "en": "Livelihood and work"}, r"VKLO|TRYGDESIT|ARBSIT"),
        ("maaneder", {"nb": "Stønadsmåneder", "nn": "Stønadsmånader", "en": "Months with support"},
         r"STMND_.*"),
        ("belop", {"nb": "Utbetalt stønad", "nn": "Utbetalt stønad", "en": "Support paid"},
         r"BIDRAG.*|LAAN.*"),
        ("tiltak", {"nb": "Rådgivning og plan", "nn": "Rådgiving og plan",
                    "en": "Advice and plan"}, r"GITT_OKONOMIRAD|FAAT_INDIVIDUELL_PLAN"),
        ("vilkar", {"nb": "Vilkår", "nn": "Vilkår", "en": "Conditions"}, r"VILKAR.*|UTBET.*"),
        ("vedtak", {"nb": "Unntak for mottakere under 30 år",
                    "nn": "Unntak for mottakarar under 30 år",
                    "en": "Exemption for recipients under 30"}, r"VEDTAK.*"),
        ("sanksjon", {"nb": "Sanksjoner", "nn": "Sanksjonar", "en": "Sanctions"}, r"SANKSJON.*"),
    ],
    "11CF": [
        ("ident", {"nb": "Identifikasjon", "nn": "Identifikasjon", "en": "Identification"},
         r"KOMMUNE_NR|VERSION|BYDELSNR|PERSON_JOURNALNR|SAKSBEHANDLER"),
        ("person", {"nb": "Deltakeren", "nn": "Deltakaren", "en": "The participant"},
         r"FODSELSDATO|PERSON_.*|KJONN|EKTSTAT|BU18|ANTBU18"),
        ("program", {"nb": "Søknad og program", "nn": "Søknad og program",
                     "en": "Application and programme"},
         r"REG_DATO|VEDTAK_DATO|BEGYNT_DATO|KVP_KOMM|KOMMNR_KVP_KOMM"),
        ("ytelser", {"nb": "Ytelser før søknaden", "nn": "Ytingar før søknaden",
                     "en": "Benefits before applying"}, r"YTELSE_.*"),
        ("stotte", {"nb": "Annen støtte i perioden", "nn": "Anna støtte i perioden",
                    "en": "Other support in the period"}, r"KVP_MED_.*"),
        ("stonad", {"nb": "Stønad", "nn": "Stønad", "en": "Benefit"}, r"STMND_.*|KVP_STONAD"),
        ("status", {"nb": "Status og avslutning", "nn": "Status og avslutning",
                    "en": "Status and completion"}, r"STATUS|AVSL_.*"),
    ],
}
# How the signed file reaches SSB: KOSTRA's reporting portal, as SSB's reporting page
# describes it. Written into each form.json so next year's route is data too.
SSB_KOSTRA_PAGE = "https://www.ssb.no/innrapportering/kostra-innrapportering"


def delivery(form_id: str) -> dict:
    return {
        "route": {
            "nb": f"Lever skjema {form_id} i SSBs KOSTRA-portal: logg inn med kommunens "
                  "organisasjonsnummer og PIN-koden SSB sender til Altinn-innboksen, last opp "
                  "innsendingsfilen under skjemaet og send inn. Ta vare på kvitteringen i arkivet.",
            "nn": f"Lever skjema {form_id} i KOSTRA-portalen til SSB: logg inn med "
                  "organisasjonsnummeret til kommunen og PIN-koden SSB sender til "
                  "Altinn-innboksen, last opp innsendingsfila under skjemaet og send inn. Ta vare "
                  "på kvitteringa i arkivet.",
            "en": f"Deliver form {form_id} in SSB's KOSTRA portal: log in with the "
                  "municipality's organisation number and the PIN code SSB sends to its Altinn "
                  "inbox, upload the submission file under the form and submit. Keep the receipt "
                  "in the archive.",
        },
        "address": SSB_KOSTRA_PAGE,
        "source": f"SSB, KOSTRA innrapportering, {SSB_KOSTRA_PAGE} (read December 2026)",
    }


TOTALS = {
    "11F": [
        {"id": "records", "label": {"nb": "Mottakere", "nn": "Mottakarar", "en": "Recipients"},
         "count": "records"},
        {"id": "bidrag", "label": {"nb": "Sum bidrag", "nn": "Sum bidrag", "en": "Total grants"},
         "sum": ["BIDRAG"]},
        {"id": "laan", "label": {"nb": "Sum lån", "nn": "Sum lån", "en": "Total loans"},
         "sum": ["LAAN"]},
        {"id": "months", "label": {"nb": "Mottakere per måned", "nn": "Mottakarar per månad",
                                   "en": "Recipients per month"},
         "countFilled": [f"STMND_{m}" for m in range(1, 13)]},
    ],
    "11CF": [
        {"id": "records", "label": {"nb": "Deltakere", "nn": "Deltakarar", "en": "Participants"},
         "count": "records"},
        {"id": "stonad", "label": {"nb": "Sum kvalifiseringsstønad",
                                   "nn": "Sum kvalifiseringsstønad",
                                   "en": "Total qualification benefit"},
         "sum": ["KVP_STONAD"]},
    ],
}
MONTHS = [f"STMND_{m}" for m in range(1, 13)]
# The statistics report per form, as SSB's control program gives it after a clean run
# (sums, age bands, months with support, amount bands; kostra-kontrollprogram,
# SosialhjelpMain/KvalifiseringMain createStats), plus recipients per month and the
# long-term share. "Long-term" = support in 6 months or more of the year, the threshold
# SSB's published statistics on social assistance use for long-term recipients.
_AGE_UNKNOWN = {"nb": "Ukjent alder", "nn": "Ukjend alder", "en": "Age unknown"}
_NOT_GIVEN = {"nb": "Uoppgitt", "nn": "Uoppgitt", "en": "Not given"}


def _band(label: str, lo: int | None, hi: int | None, nn: str | None = None,
          en: str | None = None) -> dict:
    band: dict = {"label": {"nb": label, "nn": nn or label, "en": en or label}}
    if lo is not None:
        band["min"] = lo
    if hi is not None:
        band["max"] = hi
    return band


def _months_section(unit: dict) -> dict:
    return {"id": "months", "kind": "perField", "chart": "bar",
            "title": {"nb": f"{unit['nb'].capitalize()} per måned",
                      "nn": f"{unit['nn'].capitalize()} per månad",
                      "en": f"{unit['en'].capitalize()} per month"},
            "countFilled": MONTHS}


def _duration_section() -> dict:
    return {"id": "duration", "kind": "bands", "chart": "bar",
            "title": {"nb": "Stønadsvarighet (måneder med stønad)",
                      "nn": "Stønadsvarigheit (månader med stønad)",
                      "en": "Duration of support (months with support)"},
            "value": {"countFilled": MONTHS},
            "bands": [_band("1 måned", 1, 1, "1 månad", "1 month"),
                      _band("2–3 måneder", 2, 3, "2–3 månader", "2–3 months"),
                      _band("4–6 måneder", 4, 6, "4–6 månader", "4–6 months"),
                      _band("7–9 måneder", 7, 9, "7–9 månader", "7–9 months"),
                      _band("10–11 måneder", 10, 11, "10–11 månader", "10–11 months"),
                      _band("12 måneder", 12, 12, "12 månader", "12 months")],
            "other": _NOT_GIVEN}


def _long_term_section() -> dict:
    return {"id": "longTerm", "kind": "share", "chart": "share",
            "title": {"nb": "Langtidsmottakere (stønad i 6 måneder eller mer)",
                      "nn": "Langtidsmottakarar (stønad i 6 månader eller meir)",
                      "en": "Long-term recipients (support in 6 months or more)"},
            "value": {"countFilled": MONTHS}, "min": 6,
            "label": {"nb": "6 måneder eller mer", "nn": "6 månader eller meir",
                      "en": "6 months or more"},
            "rest": {"nb": "Under 6 måneder", "nn": "Under 6 månader",
                     "en": "Under 6 months"}}


STATISTICS = {
    "11F": {
        "unit": {"nb": "mottakere", "nn": "mottakarar", "en": "recipients"},
        "sections": [
            {"id": "sums", "kind": "sums", "chart": None,
             "title": {"nb": "Stønad, sum kroner", "nn": "Stønad, sum kroner",
                       "en": "Support, total kroner"},
             "rows": [
                 {"id": "total", "label": {"nb": "I alt", "nn": "I alt", "en": "Total"},
                  "sum": ["BIDRAG", "LAAN"]},
                 {"id": "bidrag", "label": {"nb": "Bidrag", "nn": "Bidrag", "en": "Grants"},
                  "sum": ["BIDRAG"]},
                 {"id": "laan", "label": {"nb": "Lån", "nn": "Lån", "en": "Loans"},
                  "sum": ["LAAN"]}]},
            _months_section({"nb": "mottakere", "nn": "mottakarar", "en": "recipients"}),
            {"id": "age", "kind": "bands", "chart": "bar",
             "title": {"nb": "Mottakere etter alder", "nn": "Mottakarar etter alder",
                       "en": "Recipients by age"},
             "value": {"age": ["PERSON_FODSELSNR", "FODSELSDATO"]},
             "bands": [_band("Under 18", None, 17),
                       _band("18–24", 18, 24), _band("25–44", 25, 44),
                       _band("45–66", 45, 66),
                       _band("67 og over", 67, None, "67 og over", "67 and over")],
             "other": _AGE_UNKNOWN},
            {"id": "amount", "kind": "bands", "chart": "bar",
             "title": {"nb": "Mottakere etter stønadsbeløp (bidrag + lån, kr)",
                       "nn": "Mottakarar etter stønadsbeløp (bidrag + lån, kr)",
                       "en": "Recipients by amount (grants + loans, NOK)"},
             "value": {"sum": ["BIDRAG", "LAAN"]},
             "bands": [_band("1–9 999", 1, 9999), _band("10 000–49 999", 10000, 49999),
                       _band("50 000–99 999", 50000, 99999),
                       _band("100 000–149 999", 100000, 149999),
                       _band("150 000 og over", 150000, None, "150 000 og over",
                             "150 000 and over")],
             "other": _NOT_GIVEN},
            _duration_section(),
            _long_term_section(),
        ],
    },
    "11CF": {
        "unit": {"nb": "deltakere", "nn": "deltakarar", "en": "participants"},
        "sections": [
            {"id": "sums", "kind": "sums", "chart": None,
             "title": {"nb": "Kvalifiseringsstønad, sum kroner",
                       "nn": "Kvalifiseringsstønad, sum kroner",
                       "en": "Qualification benefit, total kroner"},
             "rows": [{"id": "total", "label": {"nb": "I alt", "nn": "I alt", "en": "Total"},
                       "sum": ["KVP_STONAD"]}]},
            _months_section({"nb": "deltakere", "nn": "deltakarar", "en": "participants"}),
            {"id": "age", "kind": "bands", "chart": "bar",
             "title": {"nb": "Deltakere etter alder", "nn": "Deltakarar etter alder",
                       "en": "Participants by age"},
             "value": {"age": ["PERSON_FODSELSNR", "FODSELSDATO"]},
             "bands": [_band("Under 20", None, 19), _band("20–24", 20, 24),
                       _band("25–29", 25, 29), _band("30–39", 30, 39),
                       _band("40–49", 40, 49), _band("50–66", 50, 66),
                       _band("67 og over", 67, None, "67 og over", "67 and over")],
             "other": _AGE_UNKNOWN},
            {"id": "amount", "kind": "bands", "chart": "bar",
             "title": {"nb": "Deltakere etter stønadsbeløp (kr)",
                       "nn": "Deltakarar etter stønadsbeløp (kr)",
                       "en": "Participants by amount (NOK)"},
             "value": {"sum": ["KVP_STONAD"]},
             "bands": [_band("1–7 999", 1, 7999), _band("8 000–49 999", 8000, 49999),
                       _band("50 000–99 999", 50000, 99999),
                       _band("100 000–149 999", 100000, 149999),
                       _band("150 000 og over", 150000, None, "150 000 og over",
                             "150 000 and over")],
             "other": _NOT_GIVEN},
            _duration_section(),
            _long_term_section(),
        ],
    },
}
def _statistics_for(form_id: str, names: list[str]) -> dict:
    """The form's statistics, the age read only from the birth-date fields the year has."""
    stats = json.loads(json.dumps(STATISTICS[form_id]))
    for section in stats["sections"]:
        if "age" in section.get("value", {}):
            section["value"]["age"] = [n for n in section["value"]["age"] if n in names]
    return stats


TYPES = {"STRING_TYPE": "string", "INTEGER_TYPE": "integer", "DATE_TYPE": "date"}
INTEGER_PATTERN = "^[+-]?[0-9]+$"  # SSB reads whole numbers with an optional sign


def _label(field: dict) -> str:
    if field.get("description"):
        return " ".join(field["description"].split())
    codes = field.get("codeList") or []
    if len(codes) == 1:
        return codes[0]["value"].strip()
    return field["name"]


def _property(field: dict, form_id: str, year: int) -> dict:
    prop: dict = {"type": "string", "title": _label(field)}
    kind = TYPES[field["dataType"]]
    if field["codeList"]:
        prop["enum"] = [c["code"] for c in field["codeList"]]
    elif kind == "integer":
        prop["pattern"] = INTEGER_PATTERN
        prop["maxLength"] = field["size"]
    elif kind == "date":
        prop["format"] = f"ssb-date-{field['datePattern']}"
    else:
        prop["maxLength"] = field["size"]
    return prop


def _for_year(entry: dict, year: int) -> dict:
    """A translation entry with its overrides for this year applied."""
    override = entry.get("years", {}).get(str(year), {})
    return {k: v for k, v in entry.items() if k != "years"} | override


def generate(yaml_path: Path, translations: dict) -> tuple[str, int]:
    doc = yaml.safe_load(yaml_path.read_text("utf-8"))
    form_id, year = doc["id"], int(doc["reportingYear"])
    out = FORMS / str(year) / form_id
    out.mkdir(parents=True, exist_ok=True)
    fields = doc["fields"]
    names = [f["name"] for f in fields]

    form = {
        "id": form_id,
        "year": year,
        "version": f"{year}.1.0",
        "kind": "record",
        "title": TITLES[form_id],
        "description": DESCRIPTIONS[form_id],
        "source": f"SSB {yaml_path.name} (kostra-kontrollprogram, MIT)",
        "identity": {k: v for k, v in IDENTITY.items()
                     if (v in names if isinstance(v, str) else all(n in names for n in v))}
        or {"journal": "PERSON_JOURNALNR"},
        "totals": TOTALS[form_id],
        "statistics": _statistics_for(form_id, names),
        "delivery": delivery(form_id),
    }
    if "person" not in form["identity"]:
        form["identity"]["person"] = [n for n in IDENTITY["person"] if n in names]
    previous = out / "form.json"
    if previous.exists():
        # Parts kept by hand (the year's deadline from SSB's calendar) are not in SSB's
        # layouts: carry them over instead of dropping them.
        for key, value in json.loads(previous.read_text("utf-8")).items():
            form.setdefault(key, value)

    layout = {
        "recordLength": fields[-1]["from"] + fields[-1]["size"] - 1,
        "fields": [
            {"name": f["name"], "from": f["from"], "size": f["size"], "type": TYPES[f["dataType"]]}
            | ({"datePattern": f["datePattern"]} if f["dataType"] == "DATE_TYPE" else {})
            for f in fields
        ],
    }

    required = [f["name"] for f in fields if f["mandatory"]]
    schema: dict = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://kostra-klienten.example/forms/{year}/{form_id}/schema.json",
        "title": f"{form_id} {TITLES[form_id]['nb']} {year}: one record",
        "description": "Blank fields are absent; values are the field's text without padding.",
        "type": "object",
        "properties": {f["name"]: _property(f, form_id, year) for f in fields},
        "required": required,
        "additionalProperties": False,
    }
    if form_id == "11F" and "BYDELSNR" in required:
        # SSB marks BYDELSNR mandatory, yet its control 03 wants it blank outside Oslo.
        # The specific control wins: mandatory for Oslo only.
        required.remove("BYDELSNR")
        schema["allOf"] = [
            {
                "if": {"properties": {"KOMMUNE_NR": {"const": "0301"}}, "required": ["KOMMUNE_NR"]},
                "then": {"required": ["BYDELSNR"]},
            }
        ]

    form_tr = translations.get(form_id, {})
    ui_fields = {}
    for f in fields:
        t = _for_year(form_tr.get("fields", {}).get(f["name"], {}), year)
        label = {"nb": _label(f)} | {k: v for k, v in t.items() if k in ("nn", "en")}
        entry: dict = {"label": label}
        if t.get("short"):
            entry["short"] = t["short"]  # the record table's column header
        if t.get("help"):
            entry["help"] = t["help"]
        if f["codeList"]:
            code_tr = form_tr.get("codes", {}).get(f["name"], {})
            entry["codes"] = {
                c["code"]: {"nb": c["value"].strip()} | {
                    k: v for k, v in _for_year(code_tr.get(c["code"], {}), year).items()
                    if k in ("nn", "en")}
                for c in f["codeList"]
            }
            entry["widget"] = "combo" if len(f["codeList"]) > 12 else (
                "checkbox" if len(f["codeList"]) == 1 else "radio")
        elif TYPES[f["dataType"]] == "date":
            entry["widget"] = "date"
        elif TYPES[f["dataType"]] == "integer":
            entry["widget"] = "amount" if f["size"] >= 7 else "integer"
        if f["name"] in PERSONAL:
            entry["personal"] = True
        ui_fields[f["name"]] = entry

    sections = []
    placed: set[str] = set()
    for section_id, title, pattern in SECTIONS[form_id]:
        members = [n for n in names if n not in placed and re.fullmatch(pattern, n)]
        placed.update(members)
        if members:
            sections.append({"id": section_id, "title": title, "fields": members})
    left = [n for n in names if n not in placed]
    if left:
        sys.exit(f"{yaml_path.name}: fields in no section: {left}")
    ui = {"sections": sections, "fields": ui_fields}

    for name, content in (("form.json", form), ("layout.json", layout), ("schema.json", schema),
                          ("ui.json", ui)):
        (out / name).write_text(json.dumps(content, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return form_id, year


def carry_controls(form_id: str, years: list[int]) -> None:
    """Copy the newest year's controls.json to older years, dropping controls that name
    fields the older layout lacks."""
    newest = max(years)
    source = FORMS / str(newest) / form_id / "controls.json"
    if not source.exists():
        print(f"{form_id} {newest}: no controls.json yet; write it by hand first")
        return
    controls = json.loads(source.read_text("utf-8"))["controls"]
    for year in years:
        if year == newest:
            continue
        layout = json.loads((FORMS / str(year) / form_id / "layout.json").read_text("utf-8"))
        names = {f["name"] for f in layout["fields"]}
        kept = []
        for control in controls:
            used = {name for name, _ in referenced_fields(control, "$")} | (
                {control["field"]} if "field" in control else set()
            )
            missing = sorted(used - names)
            if missing:
                print(f"{form_id} {year}: leaving out control {control['id']} "
                      f"({control['name']}): no field {', '.join(missing)}")
            else:
                kept.append(control)
        target = FORMS / str(year) / form_id / "controls.json"
        target.write_text(json.dumps({"controls": kept}, ensure_ascii=False, indent=2) + "\n",
                          "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ssb_dir", type=Path, help="folder with SSB's file_description_*.yaml")
    args = parser.parse_args()
    translations = {}
    for path in TRANSLATIONS.glob("*.json"):
        translations[path.stem] = json.loads(path.read_text("utf-8"))
    generated: dict[str, list[int]] = {}
    for path in sorted(args.ssb_dir.glob("file_description_*.yaml")):
        form_id, year = generate(path, translations)
        generated.setdefault(form_id, []).append(year)
        print(f"wrote forms/{year}/{form_id}")
    for form_id, years in generated.items():
        carry_controls(form_id, years)


if __name__ == "__main__":
    main()

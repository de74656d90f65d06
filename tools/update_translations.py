"""Refresh the window's .ts files from the code and compile them (pyside6-lupdate/lrelease).

The wheel's lupdate reads Python but does not see that QCoreApplication.translate(ctx, text,
"", n) is a plural, and it rewrites the files in its own layout. So lupdate extracts the
texts into a scratch file next to the real ones (locations stay relative to
client/gui/translations), and this script merges: every translation already there is kept
(plurals as plurals), texts no longer in the code are dropped, new texts take their
translation from a JSON file of {"context": {"source": {"nb": ..., "nn": ...}}} (a plural's
value is a list of forms) and are otherwise left "unfinished", which the tests refuse.

    .venv/bin/python tools/update_translations.py [new-texts.json]
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "client" / "gui" / "translations"
BIN = Path(sys.executable).parent
LANGUAGES = ("nb", "nn", "en")
# The sources are English, so kostra_en.ts holds only what a source cannot say for every
# count: a plural written "finding(s)" gets its English singular and plural forms, and so
# does any plural given an English translation on purpose ("Records: %Ln" in a heading).
ENGLISH_NEEDS = "(s)"


def wanted(lang: str, source: str, chosen: bool = False) -> bool:
    return lang != "en" or (is_plural(source) and (ENGLISH_NEEDS in source or chosen))


def english_chosen(name: str, source: str, known: dict[tuple[str, str], ET.Element],
                   new_texts: dict[str, dict[str, dict[str, object]]]) -> bool:
    return (name, source) in known or "en" in new_texts.get(name, {}).get(source, {})


def is_plural(source: str) -> bool:
    return "%n" in source or "%Ln" in source


def extract(lang: str) -> ET.Element:
    scratch = FOLDER / f"_scratch_{lang}.ts"
    sources = sorted(str(p) for p in (ROOT / "client" / "gui").glob("*.py"))
    try:
        subprocess.run(
            [str(BIN / "pyside6-lupdate"), *sources, "-ts", str(scratch)],
            check=True,
            capture_output=True,
        )
        return ET.parse(scratch).getroot()
    finally:
        scratch.unlink(missing_ok=True)


def set_translation(message: ET.Element, value: str | list[str] | None) -> None:
    translation = ET.SubElement(message, "translation")
    if value is None:
        translation.set("type", "unfinished")
    elif isinstance(value, list):
        for form in value:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = value


def merge(lang: str, new_texts: dict[str, dict[str, dict[str, object]]]) -> list[str]:
    path = FOLDER / f"kostra_{lang}.ts"
    if not path.exists():
        path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" '
                        f'language="{lang}"></TS>\n', "utf-8")
    old = ET.parse(path).getroot()
    known: dict[tuple[str, str], ET.Element] = {}
    for context in old.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") not in (
                "unfinished",
                "obsolete",
                "vanished",
            ):
                known[(name, message.findtext("source"))] = translation
    fresh = extract(lang)
    extracted = {
        (context.findtext("name"), message.findtext("source"))
        for context in fresh.iter("context")
        for message in context.iter("message")
    }
    # lupdate misses a plural whose count is an expression (`len(x)`): keep those as they are.
    kept_plurals: dict[str, list[ET.Element]] = {}
    for context in old.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            key = (name, message.findtext("source"))
            if (message.get("numerus") == "yes" and key in known and key not in extracted
                    and wanted(lang, key[1] or "", chosen=True)):
                kept_plurals.setdefault(name, []).append(message)
    root = ET.Element("TS", {"version": "2.1", "language": old.get("language", "")})
    missing = []
    for context in fresh.iter("context"):
        name = context.findtext("name")
        messages = [
            m for m in context.iter("message")
            if wanted(lang, m.findtext("source"),
                      english_chosen(name, m.findtext("source"), known, new_texts))
        ]
        if not messages and name not in kept_plurals:
            continue
        out_context = ET.SubElement(root, "context")
        ET.SubElement(out_context, "name").text = name
        out_context.extend(kept_plurals.pop(name, []))
        for message in messages:
            source = message.findtext("source")
            out = ET.SubElement(out_context, "message")
            if is_plural(source):
                out.set("numerus", "yes")
            for location in message.iter("location"):
                ET.SubElement(out, "location", dict(location.attrib))
            ET.SubElement(out, "source").text = source
            comment = message.findtext("comment")
            if comment:
                ET.SubElement(out, "comment").text = comment
            if (name, source) in known:
                out.append(known[(name, source)])
                continue
            value = new_texts.get(name, {}).get(source, {}).get(lang)
            if value is None:
                missing.append(f"{lang} {name}: {source}")
            set_translation(out, value)  # type: ignore[arg-type]
    for name, messages in kept_plurals.items():
        out_context = ET.SubElement(root, "context")
        ET.SubElement(out_context, "name").text = name
        out_context.extend(messages)
    if lang == "en":
        missing += _english_plurals_lupdate_missed(root, known, new_texts)
    ET.indent(root, space="  ")
    ET.ElementTree(root).write(path, encoding="utf-8", xml_declaration=True)
    return missing


def _english_plurals_lupdate_missed(
    root: ET.Element, known: dict[tuple[str, str], ET.Element],
    new_texts: dict[str, dict[str, dict[str, object]]],
) -> list[str]:
    """The plurals lupdate misses (merged into kostra_nb.ts before English): the English
    file needs them as well, read from the bokmål file, which keeps them."""
    have = {(c.findtext("name"), m.findtext("source"))
            for c in root.iter("context") for m in c.iter("message")}
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    missing = []
    for context in ET.parse(FOLDER / "kostra_nb.ts").getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            if (name, source) in have or message.get("numerus") != "yes" or not wanted(
                    "en", source, english_chosen(name, source, known, new_texts)):
                continue
            if name not in contexts:
                contexts[name] = ET.SubElement(root, "context")
                ET.SubElement(contexts[name], "name").text = name
            out = ET.SubElement(contexts[name], "message", {"numerus": "yes"})
            for location in message.iter("location"):
                ET.SubElement(out, "location", dict(location.attrib))
            ET.SubElement(out, "source").text = source
            if (name, source) in known:
                out.append(known[(name, source)])
                continue
            value = new_texts.get(name, {}).get(source, {}).get("en")
            if value is None:
                missing.append(f"en {name}: {source}")
            set_translation(out, value)  # type: ignore[arg-type]
    return missing


def main(argv: list[str]) -> int:
    new_texts = json.loads(Path(argv[0]).read_text("utf-8")) if argv else {}
    missing = []
    for lang in LANGUAGES:
        missing += merge(lang, new_texts)
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), *(str(FOLDER / f"kostra_{lang}.ts") for lang in LANGUAGES)],
        check=True,
        capture_output=True,
    )
    for line in missing:
        print("untranslated:", line)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

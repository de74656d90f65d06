"""Several files of one municipality checked together (Oslo's bydeler).

Each bydel in Oslo delivers its own file, and a person helped in several bydeler is in
each of them. SSB counts such a person once for Oslo (the minutes of 2016 tell of a 5 %
cut by hand). The form's `acrossFiles` controls say what identifies a person and which
records count; `check_across` gives one finding per person found in more than one file,
naming every file and line, and never the identifier itself.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.i18n import DEFAULT_LANGUAGE, Text, tr
from client.core.records.recordset import RecordSet
from client.core.validation.engine import FormValidator, ValidationContext

_MAX_NAMED = 10  # a message names at most this many places; the occurrences list has all

_IN: Text = {"nb": "{file} linje {line}", "nn": "{file} line {line}", "en": "{file} line {line}"}
_AND: Text = {"nb": " og ", "nn": " og ", "en": " and "}
_MORE: Text = {"nb": " (+{n} til)", "nn": " (+{n} til)", "en": " (+{n} more)"}


@dataclass(frozen=True)
class Occurrence:
    file: str
    line: int


@dataclass(frozen=True)
class CrossFileFinding:
    """One person (or whatever the control's key identifies) in more than one file."""

    control: str
    name: str
    severity: str
    text: Text
    occurrences: tuple[Occurrence, ...]
    params: dict[str, Any] = field(default_factory=dict)

    def others(self, lang: str, exclude: Occurrence | None = None) -> str:
        """The places as a readable list (file names without folders)."""
        places = [o for o in self.occurrences if o != exclude]
        shown = [tr(_IN, lang).format(file=Path(o.file).name, line=o.line)
                 for o in places[:_MAX_NAMED]]
        text = ", ".join(shown[:-1]) + tr(_AND, lang) + shown[-1] if len(shown) > 1 else shown[0]
        if len(places) > _MAX_NAMED:
            text += tr(_MORE, lang).format(n=len(places) - _MAX_NAMED)
        return text

    def message(self, lang: str = DEFAULT_LANGUAGE, exclude: Occurrence | None = None) -> str:
        files = len({o.file for o in self.occurrences})
        return tr(self.text, lang).format(count=files, others=self.others(lang, exclude))

    def to_json(self, lang: str = DEFAULT_LANGUAGE) -> dict[str, Any]:
        return {
            "control": self.control,
            "severity": self.severity,
            "message": self.message(lang),
            "occurrences": [{"file": o.file, "line": o.line} for o in self.occurrences],
        }


def check_across(
    validator: FormValidator,
    files: Sequence[tuple[str, RecordSet]],
    context: ValidationContext,
) -> list[CrossFileFinding]:
    """The findings of the form's `acrossFiles` controls over `files` ((name, records)),
    in the order of each group's first occurrence. Records repeated within one file are
    SSB's own duplicate controls' business and are not reported here."""
    out: list[CrossFileFinding] = []
    args = context.args()
    for compiled in validator.cross_file_controls:
        key_of = compiled.unique_key
        assert key_of is not None
        groups: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for f, (_, records) in enumerate(files):
            for i, line in enumerate(records.lines):
                key = key_of(line, *args)
                if key is not None:
                    groups.setdefault(key, []).append((f, i))
        control = compiled.control
        for members in groups.values():
            if len({f for f, _ in members}) < 2:
                continue
            occurrences = tuple(
                Occurrence(files[f][0], files[f][1].line_number(i)) for f, i in members
            )
            out.append(
                CrossFileFinding(
                    control=control.id,
                    name=control.name,
                    severity=control.severity,
                    text=control.spec["messages"][0]["text"],
                    occurrences=occurrences,
                )
            )
    return out


@dataclass(frozen=True)
class FileVerdict:
    """One file's own verdict, when several are checked together."""

    path: str
    records: int
    summary: dict[str, int]


def check_files(
    form: FormDefinition,
    paths: Sequence[Path | str],
    context: ValidationContext,
    validator: FormValidator | None = None,
    on_file: Callable[[int, int], None] | None = None,
) -> tuple[list[FileVerdict], list[CrossFileFinding]]:
    """Check each file as one file, then all together (the window's Oslo check; the CLI's
    `kostra validate A B …` does the same with its own reports). `on_file(done, total)`
    is told after each file (progress; it may raise to stop). Raises InputFileError,
    naming the file, for a file that cannot be read."""
    from client.core.records.fixedwidth import read_record_file
    from client.core.validation.findings import summarize

    validator = validator or FormValidator(form)
    verdicts: list[FileVerdict] = []
    files: list[tuple[str, RecordSet]] = []
    for n, path in enumerate(paths):
        records = read_record_file(Path(path), form)
        findings = validator.validate(records, context)
        verdicts.append(FileVerdict(str(path), len(records), summarize(findings)))
        files.append((str(path), records))
        if on_file is not None:
            on_file(n + 1, len(paths))
    return verdicts, check_across(validator, files, context)

"""Errors a user can meet, each with a message that says what is wrong and what to do."""

from __future__ import annotations

import re
from collections.abc import Mapping

from client.core.i18n import DEFAULT_LANGUAGE, Text, tr

# Control characters in a value shown to the user (a file name, a region typed on the
# command line) are shown as escapes: a NUL or an escape sequence must never reach a
# terminal. Line breaks stay: some messages list several lines.
_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def printable(value: str) -> str:
    """`value` with control characters shown as escapes (\\x00)."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def _param(value: object, lang: str) -> object:
    if isinstance(value, Mapping):
        return tr(value, lang)
    if isinstance(value, str):
        from client.core.oserrors import translate_strerror

        known = translate_strerror(value)
        return tr(known, lang) if known is not None else printable(value)
    return value


class UserError(Exception):
    """An error to show the user as it is: no traceback, a message in their language."""

    # The command line's exit code: 2 is "cannot do that" (usage, unreadable input);
    # an error that is a verdict on the data (a form that may not be submitted) says 1.
    exit_code = 2

    def __init__(self, message: Text, **params: object) -> None:
        self.text = message
        self.params = params
        super().__init__(self.message())

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        params = {k: _param(v, lang) for k, v in self.params.items()}
        return tr(self.text, lang).format(**params)


class InputFileError(UserError):
    """A file to import or validate cannot be read as the form's records."""


class FormDefinitionError(UserError):
    """A form definition is broken: names the file and the JSON path."""

    def __init__(self, file: str, path: str, problem: str) -> None:
        self.file = file
        self.path = path
        self.problem = problem
        super().__init__(
            {
                "nb": "Skjemadefinisjonen {file} er ugyldig ved {path}: {problem}",
                "nn": "Skjemadefinisjonen {file} er ugyldig ved {path}: {problem}",
                "en": "The form definition {file} is invalid at {path}: {problem}",
            },
            file=file,
            path=path or "$",
            problem=problem,
        )


class UnknownFormError(UserError):
    """The asked-for form or year is not installed."""

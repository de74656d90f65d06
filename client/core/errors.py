"""Errors a user can meet, each with a message that says what is wrong and what to do."""

from __future__ import annotations

from client.core.i18n import DEFAULT_LANGUAGE, Text, tr


class UserError(Exception):
    """An error to show the user as it is: no traceback, a message in their language."""

    def __init__(self, message: Text, **params: object) -> None:
        self.text = message
        self.params = params
        super().__init__(self.message())

    def message(self, lang: str = DEFAULT_LANGUAGE) -> str:
        # A parameter may itself be a text in several languages (a reason, say).
        params = {k: tr(v, lang) if isinstance(v, dict) else v for k, v in self.params.items()}
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

"""Which questions of a questionnaire are shown, given the answers so far.

A question's `visibleWhen` (ui.json) is a condition of the controls' vocabulary,
compiled once per form like the controls. The desktop window shows and hides by
it, and validation and submission ignore the answer to a hidden question (the
draft keeps it, so nothing typed is lost if the question comes back).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from client.core.forms.model import FormDefinition
from client.core.validation.compiler import (
    BASE_NAMESPACE,
    PARAMS,
    CodeGen,
    DefinitionProblem,
    build_function,
    definition_error,
    prologue_lines,
)

Predicate = Callable[[Mapping[str, Any]], bool]


def _compile(form: FormDefinition) -> dict[str, Predicate]:
    namespace = dict(BASE_NAMESPACE)
    predicates: dict[str, Predicate] = {}
    for field in form.fields:
        if field.visible_when is None:
            continue
        gen = CodeGen(form, namespace)
        try:
            test = gen.cond(field.visible_when)
        except DefinitionProblem as problem:
            raise definition_error(
                form, f"$.fields.{field.name}.visibleWhen", problem, file="ui.json"
            ) from None
        body = [*prologue_lines(gen, "    "), f"    return bool({test})"]
        function = build_function(
            f"visible_{field.name}", "line, " + ", ".join(PARAMS), gen, body, namespace
        )
        predicates[field.name] = lambda answers, f=function: f(answers, *([None] * len(PARAMS)))
    return predicates


def _predicates(form: FormDefinition) -> dict[str, Predicate]:
    # Kept on the (frozen) definition itself: compiled once per loaded form.
    cached = form.__dict__.get("_visibility_cache")
    if cached is None:
        cached = _compile(form)
        object.__setattr__(form, "_visibility_cache", cached)
    return cached


def check(form: FormDefinition) -> None:
    """Compile every condition, so a broken one is refused when the form loads."""
    _predicates(form)


def visible_fields(form: FormDefinition, answers: Mapping[str, Any]) -> set[str]:
    """The names of the questions shown for these answers. A question whose condition
    depends on a hidden question is hidden too."""
    predicates = _predicates(form)
    pruned = dict(answers)
    shown: set[str] = set()
    flags = {
        name: section.nothing_to_report
        for section in form.sections
        if section.nothing_to_report
        for name in section.fields
        if name != section.nothing_to_report
    }
    for field in form.fields:  # conditions refer to earlier questions, in form order
        predicate = predicates.get(field.name)
        flag = flags.get(field.name)
        if flag is not None and pruned.get(flag) is True:
            pruned.pop(field.name, None)  # "nothing to report" for its section
        elif predicate is None or predicate(pruned):
            shown.add(field.name)
        else:
            pruned.pop(field.name, None)
    return shown


def prune_hidden(form: FormDefinition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers without those to hidden questions: what is validated and submitted."""
    shown = visible_fields(form, answers)
    return {k: v for k, v in answers.items() if k in shown or not form.has_field(k)}

"""Reads one form definition folder, checks it against the metaschemas and its invariants.

A broken definition is refused at load time with the file and the JSON path of
the problem, never later in a window or in the middle of a validation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import string
from collections.abc import Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from client.core.errors import FormDefinitionError
from client.core.forms import checkcache
from client.core.forms.model import (
    Code,
    Column,
    Control,
    Delivery,
    FieldDef,
    FormDefinition,
    RecordIdentity,
    Reference,
    Section,
)

if TYPE_CHECKING:
    import jsonschema
    from referencing import Registry

FORM_FILES = (
    "form.json", "schema.json", "layout.json", "ui.json", "controls.json", "reference.json"
)
_LAYOUT_TYPES = {"string": "string", "integer": "integer", "date": "date"}
# Placeholders every control message may use besides the control's own params.
BUILTIN_PARAMS = frozenset(
    {"value", "field", "from", "to", "codes", "reportingYear", "kommunenummer", "label", "journal",
     "dateFormat", "expected"}
)
UNIQUE_PARAMS = frozenset({"count", "others"})
CROSS_PARAMS = frozenset({"this", "other", "otherForm"})
# schema.json is checked against JSON Schema's own metaschema (2020-12), not one of ours.
SCHEMA_KIND = "json-schema-2020-12"


@cache
def _metaschemas() -> tuple[dict[str, jsonschema.protocols.Validator], Registry]:
    # jsonschema is imported only when a file must be checked (checkcache remembers passes).
    import jsonschema
    from referencing import Registry, Resource

    folder = resources.files("client.core.forms") / "meta"
    documents = {}
    for name in ("i18n", "form", "layout", "ui", "controls", "reference"):
        documents[name] = json.loads((folder / f"{name}.schema.json").read_text("utf-8"))
    registry: Registry = Registry().with_resources(
        (doc["$id"], Resource.from_contents(doc)) for doc in documents.values()
    )
    validators = {
        name: jsonschema.Draft202012Validator(doc, registry=registry)
        for name, doc in documents.items()
    }
    return validators, registry


def _read_json_bytes(path: Path) -> tuple[Any, bytes]:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise FormDefinitionError(str(path), "", f"cannot be read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise FormDefinitionError(str(path), "", "is not UTF-8 text") from exc
    try:
        return json.loads(text), raw
    except json.JSONDecodeError as exc:
        raise FormDefinitionError(
            str(path), "", f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from exc


@cache
def _metaschema_bytes() -> bytes:
    """All metaschemas, so that a changed metaschema invalidates every remembered verdict."""
    folder = resources.files("client.core.forms") / "meta"
    return b"".join(
        (folder / f"{name}.schema.json").read_bytes()
        for name in ("i18n", "form", "layout", "ui", "controls", "reference")
    )


def _read_checked(kind: str, path: Path) -> Any:
    """Read a definition file and check it against its metaschema, unless these exact bytes
    passed the same check before (checkcache)."""
    document, raw = _read_json_bytes(path)
    key = checkcache.verdict_key(kind, _metaschema_bytes(), raw)
    if not checkcache.has_passed(key):
        if kind == SCHEMA_KIND:
            import jsonschema

            try:
                jsonschema.Draft202012Validator.check_schema(document)
            except jsonschema.SchemaError as exc:
                raise FormDefinitionError(str(path), exc.json_path, exc.message) from exc
        else:
            _check_against(kind, document, path)
        checkcache.remember_pass(key)
    return document


def _check_against(kind: str, document: Any, path: Path) -> None:
    import jsonschema

    validators, _ = _metaschemas()
    error = jsonschema.exceptions.best_match(validators[kind].iter_errors(document))
    if error is not None:
        raise FormDefinitionError(str(path), error.json_path, error.message)



def _check_statistics(statistics: dict[str, Any], names: set[str], directory: Path) -> None:
    """Every field the statistics name exists in the form."""
    for i, section in enumerate(statistics.get("sections", ())):
        value = section.get("value", {})
        used = [
            *section.get("countFilled", ()),
            *(name for row in section.get("rows", ()) for name in row["sum"]),
            *(name for names_ in value.values() for name in names_),
        ]
        for name in used:
            if name not in names:
                raise FormDefinitionError(
                    str(directory / "form.json"), f"$.statistics.sections[{i}]",
                    f"unknown field {name!r}",
                )

def load_form(directory: Path) -> FormDefinition:
    """Load and check the form in `directory` (forms/<year>/<form id>/)."""
    directory = Path(directory)
    meta = _read_checked("form", directory / "form.json")
    kind = meta["kind"]

    schema_path = directory / "schema.json"
    schema = _read_checked(SCHEMA_KIND, schema_path)
    if schema.get("type") != "object" or not isinstance(schema.get("properties"), dict):
        raise FormDefinitionError(str(schema_path), "$", "must describe an object with properties")

    ui_path = directory / "ui.json"
    ui = _read_checked("ui", ui_path)

    controls_path = directory / "controls.json"
    controls_doc = _read_checked("controls", controls_path)

    layout = None
    layout_path = directory / "layout.json"
    if kind == "record":
        layout = _read_checked("layout", layout_path)

    references: tuple[Reference, ...] = ()
    reference_path = directory / "reference.json"
    if reference_path.exists():
        reference_doc = _read_checked("reference", reference_path)
        references = tuple(
            Reference(
                name=name,
                label=item["label"],
                value=item["value"],
                unit=item["unit"],
                source=item["source"],
                note=item.get("note", ""),
            )
            for name, item in reference_doc["values"].items()
        )

    fields = _build_fields(schema, ui, layout, directory)
    sections = _build_sections(ui, fields, ui_path)
    _check_computed(fields, references, ui_path)
    controls = _build_controls(controls_doc, fields, controls_path, references)
    if str(meta["year"]) != directory.parent.name or meta["id"] != directory.name:
        raise FormDefinitionError(
            str(directory / "form.json"),
            "$",
            f"id {meta['id']!r} and year {meta['year']} must match the folder "
            f"{directory.parent.name}/{directory.name}",
        )
    _check_deadline(meta.get("deadline"), int(meta["year"]), directory / "form.json")
    identity_doc = meta.get("identity", {})
    identity = RecordIdentity(
        journal=identity_doc.get("journal"),
        caseworker=identity_doc.get("caseworker"),
        person=tuple(identity_doc.get("person", ())),
        kommune=identity_doc.get("kommune"),
        bydel=identity_doc.get("bydel"),
        year=identity_doc.get("year"),
        contact=tuple(identity_doc.get("contact", ())),
    )
    names = {f.name for f in fields}
    for key, value in identity_doc.items():
        for name in [value] if isinstance(value, str) else value:
            if name not in names:
                raise FormDefinitionError(
                    str(directory / "form.json"), f"$.identity.{key}", f"unknown field {name!r}"
                )
    for i, total in enumerate(meta.get("totals", ())):
        for key in ("sum", "countFilled"):
            for name in total.get(key, ()):
                if name not in names:
                    raise FormDefinitionError(
                        str(directory / "form.json"), f"$.totals[{i}].{key}",
                        f"unknown field {name!r}",
                    )
    _check_statistics(meta.get("statistics") or {}, names, directory)

    form = FormDefinition(
        form_id=meta["id"],
        year=meta["year"],
        version=meta["version"],
        kind=kind,
        title=meta["title"],
        description=meta.get("description", meta["title"]),
        fields=fields,
        sections=sections,
        controls=controls,
        schema=schema,
        record_length=layout["recordLength"] if layout else None,
        identity=identity,
        totals=tuple(meta.get("totals", ())),
        statistics=meta.get("statistics"),
        directory=directory,
        sha256=definition_digest(directory),
        delivery=(
            Delivery(meta["delivery"]["route"], meta["delivery"].get("address"))
            if "delivery" in meta
            else None
        ),
        source=meta.get("source", ""),
        references=references,
    )
    # The conditions are compiled like the controls; a broken one is refused here, not
    # when a user first answers the question it hangs on.
    from client.core.forms import answers, visibility

    visibility.check(form)
    answers.check(form)
    return form


def definition_digest(directory: Path) -> str:
    """SHA-256 over the definition's files, so a submission names exactly what it was checked by."""
    digest = hashlib.sha256()
    for name in FORM_FILES:
        path = directory / name
        if path.exists():
            digest.update(name.encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def _field_type(prop: dict[str, Any], layout_type: str | None) -> str:
    if layout_type is not None:
        return _LAYOUT_TYPES[layout_type]
    if prop.get("type") == "array" and prop.get("items", {}).get("type") == "object":
        return "table"
    if prop.get("type") == "array":
        return "multichoice"
    if "enum" in prop:
        return "choice"
    if prop.get("type") == "boolean":
        return "boolean"
    if prop.get("type") == "integer":
        return "integer"
    if prop.get("type") == "number":
        return "number"
    if prop.get("format") == "date":
        return "date"
    return "string"


def _build_fields(  # noqa: PLR0915 - one pass over the definition, checked as it goes
    schema: dict[str, Any], ui: dict[str, Any], layout: dict[str, Any] | None, directory: Path
) -> tuple[FieldDef, ...]:
    properties: dict[str, Any] = schema["properties"]
    required = set(schema.get("required", ()))
    ui_fields: dict[str, Any] = ui["fields"]
    schema_path, ui_path, layout_path = (
        str(directory / "schema.json"),
        str(directory / "ui.json"),
        str(directory / "layout.json"),
    )
    for name in ui_fields:
        if name not in properties:
            raise FormDefinitionError(
                ui_path, f"$.fields.{name}", "names no property of schema.json"
            )

    columns: dict[str, tuple[Column, str]] = {}
    if layout is not None:
        position = 1
        for i, item in enumerate(layout["fields"]):
            where = f"$.fields[{i}]"
            if item["from"] != position:
                raise FormDefinitionError(
                    layout_path,
                    where,
                    f"field {item['name']} starts at {item['from']}, expected {position} "
                    "(fields must follow each other without gaps or overlaps)",
                )
            if item["name"] in columns:
                raise FormDefinitionError(layout_path, where, f"duplicate field {item['name']}")
            pattern = item.get("datePattern")
            if pattern is not None and len(pattern) != item["size"]:
                raise FormDefinitionError(
                    layout_path, where, f"date pattern {pattern} does not fill size {item['size']}"
                )
            columns[item["name"]] = (
                Column(start=item["from"] - 1, size=item["size"], date_pattern=pattern),
                item["type"],
            )
            position += item["size"]
        if position - 1 != layout["recordLength"]:
            raise FormDefinitionError(
                layout_path,
                "$.recordLength",
                f"is {layout['recordLength']}, but the fields end at column {position - 1}",
            )
        for name in properties:
            if name not in columns:
                raise FormDefinitionError(
                    schema_path, f"$.properties.{name}", "has no column in layout.json"
                )
        order = list(columns)
    else:
        order = list(properties)

    fields = []
    for name in order:
        if name not in properties:
            raise FormDefinitionError(layout_path, "$.fields", f"{name} is missing in schema.json")
        prop = properties[name]
        ui_field = ui_fields.get(name)
        if ui_field is None:
            raise FormDefinitionError(ui_path, "$.fields", f"{name} has no label")
        column, layout_type = columns.get(name, (None, None))
        enum = prop.get("enum") or prop.get("items", {}).get("enum") or ()
        labels = ui_field.get("codes", {})
        for code in labels:
            if code not in enum:
                raise FormDefinitionError(
                    ui_path, f"$.fields.{name}.codes.{code}", "is not in the field's enum"
                )
        codes = tuple(Code(str(c), labels.get(str(c), {"nb": str(c)})) for c in enum)
        if column is not None:
            for code in codes:
                if len(code.code) != column.size:
                    raise FormDefinitionError(
                        schema_path,
                        f"$.properties.{name}.enum",
                        f"code {code.code!r} does not fill the field's {column.size} columns",
                    )
        field_type = _field_type(prop, layout_type)
        table_columns: tuple[FieldDef, ...] = ()
        if field_type == "table":
            table_columns = _build_columns(name, prop, ui_field, schema_path, ui_path)
        elif "columns" in ui_field:
            raise FormDefinitionError(
                ui_path, f"$.fields.{name}.columns",
                "only a table (an array of objects in schema.json) has columns",
            )
        fields.append(
            FieldDef(
                name=name,
                type=field_type,
                label=ui_field["label"],
                help=ui_field.get("help", {}),
                mandatory=name in required,
                codes=codes,
                column=column,
                personal=ui_field.get("personal", False),
                max_length=prop.get("maxLength") or (column.size if column else None),
                widget=ui_field.get("widget") or ("computed" if "computed" in ui_field else None),
                visible_when=ui_field.get("visibleWhen"),
                schema=prop,
                short=ui_field.get("short", {}),
                columns=table_columns,
                computed=ui_field.get("computed"),
                max_rows=prop.get("maxItems") if field_type == "table" else None,
            )
        )
    seen: dict[str, str] = {f.name: "the form" for f in fields}
    for table in fields:
        for col in table.columns:
            if col.name in seen:
                raise FormDefinitionError(
                    ui_path, f"$.fields.{table.name}.columns.{col.name}",
                    f"column name {col.name} is already used by {seen[col.name]}; "
                    "column names must be unique across the form",
                )
            seen[col.name] = f"table {table.name}"
    return tuple(fields)


def _build_columns(
    table: str, prop: dict[str, Any], ui_field: dict[str, Any], schema_path: str, ui_path: str
) -> tuple[FieldDef, ...]:
    """A repeating group's columns: the items' properties, in ui.json's order."""
    items = prop["items"]
    properties = items.get("properties")
    if not isinstance(properties, dict) or not properties:
        raise FormDefinitionError(
            schema_path, f"$.properties.{table}.items", "a table's rows must have properties"
        )
    ui_columns = ui_field.get("columns")
    if not ui_columns:
        raise FormDefinitionError(ui_path, f"$.fields.{table}", "a table needs its columns")
    for name in properties:
        if name not in ui_columns:
            raise FormDefinitionError(ui_path, f"$.fields.{table}.columns", f"{name} has no label")
    required = set(items.get("required", ()))
    columns = []
    for name, ui_column in ui_columns.items():
        where = f"$.fields.{table}.columns.{name}"
        if name not in properties:
            raise FormDefinitionError(ui_path, where, "names no property of the table's rows")
        column_prop = properties[name]
        enum = column_prop.get("enum") or ()
        labels = ui_column.get("codes", {})
        for code in labels:
            if code not in enum:
                raise FormDefinitionError(ui_path, f"{where}.codes.{code}", "is not in the enum")
        columns.append(
            FieldDef(
                name=name,
                type=_field_type(column_prop, None),
                label=ui_column["label"],
                help=ui_column.get("help", {}),
                mandatory=name in required,
                codes=tuple(Code(str(c), labels.get(str(c), {"nb": str(c)})) for c in enum),
                max_length=column_prop.get("maxLength"),
                widget=ui_column.get("widget")
                or ("computed" if "computed" in ui_column else None),
                schema=column_prop,
                table=table,
                computed=ui_column.get("computed"),
            )
        )
    return tuple(columns)


def _known_names(fields: tuple[FieldDef, ...]) -> set[str]:
    return {f.name for f in fields} | {c.name for f in fields for c in f.columns}


def _check_computed(
    fields: tuple[FieldDef, ...], references: tuple[Reference, ...], ui_path: Path
) -> None:
    names = _known_names(fields)
    refs = {r.name for r in references}
    for field in fields:
        targets = [(field, f"$.fields.{field.name}.computed")]
        targets += [(c, f"$.fields.{field.name}.columns.{c.name}.computed") for c in field.columns]
        for target, where in targets:
            if target.computed is None:
                continue
            if target.type not in ("integer", "string"):
                raise FormDefinitionError(
                    str(ui_path), where, "a computed answer must be an integer in schema.json"
                )
            for name, path in referenced_fields(target.computed, where):
                if name not in names:
                    raise FormDefinitionError(str(ui_path), path, f"unknown field {name!r}")
            for name, path in referenced_refs(target.computed, where):
                if name not in refs:
                    raise FormDefinitionError(str(ui_path), path, f"unknown reference {name!r}")


def _build_sections(
    ui: dict[str, Any], fields: tuple[FieldDef, ...], ui_path: Path
) -> tuple[Section, ...]:
    names = [f.name for f in fields]
    seen: dict[str, str] = {}
    sections = []
    for i, item in enumerate(ui["sections"]):
        for j, name in enumerate(item["fields"]):
            where = f"$.sections[{i}].fields[{j}]"
            if name not in names:
                raise FormDefinitionError(str(ui_path), where, f"unknown field {name!r}")
            if name in seen:
                raise FormDefinitionError(
                    str(ui_path), where, f"{name} is already in section {seen[name]!r}"
                )
            seen[name] = item["id"]
        flag = item.get("nothingToReport")
        if flag is not None:
            by_name = {f.name: f for f in fields}
            if flag not in item["fields"] or by_name[flag].type != "boolean":
                raise FormDefinitionError(
                    str(ui_path), f"$.sections[{i}].nothingToReport",
                    f"{flag} must be a boolean question of this section",
                )
        sections.append(
            Section(
                id=item["id"], title=item["title"], fields=tuple(item["fields"]),
                nothing_to_report=flag,
            )
        )
    missing = [n for n in names if n not in seen]
    if missing:
        raise FormDefinitionError(
            str(ui_path), "$.sections", f"fields in no section: {', '.join(missing)}"
        )
    return tuple(sections)


def referenced_fields(node: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every field name a condition or value refers to, with its JSON path."""
    field_ops = {
        "field", "text", "int", "intOrNull", "age", "date", "blank", "inCodes",
        "validFnr", "validFnrOrPlaceholder", "validDuf", "isDate", "isStrictDate", "codeLabel",
        "minusSign",
    }  # fmt: skip
    field_lists = {"anyInCodes", "key", "sumOf", "fields", "matchBy", "amounts"}
    if isinstance(node, dict):
        for key, value in node.items():
            where = f"{path}.{key}"
            if key in field_ops and isinstance(value, str):
                yield value, where
            elif key in field_lists and isinstance(value, list):
                for i, name in enumerate(value):
                    yield name, f"{where}[{i}]"
            elif key == "contains":
                yield value[0], f"{where}[0]"
            elif key == "sumColumn":
                yield value[0], f"{where}[0]"
                yield value[1], f"{where}[1]"
            elif key == "countRows":
                yield value, where
            elif key in ("ref", "refSource"):
                continue
            else:
                yield from referenced_fields(value, where)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from referenced_fields(item, f"{path}[{i}]")


def referenced_refs(node: Any, path: str) -> Iterator[tuple[str, str]]:
    """Every reference.json figure a condition or value refers to, with its JSON path."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("ref", "refSource") and isinstance(value, str):
                yield value, f"{path}.{key}"
            else:
                yield from referenced_refs(value, f"{path}.{key}")
    elif isinstance(node, list):
        for i, item in enumerate(node):
            yield from referenced_refs(item, f"{path}[{i}]")


# Placeholders that the engine (or client.core.baseline / crossfile) fills in per kind.
_KIND_PARAMS: dict[str, set[str]] = {
    "lastYearFigure": {"figure", "thisYear", "lastYear", "change", "limit", "lastYearNumber"},
    "lastYearAmount": {"thisYear", "lastYear", "times", "factor", "matchedBy"},
    "acrossFiles": {"count", "others"},
}
_TEXT_KEYS = ("title", "messages", "failureMessages", "whenReporting", "whenNothingToReport")


def _build_controls(
    doc: dict[str, Any],
    fields: tuple[FieldDef, ...],
    path: Path,
    references: tuple[Reference, ...] = (),
) -> tuple[Control, ...]:
    names = _known_names(fields)
    refs = {r.name for r in references}
    tables = {f.name: f for f in fields if f.is_table}
    seen: set[str] = set()
    controls = []
    for i, spec in enumerate(doc["controls"]):
        where = f"$.controls[{i}]"
        if spec["name"] in seen:
            raise FormDefinitionError(str(path), f"{where}.name", f"duplicate {spec['name']!r}")
        seen.add(spec["name"])
        # A cross-form control's "other" speaks of the other form's fields, checked when
        # the control is compiled against that form.
        other_form = ("other", "otherForm") if spec["kind"] == "crossForm" else ()
        skip = (*_TEXT_KEYS, "table", *other_form)
        own = {k: v for k, v in spec.items() if k not in skip}
        for name, field_path in referenced_fields(own, where):
            if name not in names:
                raise FormDefinitionError(str(path), field_path, f"unknown field {name!r}")
        for name, ref_path in referenced_refs(spec, where):
            if name not in refs:
                raise FormDefinitionError(
                    str(path), ref_path, f"unknown reference {name!r} (see reference.json)"
                )
        if "table" in spec:
            table = tables.get(spec["table"])
            if table is None:
                raise FormDefinitionError(
                    str(path), f"{where}.table", f"{spec['table']!r} is not a table of the form"
                )
            if "field" in spec and spec["field"] not in {c.name for c in table.columns}:
                raise FormDefinitionError(
                    str(path), f"{where}.field", f"must be a column of {spec['table']}"
                )
        for j, message in enumerate(spec.get("messages", ())):
            for name, field_path in referenced_fields(
                message.get("when", {}), f"{where}.messages[{j}].when"
            ):
                if name not in names:
                    raise FormDefinitionError(str(path), field_path, f"unknown field {name!r}")
        allowed = BUILTIN_PARAMS | set(spec.get("params", {}))
        if spec["kind"] == "crossForm":
            allowed |= CROSS_PARAMS
        if "table" in spec:
            allowed |= {"row"}
        if spec["kind"] == "unique":
            allowed |= UNIQUE_PARAMS
        if spec["kind"] == "recordLength":
            allowed |= {"length", "expected", "character", "position"}
        allowed |= _KIND_PARAMS.get(spec["kind"], set())
        texts = [m["text"] for m in spec.get("messages", ())]
        if "controlCharacterMessage" in spec:
            texts.append(spec["controlCharacterMessage"])
        texts += list(spec.get("failureMessages", {}).values())
        texts += [spec[key] for key in ("whenReporting", "whenNothingToReport") if key in spec]
        for text in texts:
            for lang, sentence in text.items():
                for _, placeholder, _, _ in string.Formatter().parse(sentence):
                    if placeholder is not None and placeholder not in allowed:
                        raise FormDefinitionError(
                            str(path),
                            f"{where}.messages",
                            f"{lang} message uses unknown placeholder {{{placeholder}}}",
                        )
        controls.append(
            Control(
                id=spec["id"],
                name=spec["name"],
                kind=spec["kind"],
                severity=spec["severity"],
                title=spec["title"],
                origin=spec["origin"],
                field=spec.get("field"),
                spec=spec,
            )
        )
    return tuple(controls)


def _check_deadline(deadline: Any, year: int, path: Path) -> None:
    """A deadline that is a real date after the reporting year, and corrections no earlier:
    a form pack whose calendar was copied from the year before, or a date that does not
    exist, is refused here rather than shown wrong (or not at all) in the overview."""
    if not isinstance(deadline, dict):
        return
    dates: dict[str, dt.date] = {}
    for key in ("date", "corrections"):
        if key not in deadline:
            continue
        try:
            dates[key] = dt.date.fromisoformat(str(deadline[key]))
        except ValueError:
            raise FormDefinitionError(
                str(path), f"$.deadline.{key}", f"{deadline[key]!r} is not a date"
            ) from None
    due = dates.get("date")
    if due is not None and due.year <= year:
        raise FormDefinitionError(
            str(path), "$.deadline.date",
            f"{due.isoformat()} is not after the reporting year {year}",
        )
    corrections = dates.get("corrections")
    if due is not None and corrections is not None and corrections < due:
        raise FormDefinitionError(
            str(path), "$.deadline.corrections",
            f"{corrections.isoformat()} is before the deadline {due.isoformat()}",
        )

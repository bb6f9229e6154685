"""The API's documentation page, rendered on the server from the OpenAPI schema.

drf-spectacular's Swagger UI and Redoc load JavaScript from a CDN, which the site's
Content-Security-Policy and offline machines forbid; this page lists the same
endpoints, parameters and fields as plain HTML, generated from the schema so it
cannot drift from the API.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from drf_spectacular.generators import SchemaGenerator

from .pagination import MAX_PAGE_SIZE, PAGE_SIZE


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    type: str
    required: bool
    repeatable: bool
    description: str


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    description: str
    example: str
    parameters: list[Parameter]
    fields: list[Field]
    record_fields: list[Field]
    statuses: list[tuple[str, str]]


@functools.cache
def api_schema() -> dict:
    """The OpenAPI schema (built once per process: it depends on code only)."""
    return SchemaGenerator().get_schema(request=None, public=True)


def resolve(schema: dict, components: dict) -> dict:
    """A schema with a ``$ref`` (also inside a one-item ``allOf``) followed."""
    if "allOf" in schema and len(schema["allOf"]) == 1:
        schema = {
            **schema["allOf"][0],
            **{k: v for k, v in schema.items() if k != "allOf"},
        }
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def type_label(schema: dict, components: dict) -> str:
    """A short human type: ``string (date)``, ``list of Person``, ``Topic or null``;
    enumerations spelled out."""
    if "allOf" in schema and len(schema["allOf"]) == 1:
        inner = {**schema["allOf"][0], "nullable": schema.get("nullable")}
        return type_label(inner, components)
    if "$ref" in schema:
        target = resolve(schema, components)
        if "enum" in target:
            return type_label(
                {**target, "nullable": schema.get("nullable")}, components
            )
        label = schema["$ref"].rsplit("/", 1)[-1]
    elif schema.get("type") == "array":
        label = f"list of {type_label(schema.get('items', {}), components)}"
    else:
        label = schema.get("type", "any")
        if "format" in schema:
            label += f" ({schema['format']})"
        if "enum" in schema:
            label += ": " + " | ".join(str(v) for v in schema["enum"] if v is not None)
    return f"{label} or null" if schema.get("nullable") else label


def fields_of(schema: dict, components: dict) -> list[Field]:
    return [
        Field(name, type_label(spec, components), spec.get("description", ""))
        for name, spec in schema.get("properties", {}).items()
    ]


PAGE_FIELDS = {"count", "next", "previous", "results"}


def answer_fields(schema: dict, components: dict) -> tuple[list[Field], list[Field]]:
    """What an endpoint returns: its own fields (none for a plain page of records)
    and the fields of each record in ``results``."""
    schema = resolve(schema, components)
    properties = schema.get("properties", {})
    if "results" not in properties:
        return fields_of(schema, components), []
    record = resolve(properties["results"].get("items", {}), components)
    own = [] if set(properties) == PAGE_FIELDS else fields_of(schema, components)
    return own, fields_of(record, components)


def parameter_of(spec: dict, components: dict) -> Parameter:
    schema = spec.get("schema", {})
    return Parameter(
        name=spec["name"],
        location=spec["in"],
        type=type_label(schema.get("items", schema), components),
        required=spec.get("required", False),
        repeatable=schema.get("type") == "array",
        description=spec.get("description", ""),
    )


def endpoint_of(path: str, operation: dict, components: dict) -> Endpoint:
    answer = operation["responses"].get("200", {})
    schema = answer.get("content", {}).get("application/json", {}).get("schema", {})
    fields, record_fields = answer_fields(schema, components)
    parameters = [
        parameter_of(spec, components) for spec in operation.get("parameters", [])
    ]
    example = path.replace("{id}", "1")
    if any(p.name == "q" for p in parameters):
        example += "?q=trade+war&sort=newest"
    statuses = [
        (code, spec.get("description", ""))
        for code, spec in operation["responses"].items()
    ]
    return Endpoint(
        path=path,
        summary=operation.get("summary", ""),
        description=operation.get("description", ""),
        example=example,
        parameters=parameters,
        fields=fields,
        record_fields=record_fields,
        statuses=statuses,
    )


def endpoints() -> list[Endpoint]:
    schema = api_schema()
    components = schema.get("components", {}).get("schemas", {})
    return [
        endpoint_of(path, operations["get"], components)
        for path, operations in schema["paths"].items()
        if "get" in operations
    ]


def api_docs(request: HttpRequest) -> HttpResponse:
    """Every endpoint with its parameters, fields and an example."""
    context = {
        "endpoints": endpoints(),
        "schema_url": reverse("api:schema"),
        "root_url": request.build_absolute_uri(reverse("api:api-root")),
        "page_size": PAGE_SIZE,
        "max_page_size": MAX_PAGE_SIZE,
        "info": api_schema().get("info", {}),
    }
    return render(request, "briefings/api_docs.html", context)

"""A small JSON Schema check for the forms FastAPI writes into /openapi.json.

Enough for the shapes' schemas: ``$ref``, ``anyOf``/``oneOf``, ``type``, ``properties``
with ``required``, ``items``, ``prefixItems``, ``const`` and ``enum``.
"""

from __future__ import annotations

from typing import Any

TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def problems(
    value: Any, schema: dict[str, Any], components: dict[str, Any], at: str = "$"
) -> list[str]:
    """What in ``value`` does not fit ``schema``; empty when it fits."""
    if "$ref" in schema:
        return problems(value, components[schema["$ref"].rsplit("/", 1)[1]], components, at)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            fits = [not problems(value, option, components, at) for option in schema[key]]
            return [] if any(fits) else [f"{at}: fits none of {key}"]
    if "const" in schema and value != schema["const"]:
        return [f"{at}: {value!r} is not {schema['const']!r}"]
    if "enum" in schema and value not in schema["enum"]:
        return [f"{at}: {value!r} not in {schema['enum']}"]
    kind = schema.get("type")
    if kind and (
        not isinstance(value, TYPES[kind]) or (kind != "boolean" and isinstance(value, bool))
    ):
        return [f"{at}: {value!r} is not {kind}"]
    if kind == "object":
        return _object(value, schema, components, at)
    if kind == "array":
        return _array(value, schema, components, at)
    return []


def _object(
    value: dict[str, Any], schema: dict[str, Any], components: dict[str, Any], at: str
) -> list[str]:
    properties = schema.get("properties")
    if properties is None:
        return []  # a free-form dict (additionalProperties)
    found = [f"{at}.{key}: not in the schema" for key in value if key not in properties]
    found += [f"{at}.{key}: missing" for key in schema.get("required", []) if key not in value]
    for key, item in value.items():
        if key in properties:
            found += problems(item, properties[key], components, f"{at}.{key}")
    return found


def _array(
    value: list[Any], schema: dict[str, Any], components: dict[str, Any], at: str
) -> list[str]:
    found: list[str] = []
    for i, item in enumerate(value):
        prefix = schema.get("prefixItems", [])
        option = prefix[i] if i < len(prefix) else schema.get("items", {})
        found += problems(item, option, components, f"{at}[{i}]")
    return found

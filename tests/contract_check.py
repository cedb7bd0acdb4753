"""Hold JSON data to the contract ``baokan.issue/1``: its JSON Schema (formats checked
too), then the rules a schema cannot state (``baokan.contract``)."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

from baokan.contract import contract_problems
from baokan.models import json_schema

SCHEMA = json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


def contract_errors(data: Any) -> list[str]:
    """Every way ``data`` breaks the contract; [] if none."""
    errors = [f"{e.json_path}: {e.message:.120}" for e in VALIDATOR.iter_errors(data)]
    return errors + contract_problems(data)

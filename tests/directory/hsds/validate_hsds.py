#!/usr/bin/python3
"""Validates HSDS JSON with a real JSON Schema validator (Debian's python3-jsonschema).

Usage: validate_hsds.py SCHEMA FILE [--page | --ndjson]

SCHEMA is an Open Referral HSDS 3.0 schema file (e.g. shared/hsds-3.0/schema/compiled/service.json);
its $refs ("phone.json", "#/definitions/...") are resolved against the schema files beside it.
FILE holds one JSON object; with --page an HSDS page whose "contents" items are each validated
(and the page fields checked against the OpenAPI "Page" schema); with --ndjson one object per line.
Formats (uuid, email, uri, date, date-time) are checked strictly.
Exit status: 0 valid, 1 invalid (each error on stderr), 2 usage or schema problems.
"""
import json
import os
import re
import sys
import uuid

import jsonschema

PAGE_SCHEMA = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0},
        "total_pages": {"type": "integer", "minimum": 1},
        "page_number": {"type": "integer", "minimum": 1},
        "size": {"type": "integer", "minimum": 0},
        "first_page": {"type": "boolean"},
        "last_page": {"type": "boolean"},
        "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
}

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")


def format_checker():
    checker = jsonschema.FormatChecker()

    @checker.checks("uuid", raises=ValueError)
    def is_uuid(value):
        if not isinstance(value, str):
            return True
        uuid.UUID(value)
        return len(value) == 36 and all(value[i] == "-" for i in (8, 13, 18, 23))

    @checker.checks("email")
    def is_email(value):
        return not isinstance(value, str) or bool(EMAIL.match(value))

    @checker.checks("uri")
    def is_uri(value):
        return not isinstance(value, str) or bool(URI.match(value))

    @checker.checks("date")
    def is_date(value):
        return not isinstance(value, str) or bool(DATE.match(value))

    @checker.checks("date-time")
    def is_date_time(value):
        return not isinstance(value, str) or bool(DATE_TIME.match(value))

    return checker


def load_json_file(uri):
    """Loads a file:// URI ($refs like "phone.json" resolve to the schema files beside the schema)."""
    path = uri[len("file://"):] if uri.startswith("file://") else uri
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator_for(schema_path):
    base = "file://" + os.path.abspath(schema_path)
    schema = load_json_file(base)
    resolver = jsonschema.RefResolver(base_uri=base, referrer=schema, handlers={"file": load_json_file})
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft202012Validator)
    return cls(schema, resolver=resolver, format_checker=format_checker())


def errors_of(validator, instance, where):
    out = []
    for e in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
        path = where + "".join("[%r]" % p for p in e.absolute_path)
        out.append("%s: %s" % (path, e.message[:300]))
    return out


def main(argv):
    if len(argv) not in (3, 4) or (len(argv) == 4 and argv[3] not in ("--page", "--ndjson")):
        print(__doc__, file=sys.stderr)
        return 2
    schema_path, file_path = argv[1], argv[2]
    mode = argv[3] if len(argv) == 4 else ""
    try:
        validator = validator_for(schema_path)
    except (OSError, ValueError) as e:
        print("cannot use schema %s: %s" % (schema_path, e), file=sys.stderr)
        return 2
    with open(file_path, encoding="utf-8") as f:
        text = f.read()
    errors = []
    count = 0
    if mode == "--ndjson":
        for n, line in enumerate(text.split("\n"), 1):
            if not line:
                continue
            count += 1
            errors += errors_of(validator, json.loads(line), "line %d" % n)
    elif mode == "--page":
        page = json.loads(text)
        errors += errors_of(jsonschema.Draft202012Validator(PAGE_SCHEMA), page, "page")
        for i, item in enumerate(page.get("contents", []) if isinstance(page, dict) else []):
            count += 1
            errors += errors_of(validator, item, "contents[%d]" % i)
    else:
        count = 1
        errors += errors_of(validator, json.loads(text), "$")
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        return 1
    print("valid: %d object(s) against %s" % (count, os.path.basename(schema_path)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

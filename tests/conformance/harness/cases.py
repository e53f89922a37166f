"""The case tables (cases/*.json), read the same way by every Python tool.

A case is one logical request: our spec item, the logical arguments
(path, query, body, files) and, per official SDK, the call that makes
that request through it (an expression; `$body.name` and the like stand
for the logical arguments, see README.md). Standard library only.
"""

import json
import os
import re

# `$body.a.b`, `$path.x`, `$query`, `$files.f`: one logical argument (or a
# whole part) of the case.
PLACEHOLDER = re.compile(r"\$(path|query|body|files)((?:\.[A-Za-z0-9_]+)*)")


def load(cases_dir):
    """Every group's table, in file-name order: [(file name, table)]."""
    tables = []
    for name in sorted(os.listdir(cases_dir)):
        if name.endswith(".json"):
            with open(os.path.join(cases_dir, name), encoding="utf-8") as f:
                tables.append((name, json.load(f)))
    return tables


def all_cases(cases_dir):
    """Every case of every table, with its group added."""
    out = []
    for _, table in load(cases_dir):
        for case in table["cases"]:
            out.append(dict(case, group=table["group"]))
    return out


def lookup(case, part, dotted):
    """The value `$part.dotted` names in `case`'s arguments."""
    value = case.get("args", {}).get(part, {})
    for key in [k for k in dotted.split(".") if k]:
        if not isinstance(value, dict) or key not in value:
            raise KeyError("%s: $%s%s is not among its arguments" % (case["id"], part, dotted))
        value = value[key]
    return value


def substitute(case, expression, literal, files=None):
    """`expression` with every placeholder replaced by `literal(value)`.

    `$files.name` becomes the literal of the path `files[name]`, where the
    driver wrote that file's content.
    """

    def replace(match):
        part, dotted = match.group(1), match.group(2)
        if part == "files":
            return literal(files[dotted.lstrip(".")])
        return literal(lookup(case, part, dotted))

    return PLACEHOLDER.sub(replace, expression)


def write_files(case, directory):
    """Writes the case's upload files under `directory`, each in a folder
    of the case's own and under its own name (which the SDK sends); {name:
    path}."""
    paths = {}
    for name, spec in case.get("args", {}).get("files", {}).items():
        folder = os.path.join(directory, case["id"])
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, spec["name"])
        with open(path, "wb") as f:
            f.write(spec["text"].encode("utf-8"))
        paths[name] = path
    return paths

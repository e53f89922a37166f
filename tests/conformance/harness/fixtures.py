"""The fixtures check: every canned response of the official SDKs parses
into the response type our client gives its operation, and every field a
fixture has that our type lacks is listed.

Two sources: the Node SDK's canned responses (drivers/node_fixtures.js,
from the pinned npm package: every run), and the Python SDK's fixture
files (tests/resources/fixtures/*.json of its git repository, not in the
PyPI package: only when PLIVO_PYTHON_FIXTURES names that folder; each
file's method and path come from python-fixtures.json). Each fixture is
mapped to our operation by method and path (routes.py; a body or query
constant such as PHLO's `action` picks among operations on one URL), and
parsed by `plivo-conformance fixtures`.

What is expected is written down in fixture-gaps.json, per source: the
fields our types lack (`undeclared`, by spec item), the fixtures that do
not parse (`unparsed`, each with kind, why and evidence) and those that
map to no operation (`unmapped`, with why; these two keyed by fixture id
or a shell pattern of ids). The check fails on any difference from it,
either way: a new gap, or a listed one that is gone.

Usage: fixtures.py prepare OPERATIONS CASES_DIR NODE_FIXTURES OUT_INPUT OUT_MAP
       fixtures.py check GAPS_FILE OUT_MAP RESULTS REPORT_JSON
Standard library only.
"""

import fnmatch
import json
import os
import sys

import cases as case_tables
import routes

AUTH_ID = "MACONFORMANCE0000001"
# Why a fixture does not parse: the SDK's fixture is not an answer of the
# API (sdk-bug), our spec rejects it on purpose (choice), or our spec is
# stricter than the API's real answers and must change (spec-gap: a to-do,
# kept listed so that the fix shows here by failing until it is removed).
FIXTURE_KINDS = ("sdk-bug", "choice", "spec-gap")
API = "https://api.plivo.com"
PHLO = "https://phlorunner.plivo.com"
LOOKUP = "https://lookup.plivo.com"
# Node's Lookup call sends the action `Number/` + `/` with the real URL in
# its `overrideUrl` parameter (plivo@4.79.0 dist/resources/lookup.js:93 and
# :98), so its canned answer is keyed `Number//`: it is the answer of
# lookup.plivo.com/v1/Number/{number}, not of the account's number list.
NODE_OVERRIDE_URLS = {"Number//": LOOKUP}
HERE = os.path.dirname(os.path.abspath(__file__))


def node_fixtures(path):
    """Node's canned responses as (id, method, host, path, params, body)."""
    with open(path, encoding="utf-8") as f:
        for entry in json.load(f):
            action = entry["action"]
            if action in NODE_OVERRIDE_URLS and isinstance(entry["body"], dict) \
                    and entry["body"].get("phone_number"):
                host, full = NODE_OVERRIDE_URLS[action], "/v1/Number/" + entry["body"]["phone_number"]
            elif action.startswith(("phlo/", "account/")):
                host, full = PHLO, "/v1/" + action
            else:
                host, full = API, "/v1/Account/%s/%s" % (AUTH_ID, action)
            while "//" in full:
                full = full.replace("//", "/")
            yield ("node", entry["id"], entry["method"].upper(), host, full, entry["params"], entry)


def python_fixtures(folder, mapping_file):
    """The Python repository's fixture files, with the method and URL its
    tests request each one by (python-fixtures.json)."""
    with open(mapping_file, encoding="utf-8") as f:
        mapping = json.load(f)["fixtures"]
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            body = json.load(f)
        where = mapping.get(name)
        entry = {"body": body} if where else {"body": body, "unmapped": "not in python-fixtures.json"}
        if not where:
            yield ("python", "python:" + name, None, None, None, {}, entry)
            continue
        host, _, path = where["url"].partition("://")[2].partition("/")
        yield ("python", "python:" + name, where["method"], "https://" + host, "/" + path,
               where.get("params", {}), entry)


def choose(candidates, params):
    """Among operations on one method and path, those whose body or query
    constants the fixture's params carry (`action`, `status=live`); when
    none does, those with no constants; else all of them."""
    def constants(op):
        return list(op.get("constants", [])) + list(op.get("query_constants", []))
    fitting = [(op, p) for op, p in candidates
               if constants(op) and all(str(params.get(n)) == str(v) for n, v in constants(op))]
    plain = [(op, p) for op, p in candidates if not constants(op)]
    return fitting or plain or candidates


def prepare(argv):
    operations, cases_dir, node_file, out_input, out_map = argv
    _, compiled = routes.load(operations)
    first_case = {}
    for case in case_tables.all_cases(cases_dir):
        first_case.setdefault(case["item"], case["id"])
    sources = [node_fixtures(node_file)]
    folder = os.environ.get("PLIVO_PYTHON_FIXTURES")
    if folder:
        sources.append(python_fixtures(folder, os.path.join(HERE, "..", "python-fixtures.json")))
    to_parse, mapped = [], []
    for source in sources:
        for origin, fid, method, host, path, params, entry in source:
            row = {"source": origin, "id": fid}
            if "line" in entry:
                row["where"] = "dist/rest/request-test.js:%d" % entry["line"]
            if "error" in entry:
                row["skipped"] = "the SDK's tests answer it with an error: " + entry["error"]
            elif "unmapped" in entry:
                row["unmapped"] = entry["unmapped"]
            else:
                found = choose(routes.find(compiled, method, host, path), params)
                if not found:
                    row["unmapped"] = "no operation of our spec is %s %s%s" % (method, host, path)
                else:
                    item = found[0][0]["item"]
                    row["item"] = item
                    case = first_case.get(item)
                    if case is None:
                        row["unmapped"] = "no case covers %s" % item
                    else:
                        to_parse.append({"id": fid, "case": case, "body": entry["body"]})
            mapped.append(row)
    with open(out_input, "w", encoding="utf-8") as f:
        json.dump(to_parse, f, indent=1)
    with open(out_map, "w", encoding="utf-8") as f:
        json.dump({"python_run": bool(folder), "fixtures": mapped}, f, indent=1)
    return 0


def check(argv):
    gaps_file, map_file, results_file, report_file = argv
    with open(gaps_file, encoding="utf-8") as f:
        expected = json.load(f)
    with open(map_file, encoding="utf-8") as f:
        mapped = json.load(f)
    with open(results_file, encoding="utf-8") as f:
        results = {r["id"]: r for r in json.load(f)}
    sources = ["node"] + (["python"] if mapped["python_run"] else [])
    failures, found = [], {s: {"undeclared": {}, "unparsed": {}, "unmapped": {}} for s in sources}
    counts = {s: {"fixtures": 0, "parsed": 0, "skipped": 0} for s in sources}
    for row in mapped["fixtures"]:
        source, got = row["source"], found[row["source"]]
        counts[source]["fixtures"] += 1
        if "skipped" in row:
            counts[source]["skipped"] += 1
        elif "unmapped" in row:
            got["unmapped"][row["id"]] = row["unmapped"]
        else:
            result = results.get(row["id"], {"parsed": False, "error": "no result"})
            if result["parsed"]:
                counts[source]["parsed"] += 1
                fields = got["undeclared"].setdefault(row["item"], set())
                fields.update(result["undeclared"])
            else:
                where = " (%s)" % row["where"] if "where" in row else ""
                got["unparsed"][row["id"]] = "%s: %s%s" % (row["item"], result.get("error"), where)
    for source, want in expected.items():
        for fid, reason in want.get("unparsed", {}).items():
            if not all(isinstance(reason, dict) and reason.get(k) for k in ("kind", "why", "evidence")) \
                    or reason["kind"] not in FIXTURE_KINDS:
                failures.append("%s: fixture-gaps.json: unparsed %s needs kind (%s), why and evidence" % (
                    source, fid, ", ".join(FIXTURE_KINDS)))
        for fid, reason in want.get("unmapped", {}).items():
            if not isinstance(reason, str) or not reason.strip():
                failures.append("%s: fixture-gaps.json: unmapped %s needs a reason" % (source, fid))
    for source in sources:
        want, got = expected.get(source, {}), found[source]
        for item in sorted(set(want.get("undeclared", {})) | set(got["undeclared"])):
            listed = set(want.get("undeclared", {}).get(item, []))
            seen = got["undeclared"].get(item, set())
            for field in sorted(seen - listed):
                failures.append("%s: %s has `%s`, which our type lacks (fix the spec, or list it in fixture-gaps.json)" % (source, item, field))
            for field in sorted(listed - seen):
                failures.append("%s: fixture-gaps.json lists `%s` for %s, which no fixture shows any more" % (source, field, item))
        for what in ("unparsed", "unmapped"):
            listed = want.get(what, {})
            for fid in sorted(got[what]):
                if not any(fnmatch.fnmatchcase(fid, pattern) for pattern in listed):
                    failures.append("%s: %s %s: %s" % (source, fid, what, got[what][fid]))
            for pattern in sorted(listed):
                if not any(fnmatch.fnmatchcase(fid, pattern) for fid in got[what]):
                    failures.append("%s: fixture-gaps.json lists %s as %s, and no fixture is" % (source, pattern, what))
        c = counts[source]
        lacking = sum(len(v) for v in got["undeclared"].values())
        print("fixtures (%s): %d, %d parsed, %d not parsed, %d unmapped, %d error answers skipped; "
              "%d fields our types lack, in %d operations" % (
                  source, c["fixtures"], c["parsed"], len(got["unparsed"]), len(got["unmapped"]),
                  c["skipped"], lacking, sum(1 for v in got["undeclared"].values() if v)))
    if not mapped["python_run"]:
        print("fixtures (python): not run (set PLIVO_PYTHON_FIXTURES to the Python SDK repository's tests/resources/fixtures)")
    report = {s: {k: ({i: sorted(v) for i, v in d.items()} if k == "undeclared" else d)
                  for k, d in found[s].items()} for s in sources}
    with open(report_file, "w", encoding="utf-8") as f:
        json.dump({"counts": counts, "found": report, "failures": failures}, f, indent=1)
    for line in failures:
        print("  " + line)
    return 1 if failures else 0


if __name__ == "__main__":
    command, rest = sys.argv[1], sys.argv[2:]
    sys.exit(prepare(rest) if command == "prepare" else check(rest))

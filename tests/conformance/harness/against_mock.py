"""Judges the official SDKs' run against plivo-mock (issue 23): every case
an SDK offers must succeed there (the SDK got a 2xx and parsed the answer),
unless `mock-exceptions.json` lists it with the error it fails with and
why. Fails on a failure not listed, on a listed failure that now succeeds
or fails otherwise (stale), and on a connection the guard refused.

Usage: against_mock.py CASES_DIR EXCEPTIONS_JSON RESULTS_DIR REPORT_JSON
RESULTS_DIR holds python.json and node.json, the drivers' outcomes.
Standard library only.
"""

import json
import os
import sys

import cases as case_tables

SDKS = ("python", "node")
KINDS = ("sdk-bug", "choice")


def load_exceptions(path):
    """{(sdk, case): entry}; an entry without its reason is refused."""
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["exceptions"]
    out = {}
    for entry in entries:
        missing = [k for k in ("sdk", "case", "error", "kind", "why", "evidence") if not entry.get(k)]
        if missing or entry["kind"] not in KINDS or entry["sdk"] not in SDKS:
            raise ValueError("mock-exceptions.json: %r needs sdk, case, error, kind (%s), why and evidence"
                             % (entry, " or ".join(KINDS)))
        out[(entry["sdk"], entry["case"])] = entry
    return out


def judge(all_cases, exceptions, results):
    """The failures, and per SDK (cases, succeeded, excepted)."""
    failures, totals = [], {}
    for sdk in SDKS:
        outcomes = results[sdk]["cases"]
        for refused in results[sdk].get("refused", []):
            failures.append("%s: the guard refused %s (something tried to leave 127.0.0.1)" % (sdk, refused))
        count = ok = excepted = 0
        for case in all_cases:
            if not case.get(sdk):
                continue
            count += 1
            outcome = outcomes.get(case["id"])
            entry = exceptions.get((sdk, case["id"]))
            if outcome is None:
                failures.append("%s %s: the driver wrote no outcome" % (sdk, case["id"]))
            elif outcome["outcome"] == "ok":
                ok += 1
                if entry:
                    failures.append("%s %s: succeeds now; remove its exception" % (sdk, case["id"]))
            elif entry and entry["error"] in outcome["error"]:
                excepted += 1
            elif entry:
                failures.append("%s %s: fails otherwise than its exception says (%r): %s"
                                % (sdk, case["id"], entry["error"], outcome["error"]))
            else:
                failures.append("%s %s: %s" % (sdk, case["id"], outcome["error"]))
        totals[sdk] = (count, ok, excepted)
    known = {(sdk, c["id"]) for c in all_cases for sdk in SDKS if c.get(sdk)}
    for key in sorted(set(exceptions) - known):
        failures.append("%s %s: an exception for a case the SDK does not run" % key)
    return failures, totals


def main(argv):
    cases_dir, exceptions_file, results_dir, report_file = argv[1:5]
    all_cases = case_tables.all_cases(cases_dir)
    exceptions = load_exceptions(exceptions_file)
    results = {}
    for sdk in SDKS:
        with open(os.path.join(results_dir, sdk + ".json"), encoding="utf-8") as f:
            results[sdk] = json.load(f)
    failures, totals = judge(all_cases, exceptions, results)
    for sdk in SDKS:
        count, ok, excepted = totals[sdk]
        print("against plivo-mock, %s (%s): %d cases, %d succeeded, %d listed exceptions"
              % (sdk, results[sdk]["package"], count, ok, excepted))
    with open(report_file, "w", encoding="utf-8") as f:
        json.dump({"totals": totals, "failures": failures}, f, indent=1)
    if failures:
        print("\n%d problem(s) against plivo-mock:" % len(failures))
        for line in failures:
            print("  " + line)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

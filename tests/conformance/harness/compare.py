"""Compares each official SDK's requests with ours, case by case, and
prints the report: per case and SDK, `identical`, `explained` (every
difference has an explanation) or `UNEXPLAINED`; then the totals, every
unexplained difference and every stale explanation. Exits 1 when any
difference is unexplained, any explanation is stale (full runs only), a
driver left a case out, or a driver's guard refused a connection.

Usage: compare.py CASES_DIR EXPLANATIONS_DIR RESULTS_DIR REPORT_JSON [GROUP...]
RESULTS_DIR holds python.json, node.json and rust.json (the drivers').
Standard library only.
"""

import json
import os
import sys

import cases as case_tables
import diff
import explain

SDKS = ("python", "node")


def read(results_dir, sdk):
    with open(os.path.join(results_dir, sdk + ".json"), encoding="utf-8") as f:
        return json.load(f)


def judge(case, sdk, ours, theirs, entries):
    """One case for one SDK: its status and its differences, explained."""
    if theirs is None:
        return "MISSING", [{"key": "driver", "detail": "the driver wrote no result", "explained_by": []}]
    if ours is None:
        return "MISSING", [{"key": "driver", "detail": "the Rust driver wrote no result", "explained_by": []}]
    found = []
    for key, detail in diff.compare_case(ours, theirs):
        by = explain.explain(entries, sdk, case["id"], key)
        found.append({"key": key, "detail": detail, "explained_by": [e.raw for e in by]})
    if not found:
        return "identical", found
    if all(d["explained_by"] for d in found):
        return "explained", found
    return "UNEXPLAINED", found


def main(argv):
    cases_dir, explanations_dir, results_dir, report_file = argv[1:5]
    groups = set(argv[5:])
    entries = explain.load(explanations_dir)
    results = {sdk: read(results_dir, sdk) for sdk in SDKS + ("rust",)}
    report = {"packages": {s: results[s]["package"] for s in results}, "cases": []}
    totals = {sdk: {"covered": 0, "identical": 0, "explained": 0, "UNEXPLAINED": 0, "MISSING": 0} for sdk in SDKS}
    failures = []
    for sdk in SDKS + ("rust",):
        for refused in results[sdk].get("refused", []):
            failures.append("%s: the guard refused %s (something tried to leave 127.0.0.1)" % (sdk, refused))
    print("%-44s %-14s %-14s" % ("case", "python", "node"))
    for case in case_tables.all_cases(cases_dir):
        if groups and case["group"] not in groups:
            continue
        ours = results["rust"]["cases"].get(case["id"])
        row = {"id": case["id"], "item": case["item"]}
        cells = []
        for sdk in SDKS:
            if not case.get(sdk):
                cells.append("-")
                continue
            status, found = judge(case, sdk, ours, results[sdk]["cases"].get(case["id"]), entries)
            totals[sdk]["covered"] += 1
            totals[sdk][status] += 1
            row[sdk] = {"status": status, "differences": found}
            cells.append(status if status == "identical" else "%s (%d)" % (status, len(found)))
            for d in found:
                if not d["explained_by"]:
                    failures.append("%s %s %s: %s" % (sdk, case["id"], d["key"], d["detail"]))
        report["cases"].append(row)
        print("%-44s %-14s %-14s" % (case["id"], cells[0], cells[1]))
    print()
    for sdk in SDKS:
        t = totals[sdk]
        print("%s (%s): %d cases, %d identical, %d explained, %d unexplained%s" % (
            sdk, results[sdk]["package"], t["covered"], t["identical"], t["explained"], t["UNEXPLAINED"],
            ", %d missing" % t["MISSING"] if t["MISSING"] else ""))
    stale = [] if groups else [e for e in entries if not e.used]
    for entry in stale:
        failures.append("stale explanation (matches no difference): " + entry.label())
    report["totals"] = totals
    report["failures"] = failures
    with open(report_file, "w", encoding="utf-8") as f:
        json.dump(report, f, indent=1)
    if failures:
        print("\n%d problem(s):" % len(failures))
        for line in failures:
            print("  " + line)
        return 1
    print("every difference is explained (report: %s)" % report_file)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

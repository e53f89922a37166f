"""The explanations (explanations/*.json): each known difference, per SDK
and case, with what it is (an SDK bug, or our spec's choice) and where
that is shown (file:line of the SDK's package, or a docs URL).

An entry is {"sdk", "cases", "diff", "kind", "why", "evidence"}: `cases`
a list of case ids or shell patterns (`calls.*`), `diff` a difference key
or pattern (`query:*`), `sdk` "python", "node" or "*". A difference is
explained by every entry that matches it; an entry that matches nothing
in a full run is stale, and fails the run like an unexplained difference,
so the list cannot outlive what it explains. Standard library only.
"""

import fnmatch
import json
import os

KINDS = ("sdk-bug", "choice")


def like(text, pattern):
    """Equal, or matching as a shell pattern (a key such as
    `body:documents[0].file` is matched as written, brackets and all)."""
    return text == pattern or fnmatch.fnmatchcase(text, pattern)


class Entry:
    def __init__(self, source, raw):
        self.source = source
        self.raw = raw
        problems = [k for k in ("sdk", "cases", "diff", "kind", "why", "evidence") if not raw.get(k)]
        if raw.get("kind") not in KINDS:
            problems.append("kind must be one of %s" % ", ".join(KINDS))
        if problems:
            raise ValueError("%s: explanation %s: %s" % (source, json.dumps(raw)[:200], "; ".join(problems)))
        self.used = 0

    def matches(self, sdk, case, key):
        raw = self.raw
        return (
            raw["sdk"] in ("*", sdk)
            and any(like(case, pattern) for pattern in raw["cases"])
            and like(key, raw["diff"])
        )

    def label(self):
        raw = self.raw
        return "%s %s %s (%s)" % (raw["sdk"], ",".join(raw["cases"]), raw["diff"], self.source)


def load(directory):
    entries = []
    for name in sorted(os.listdir(directory)):
        if name.endswith(".json"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                for raw in json.load(f)["explanations"]:
                    entries.append(Entry(name, raw))
    return entries


def explain(entries, sdk, case, key):
    """The entries explaining one difference (each marked used)."""
    found = [e for e in entries if e.matches(sdk, case, key)]
    for entry in found:
        entry.used += 1
    return found

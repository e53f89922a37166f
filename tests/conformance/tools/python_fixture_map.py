"""Writes python-fixtures.json: for each fixture file of the Python SDK's
repository (tests/resources/fixtures/*.json), the method and URL its own
tests request it by, so the fixtures check can map the file to our
operation by method and path like the Node fixtures.

Runs that repository's tests (unittest, against the SDK installed in this
interpreter) with hooks: the `with_response` decorator's file open tells
which fixture is current in its test (none at each test's start), the
test client's mock (which
answers every request with it) records each request. Needs `httmock` (the
tests' mock). Files no test opens are left out (the check reports them).

Usage: python python_fixture_map.py REPO_ROOT COMMIT OUT
REPO_ROOT holds the repository's `tests/` (not its `plivo/`: the SDK is
the installed one). Standard library apart from the tests' own needs.
"""

import io
import json
import os
import sys
import unittest
import urllib.parse


def main(root, commit, out):
    sys.path.insert(0, root)
    import tests.base as base
    import tests.decorators as decorators

    current = {"fixture": None}
    seen = {}

    class Files:
        """`io` as the decorator sees it: its `open` names the fixture."""

        def __getattr__(self, name):
            return getattr(io, name)

        @staticmethod
        def open(path, *args, **kwargs):
            opened = io.open(path, *args, **kwargs)
            current["fixture"] = os.path.basename(path)
            return opened

    decorators.io = Files()
    real_run = unittest.TestCase.run

    def run(self, *args, **kwargs):
        """Each test starts with no fixture: one without `with_response`
        inherits nothing from the test before it."""
        current["fixture"] = None
        return real_run(self, *args, **kwargs)

    unittest.TestCase.run = run

    def hook(cls):
        real = cls.mock_request

        def mock_request(self, url, request):
            if current["fixture"]:
                parts = urllib.parse.urlsplit(request.url)
                params = dict(urllib.parse.parse_qsl(parts.query))
                entry = {"method": request.method,
                         "url": urllib.parse.urlunsplit(parts._replace(query="")),
                         "params": params}
                found = seen.setdefault(current["fixture"], [])
                if entry not in found:
                    found.append(entry)
            return real(self, url, request)

        cls.mock_request = mock_request

    for name in dir(base):
        cls = getattr(base, name)
        if isinstance(cls, type) and hasattr(cls, "mock_request"):
            hook(cls)
    suite = unittest.defaultTestLoader.discover(os.path.join(root, "tests", "resources"), top_level_dir=root)
    unittest.TextTestRunner(stream=io.StringIO()).run(suite)
    fixtures, ambiguous = {}, {}
    for name, requests in sorted(seen.items()):
        # A test may read before it acts: the fixture answers the last.
        fixtures[name] = requests[-1]
        if len({(r["method"], r["url"]) for r in requests}) > 1:
            ambiguous[name] = requests
    with open(out, "w", encoding="utf-8") as f:
        json.dump({
            "$comment": "Written by tools/python_fixture_map.py from the Python SDK's tests: "
                        "each fixture file with the request its tests answer with it (the last one "
                        "when a test sends several).",
            "repository": "https://github.com/plivo/plivo-python",
            "commit": commit,
            "fixtures": fixtures,
            "several_requests": ambiguous,
        }, f, indent=1, sort_keys=True)
        f.write("\n")
    print("%d fixture files mapped, %d with several requests" % (len(fixtures), len(ambiguous)))


if __name__ == "__main__":
    main(*sys.argv[1:4])

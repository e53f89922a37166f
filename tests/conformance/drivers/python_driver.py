"""Runs every case's Python call through the official Python SDK (PyPI
`plivo`, the version installed in this interpreter) and writes what
happened as JSON.

Usage: python_driver.py CASES_DIR HOSTS_FILE OUT_FILE SCRATCH_DIR [GROUP...]

HOSTS_FILE is the recorder's ready file, {"control": URL, "hosts":
{"https://api.plivo.com": "http://127.0.0.1:PORT", ...}}: each SDK host
is sent to its loopback URL; with "control" set, each case is announced
(/begin) and its recorded requests fetched (/end). Without "control" (a
mock that answers by itself, as in issue 23) only outcomes are written.
Before the SDK is imported, every socket is kept on 127.0.0.1
(harness/guard.py); a host missing from HOSTS_FILE fails its case.
"""

import contextlib
import io
import json
import os
import sys
import traceback
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "harness"))

import guard  # noqa: E402

guard.install()

import cases as case_tables  # noqa: E402
import plivo  # noqa: E402
import plivo.version  # noqa: E402
import requests.adapters  # noqa: E402

# Fake credentials: `MA` and 18 characters, as the SDKs require.
AUTH_ID = "MACONFORMANCE0000001"
AUTH_TOKEN = "conformance-fake-token"


def redirect(hosts):
    """Sends each request for an SDK host to its loopback URL instead.

    Done where every `requests` session sends (the adapter), after the SDK
    built its URL: the path and query it chose reach the recorder as they
    are, and a host it uses that we did not list is refused.
    """
    real_send = requests.adapters.HTTPAdapter.send

    def send(self, request, *args, **kwargs):
        url = urllib.parse.urlsplit(request.url)
        origin = "%s://%s" % (url.scheme, url.netloc)
        target = hosts.get(origin)
        if target is None:
            raise ConnectionRefusedError("conformance: host %s is not redirected" % origin)
        local = urllib.parse.urlsplit(target)
        request.url = urllib.parse.urlunsplit(
            (local.scheme, local.netloc, url.path, url.query, url.fragment)
        )
        return real_send(self, request, *args, **kwargs)

    requests.adapters.HTTPAdapter.send = send


def control(url, path, body):
    """A call to the recorder's control port (plain urllib, no SDK)."""
    data = json.dumps(body).encode("utf-8")
    request = urllib.request.Request(url + path, data=data, method="POST")
    request.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def run_case(case, clients, scratch):
    """Evaluates the case's Python call; returns its outcome."""
    files = case_tables.write_files(case, scratch)
    expression = case_tables.substitute(case, case["python"], repr, files)
    try:
        # Some SDK methods print; the driver's output is its file.
        with contextlib.redirect_stdout(io.StringIO()):
            result = eval(expression, {"plivo": plivo}, clients)  # noqa: S307
        return {"outcome": "ok", "expression": expression, "result": summary(result)}
    except Exception as error:  # the SDK's own failure is the outcome
        return {
            "outcome": "error",
            "expression": expression,
            "error": "%s: %s" % (type(error).__name__, error),
            "trace": traceback.format_exc(limit=4),
        }


def summary(result):
    """What the SDK returned, as far as JSON can say."""
    if result is None or isinstance(result, (str, int, float, bool)):
        return result
    data = getattr(result, "__dict__", None)
    if isinstance(data, dict):
        return {k: repr(v)[:200] for k, v in data.items() if not k.startswith("_") and k != "client"}
    return repr(result)[:500]


def main(argv):
    cases_dir, hosts_file, out_file, scratch = argv[1:5]
    groups = set(argv[5:])
    with open(hosts_file, encoding="utf-8") as f:
        ready = json.load(f)
    redirect(ready["hosts"])
    clients = {
        "client": plivo.RestClient(AUTH_ID, AUTH_TOKEN),
        "phlo_client": plivo.phlo.RestClient(AUTH_ID, AUTH_TOKEN),
    }
    os.makedirs(scratch, exist_ok=True)
    results = {}
    for case in case_tables.all_cases(cases_dir):
        if groups and case["group"] not in groups or not case.get("python"):
            continue
        if ready.get("control"):
            control(ready["control"], "/begin", {"case": case["id"], "item": case["item"]})
        outcome = run_case(case, clients, scratch)
        if ready.get("control"):
            outcome["requests"] = control(ready["control"], "/end", {})
        results[case["id"]] = outcome
    out = {
        "sdk": "python",
        "package": "plivo==" + plivo.version.__version__,
        "refused": guard.refused,
        "cases": results,
    }
    with open(out_file, "w", encoding="utf-8") as f:
        json.dump(out, f, indent=1, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

"""The network guards' own checks: each driver's guard refuses any address
but loopback (by name and by address), lets loopback through, and a refusal
fails the comparison. Each guard runs in a child process, so this one keeps
its real sockets. Nothing here reaches beyond 127.0.0.1: a refused lookup
or connect never starts. Run by ../run with test_harness. Standard library
only; the Node guard's check needs `node` (as ../run does).
"""

import contextlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

import compare

HERE = os.path.dirname(os.path.abspath(__file__))
DRIVERS = os.path.join(os.path.dirname(HERE), "drivers")

PYTHON_PROBE = r"""
import json, socket, sys
sys.path.insert(0, sys.argv[1])
import guard
guard.install()
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(1)
outcome = {}
for name, call in [
    ("lookup", lambda: socket.getaddrinfo("api.plivo.com", 443)),
    ("connect", lambda: socket.create_connection(("192.0.2.1", 443), timeout=1)),
    ("loopback", lambda: socket.create_connection(server.getsockname(), timeout=1).close()),
]:
    try:
        call()
        outcome[name] = "ok"
    except ConnectionRefusedError as error:
        outcome[name] = "refused" if "conformance guard" in str(error) else "other"
outcome["refused"] = guard.refused
print(json.dumps(outcome))
"""

NODE_PROBE = r"""
const guard = require(process.argv[1] + '/guard.js');
guard.install();
const https = require('https');
const net = require('net');
const outcome = {};
const server = net.createServer((s) => s.end()).listen(0, '127.0.0.1', () => {
  https.get('https://api.plivo.com/v1/', () => { outcome.https = 'ok'; })
    .on('error', (e) => { outcome.https = e.code; });
  net.connect(443, '192.0.2.1').on('error', (e) => { outcome.connect = e.code; })
    .on('connect', () => { outcome.connect = 'ok'; });
  net.connect(server.address().port, '127.0.0.1').on('connect', function () {
    outcome.loopback = 'ok'; this.end();
  }).on('error', (e) => { outcome.loopback = e.code; });
  setTimeout(() => {
    outcome.refused = guard.refused;
    console.log(JSON.stringify(outcome));
    server.close();
  }, 300);
});
"""


class PythonGuard(unittest.TestCase):
    def test_only_loopback_is_reached(self):
        out = subprocess.run([sys.executable, "-c", PYTHON_PROBE, HERE], capture_output=True, text=True, check=True)
        outcome = json.loads(out.stdout)
        self.assertEqual(outcome["lookup"], "refused")
        self.assertEqual(outcome["connect"], "refused")
        self.assertEqual(outcome["loopback"], "ok")
        self.assertEqual(len(outcome["refused"]), 2, outcome["refused"])


@unittest.skipIf(shutil.which("node") is None, "node is not installed (../run needs it anyway)")
class NodeGuard(unittest.TestCase):
    def test_only_loopback_is_reached(self):
        out = subprocess.run(["node", "-e", NODE_PROBE, DRIVERS], capture_output=True, text=True, check=True)
        outcome = json.loads(out.stdout)
        self.assertEqual(outcome["https"], "ECONNREFUSED")
        self.assertEqual(outcome["connect"], "ECONNREFUSED")
        self.assertEqual(outcome["loopback"], "ok")
        self.assertIn("connect api.plivo.com", outcome["refused"])
        self.assertIn("connect 192.0.2.1", outcome["refused"])


class ARefusalFailsTheRun(unittest.TestCase):
    def run_compare(self, refused):
        with tempfile.TemporaryDirectory() as tmp:
            dirs = {}
            for name in ("cases", "explanations", "results"):
                dirs[name] = os.path.join(tmp, name)
                os.mkdir(dirs[name])
            for sdk in ("python", "node", "rust"):
                with open(os.path.join(dirs["results"], sdk + ".json"), "w", encoding="utf-8") as f:
                    json.dump({"package": sdk, "cases": {}, "refused": refused if sdk == "node" else []}, f)
            with contextlib.redirect_stdout(io.StringIO()) as printed:
                status = compare.main(["compare.py", dirs["cases"], dirs["explanations"], dirs["results"],
                                       os.path.join(tmp, "report.json")])
            return status, printed.getvalue()

    def test_a_refused_connection_fails_the_comparison(self):
        status, printed = self.run_compare(["connect 192.0.2.1"])
        self.assertEqual(status, 1)
        self.assertIn("node: the guard refused connect 192.0.2.1", printed)

    def test_no_refusal_no_case_passes(self):
        self.assertEqual(self.run_compare([])[0], 0)


if __name__ == "__main__":
    unittest.main()

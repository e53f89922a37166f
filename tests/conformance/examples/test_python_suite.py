"""A Python test suite run against plivo-mock, as docs/mock.md shows it:
start the mock, point the official SDK at it, script a fault. The
conformance harness runs this file with the pinned SDK (`run`, step 8), so
the guide's code is checked, not only written.

    PLIVO_MOCK=target/debug/plivo-mock python -m unittest test_python_suite

Needs `plivo` (PyPI) and the plivo-mock binary
(`cargo build -p plivo --features mock --bin plivo-mock`); nothing leaves
127.0.0.1, and the credentials are fake.
"""

import os
import re
import subprocess
import tempfile
import time
import unittest
import urllib.parse

import plivo
import requests.adapters

AUTH_ID, AUTH_TOKEN = "MAXXXXXXXXXXXXXXXXXX", "fake-token"
MOCK = os.environ.get("PLIVO_MOCK", "target/debug/plivo-mock")


def start_mock(*inject):
    """Starts plivo-mock on a free port, with faults to answer (`--inject`),
    and returns the process and its URL, from the first line it prints (its
    output goes to a file: a pipe nobody reads could fill and stall it)."""
    args = [MOCK, "--port", "0", "--auth-id", AUTH_ID, "--auth-token", AUTH_TOKEN]
    for fault in inject:
        args += ["--inject", fault]
    log = tempfile.TemporaryFile(mode="w+")
    mock = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(100):
        log.seek(0)
        found = re.search(r" on (http://127\.0\.0\.1:\d+) ", log.readline())
        if found or mock.poll() is not None:
            break
        time.sleep(0.05)
    log.close()
    if not found:
        mock.kill()
        raise RuntimeError("plivo-mock did not start")
    return mock, found.group(1)


# The SDK hard-codes Plivo's hosts (api., phlorunner., lookup., stats.):
# every request it hands to `requests` goes to the mock instead, which
# serves all of them on its one port.
target = {"url": None}
send = requests.adapters.HTTPAdapter.send


def to_mock(self, request, *args, **kwargs):
    url = urllib.parse.urlsplit(request.url)
    if url.hostname.endswith(".plivo.com"):
        request.url = target["url"] + url.path + ("?" + url.query if url.query else "")
    return send(self, request, *args, **kwargs)


class AgainstTheMock(unittest.TestCase):
    def setUp(self):
        requests.adapters.HTTPAdapter.send = to_mock
        self.addCleanup(setattr, requests.adapters.HTTPAdapter, "send", send)

    def mock(self, *inject):
        process, target["url"] = start_mock(*inject)
        self.addCleanup(process.wait)
        self.addCleanup(process.kill)
        return plivo.RestClient(AUTH_ID, AUTH_TOKEN)

    def test_an_sms_is_sent_and_its_answer_read(self):
        client = self.mock()
        answer = client.messages.create(src="+14155550100", dst="+14155550101", text="hi")
        self.assertEqual(answer.message, "message(s) queued")
        self.assertTrue(answer.message_uuid)

    def test_messages_are_listed(self):
        client = self.mock()
        page = client.messages.list(limit=5)
        self.assertTrue(page.meta["limit"])

    def test_a_scripted_fault_raises_what_plivo_would(self):
        # The next send is refused as Plivo refuses it, in Plivo's error
        # body; the one after succeeds.
        client = self.mock("messages_create:status=400,error=Insufficient credit")
        with self.assertRaises(plivo.exceptions.PlivoRestError) as raised:
            client.messages.create(src="+14155550100", dst="+14155550101", text="hi")
        self.assertIn("Insufficient credit", str(raised.exception))
        answer = client.messages.create(src="+14155550100", dst="+14155550101", text="hi")
        self.assertTrue(answer.message_uuid)

    def test_wrong_credentials_are_refused(self):
        self.mock()
        client = plivo.RestClient(AUTH_ID, "not-the-token")
        with self.assertRaises(plivo.exceptions.AuthenticationError):
            client.messages.create(src="+14155550100", dst="+14155550101", text="hi")


if __name__ == "__main__":
    unittest.main()

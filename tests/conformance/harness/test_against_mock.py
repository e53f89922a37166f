"""The judgement of the SDKs' run against plivo-mock (against_mock.py):
a failure passes only when listed with the error it fails with, and a
listed case that succeeds, or fails otherwise, fails the run. Standard
library only; run by ../run with the harness's other checks.
"""

import json
import os
import tempfile
import unittest

import against_mock

CASES = [{"id": "a", "python": "x", "node": "y"}, {"id": "b", "python": "x"}]
BUG = {"sdk": "python", "case": "a", "error": "status", "kind": "sdk-bug", "why": "w", "evidence": "e"}


def results(python_a, python_b="ok", node_a="ok", refused=()):
    def outcome(text):
        return {"outcome": "ok"} if text == "ok" else {"outcome": "error", "error": text}

    return {
        "python": {"cases": {"a": outcome(python_a), "b": outcome(python_b)}, "refused": list(refused)},
        "node": {"cases": {"a": outcome(node_a)}, "refused": []},
    }


class Judge(unittest.TestCase):
    def failures(self, exceptions, found):
        return against_mock.judge(CASES, {(e["sdk"], e["case"]): e for e in exceptions}, found)[0]

    def test_every_success_passes_and_counts(self):
        failures, totals = against_mock.judge(CASES, {}, results("ok"))
        self.assertEqual(failures, [])
        self.assertEqual(totals, {"python": (2, 2, 0), "node": (1, 1, 0)})

    def test_an_unlisted_failure_fails(self):
        self.assertEqual(self.failures([], results("ValidationError: status")), ["python a: ValidationError: status"])

    def test_a_listed_failure_passes_only_with_its_error(self):
        self.assertEqual(self.failures([BUG], results("ValidationError: status")), [])
        other = self.failures([BUG], results("ResourceNotFoundError: Not found."))
        self.assertEqual(len(other), 1)
        self.assertIn("fails otherwise", other[0])

    def test_a_listed_case_that_succeeds_is_stale(self):
        self.assertIn("succeeds now", self.failures([BUG], results("ok"))[0])

    def test_an_exception_for_a_case_not_run_fails(self):
        stray = dict(BUG, sdk="node", case="b")
        self.assertIn("does not run", self.failures([stray], results("ok"))[0])

    def test_a_refused_connection_fails(self):
        self.assertIn("guard refused", self.failures([], results("ok", refused=["connect 192.0.2.1"]))[0])

    def test_an_exception_needs_its_reason(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
            json.dump({"exceptions": [dict(BUG, evidence="")]}, f)
        with self.assertRaises(ValueError):
            against_mock.load_exceptions(f.name)
        os.unlink(f.name)


if __name__ == "__main__":
    unittest.main()

"""The harness's own checks: the comparison by meaning, the explanations'
matching and staleness, the recorder's routing. Run by ../run before the
SDKs are (python3 -m unittest test_harness). Standard library only.
"""

import base64
import json
import os
import tempfile
import unittest

import diff
import explain
import fixtures
import routes
import wire


def entry(method="POST", target="/v1/x", headers=(), body=b"", host="https://api.plivo.com"):
    return {
        "host": host,
        "method": method,
        "target": target,
        "headers": [list(h) for h in headers],
        "body_b64": base64.b64encode(body).decode("ascii"),
    }


def basic(user, password):
    token = base64.b64encode(("%s:%s" % (user, password)).encode()).decode()
    return ("Authorization", "Basic " + token)


JSON = ("Content-Type", "application/json")
AUTH = basic("MACONFORMANCE0000001", "t")


def keys(found):
    return [key for key, _ in found]


class Compare(unittest.TestCase):
    def test_identical_requests_have_no_difference(self):
        a = entry(headers=[JSON, AUTH], body=b'{"a": 1, "b": [1, 2]}')
        b = entry(headers=[AUTH, ("content-type", "application/json; charset=utf-8")], body=b'{"b":[1,2],"a":1}')
        self.assertEqual(diff.compare_requests(a, b), [])

    def test_a_trailing_slash_is_reported_apart_from_other_path_changes(self):
        self.assertEqual(keys(diff.compare_requests(entry(target="/v1/x"), entry(target="/v1/x/"))), ["trailing-slash"])
        self.assertEqual(keys(diff.compare_requests(entry(target="/v1/x"), entry(target="/v1/y/"))), ["path"])

    def test_paths_compare_decoded_and_encoding_is_reported(self):
        found = diff.compare_requests(entry(target="/m/sip:a@b"), entry(target="/m/sip%3Aa%40b"))
        self.assertEqual(keys(found), ["path-encoding"])

    def test_the_query_is_a_multimap_and_a_plus_means_a_space(self):
        found = diff.compare_requests(entry(target="/x?a=1&a=2&b=%2B1"), entry(target="/x?b=+1&a=1"))
        self.assertEqual(keys(found), ["query:a", "query:b"])
        self.assertEqual(diff.compare_requests(entry(target="/x?a=1&b=2"), entry(target="/x?b=2&a=1")), [])

    def test_content_type_counts_only_with_a_body(self):
        self.assertEqual(diff.compare_requests(entry(method="GET", headers=[JSON]), entry(method="GET")), [])
        found = diff.compare_requests(
            entry(headers=[JSON], body=b'{"a": "1"}'),
            entry(headers=[("Content-Type", "application/x-www-form-urlencoded")], body=b"a=1"),
        )
        self.assertEqual(keys(found), ["media-type"])

    def test_a_number_sent_as_a_string_is_a_type_difference(self):
        found = diff.compare_requests(entry(headers=[JSON], body=b'{"limit": 20, "on": true, "x": 1}'),
                                      entry(headers=[JSON], body=b'{"limit": "20", "on": "true", "x": 2}'))
        self.assertEqual(keys(found), ["body:limit:type", "body:on:type", "body:x"])

    def test_a_one_item_json_array_is_not_its_item(self):
        found = diff.compare_requests(entry(headers=[JSON], body=b'{"status": "active"}'),
                                      entry(headers=[JSON], body=b'{"status": ["active"]}'))
        self.assertEqual(keys(found), ["body:status"])

    def test_fields_on_one_side_and_nested_lists_are_named_by_path(self):
        found = diff.compare_requests(entry(headers=[JSON], body=b'{"a": {"b": [{"c": 1}]}, "mine": 1}'),
                                      entry(headers=[JSON], body=b'{"a": {"b": [{"c": 2}]}, "yours": 1}'))
        self.assertEqual(keys(found), ["body:a.b[].c", "body:mine", "body:yours"])

    def test_json_text_in_a_field_compares_as_json(self):
        form = ("Content-Type", "application/x-www-form-urlencoded")
        same = diff.compare_requests(entry(headers=[form], body=b"data=%7B%22a%22%3A+1%2C+%22b%22%3A+2%7D"),
                                     entry(headers=[form], body=b"data=%7B%22b%22%3A2%2C%22a%22%3A1%7D"))
        self.assertEqual(same, [])
        found = diff.compare_requests(entry(headers=[form], body=b"data=%7B%22a%22%3A1%7D"),
                                      entry(headers=[form], body=b"data=%7B%22a%22%3A2%7D"))
        self.assertEqual(keys(found), ["body:data{json}.a"])

    def test_a_body_on_one_side_only(self):
        self.assertEqual(keys(diff.compare_requests(entry(method="DELETE"), entry(method="DELETE", headers=[JSON], body=b"{}"))),
                         ["media-type", "body"])

    def test_basic_credentials_are_decoded(self):
        found = diff.compare_requests(entry(headers=[AUTH]), entry(headers=[basic("MACONFORMANCE0000001", "u")]))
        self.assertEqual(keys(found), ["auth"])
        self.assertEqual(wire.basic("Bearer x"), ("not basic", "Bearer"))

    def test_multipart_parts_compare_with_files_by_name_type_and_digest(self):
        def multipart(text, filename):
            body = ("--B\r\nContent-Disposition: form-data; name=\"alias\"\r\n\r\nme\r\n"
                    "--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
                    "Content-Type: application/pdf\r\n\r\n%s\r\n--B--\r\n" % (filename, text)).encode()
            return entry(headers=[("Content-Type", "multipart/form-data; boundary=B")], body=body)

        self.assertEqual(diff.compare_requests(multipart("%PDF", "a.pdf"), multipart("%PDF", "a.pdf")), [])
        found = diff.compare_requests(multipart("%PDF", "a.pdf"), multipart("%PDF-2", "b.pdf"))
        self.assertEqual(keys(found), ["body:file.bytes", "body:file.file", "body:file.sha256"])

    def test_an_sdk_that_sends_nothing_or_more(self):
        ours = {"outcome": "ok", "requests": [entry()]}
        self.assertEqual(keys(diff.compare_case(ours, {"outcome": "error", "error": "boom", "requests": []})), ["no-request"])
        theirs = {"outcome": "ok", "requests": [entry(method="GET", target="/v1/p/"), entry()]}
        self.assertEqual(keys(diff.compare_case(ours, theirs)), ["extra-request:GET"])


class Explanations(unittest.TestCase):
    def entries(self, raw):
        with tempfile.TemporaryDirectory() as folder:
            with open(os.path.join(folder, "g.json"), "w") as f:
                json.dump({"explanations": raw}, f)
            return explain.load(folder)

    def test_patterns_match_sdk_case_and_key_and_unused_entries_stay_unused(self):
        base = {"kind": "choice", "why": "w", "evidence": "e"}
        entries = self.entries([
            dict(base, sdk="python", cases=["calls.*"], diff="trailing-slash"),
            dict(base, sdk="*", cases=["x"], diff="query:*"),
        ])
        self.assertEqual(len(explain.explain(entries, "python", "calls.create", "trailing-slash")), 1)
        self.assertEqual(explain.explain(entries, "node", "calls.create", "trailing-slash"), [])
        self.assertEqual(len(explain.explain(entries, "node", "x", "query:limit")), 1)
        self.assertEqual([e.used for e in entries], [1, 1])

    def test_an_entry_without_evidence_or_with_another_kind_is_refused(self):
        with self.assertRaises(ValueError):
            self.entries([{"sdk": "node", "cases": ["x"], "diff": "body", "kind": "choice", "why": "w", "evidence": ""}])
        with self.assertRaises(ValueError):
            self.entries([{"sdk": "node", "cases": ["x"], "diff": "body", "kind": "harmless", "why": "w", "evidence": "e"}])


class Routing(unittest.TestCase):
    OPS = [
        {"item": "A / Get", "method": "GET", "host": "https://h", "constants": [],
         "path": [{"literal": "/v1/Account/"}, {"username": True}, {"literal": "/Thing/"}, {"param": "id"}, {"literal": "/"}],
         "examples": [{"name": "e", "status": 404, "body": "{}"}, {"name": "ok", "status": 200, "body": "{\"id\": \"x\", \"n\": 1}"}]},
        {"item": "A / Act", "method": "POST", "host": "https://h", "constants": [["action", "go"]],
         "path": [{"literal": "/v1/Account/"}, {"username": True}, {"literal": "/Thing/"}, {"param": "id"}, {"literal": "/"}],
         "examples": []},
    ]

    def test_routes_ignore_the_trailing_slash_and_echo_path_parameters(self):
        compiled = [routes.Route(op) for op in self.OPS]
        for path in ("/v1/Account/MA1/Thing/a%2Bb/", "/v1/Account/MA1/Thing/a%2Bb"):
            found = routes.find(compiled, "GET", "https://h", path)
            self.assertEqual([(op["item"], p) for op, p in found], [("A / Get", {"id": "a+b"})])
        status, body = routes.answer(*found[0])
        self.assertEqual((status, json.loads(body)), (200, {"id": "a+b", "n": 1}))
        self.assertEqual(routes.find(compiled, "GET", "https://other", "/v1/Account/MA1/Thing/a"), [])

    def test_the_most_literal_route_wins(self):
        ops = [dict(self.OPS[0], item="A / Get"),
               dict(self.OPS[0], item="A / List sub", path=[{"literal": "/v1/Account/"}, {"username": True},
                                                           {"literal": "/Thing/Sub/"}])]
        compiled = [routes.Route(op) for op in ops]
        found = routes.find(compiled, "GET", "https://h", "/v1/Account/MA1/Thing/Sub/")
        self.assertEqual([op["item"] for op, _ in found], ["A / List sub", "A / Get"])
        found = routes.find(compiled, "GET", "https://h", "/v1/Account/MA1/Thing/Sub/", prefer="A / Get")
        self.assertEqual(found[0][0]["item"], "A / Get")


class NodeFixtures(unittest.TestCase):
    def read(self, entries):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "node.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(entries, f)
            return [(host, full) for _, _, _, host, full, _, _ in fixtures.node_fixtures(path)]

    def test_an_action_is_under_the_account_and_phlo_on_its_host(self):
        found = self.read([
            {"id": "a", "method": "GET", "action": "Message//", "params": {}, "body": {}},
            {"id": "b", "method": "GET", "action": "phlo/p1", "params": {}, "body": {}},
        ])
        self.assertEqual(found, [
            ("https://api.plivo.com", "/v1/Account/MACONFORMANCE0000001/Message/"),
            ("https://phlorunner.plivo.com", "/v1/phlo/p1"),
        ])

    def test_the_lookup_answer_keyed_by_its_placeholder_action_is_lookups(self):
        found = self.read([{"id": "l", "method": "GET", "action": "Number//", "params": {},
                            "body": {"phone_number": "+14154305555"}}])
        self.assertEqual(found, [("https://lookup.plivo.com", "/v1/Number/+14154305555")])


if __name__ == "__main__":
    unittest.main()

"""Our operations (`plivo-conformance operations`) matched by method, host
and path: how the recorder knows what a request asks for, and how the
fixture check knows which operation a canned response belongs to.

A trailing slash is optional in matching (the SDKs disagree about it; the
comparator reports it), and so is the query. Standard library only.
"""

import json
import re
import urllib.parse


class Route:
    def __init__(self, op):
        self.op = op
        # More literal text is a more specific route: `PhoneNumber/Compliance/`
        # wins over `PhoneNumber/{number}/` for the same request.
        self.literal = sum(len(p.get("literal", "")) for p in op["path"])
        self.params = []
        pattern = ""
        for part in op["path"]:
            if "literal" in part:
                pattern += re.escape(part["literal"])
            elif "param" in part:
                self.params.append(part["param"])
                pattern += "([^/]+)"
            else:  # the credentials' user name (or password) in the path
                self.params.append(None)
                pattern += "([^/]+)"
        if pattern.endswith("/"):
            pattern = pattern[:-1]
        self.regex = re.compile("^" + pattern + "/?$")

    def match(self, method, host, path):
        """The path parameters by name, or None when it is not this route."""
        if method.upper() != self.op["method"] or host != self.op["host"]:
            return None
        found = self.regex.match(path)
        if not found:
            return None
        values = [urllib.parse.unquote(v) for v in found.groups()]
        return {name: value for name, value in zip(self.params, values) if name}


def load(operations_file):
    with open(operations_file, encoding="utf-8") as f:
        dump = json.load(f)
    return dump, [Route(op) for op in dump["operations"]]


def find(routes, method, host, path, prefer=None):
    """[(op, params)] of every route matching: `prefer`'s item first, then
    the most literal."""
    found = []
    for route in routes:
        params = route.match(method, host, path)
        if params is not None:
            found.append((route, params))
    found.sort(key=lambda pair: (pair[0].op["item"] != prefer, -pair[0].literal))
    return [(route.op, params) for route, params in found]


def example(op):
    """The operation's first 2xx example (else its first), as (status, text)."""
    examples = op.get("examples") or []
    chosen = next((e for e in examples if 200 <= e["status"] < 300), None)
    if chosen is None and examples:
        chosen = examples[0]
    if chosen is None:
        return 200, "{}"
    return chosen["status"], chosen["body"]


def answer(op, params):
    """The example, with each path parameter echoed into the top-level
    field of the same name, as a server would fill in the id asked for."""
    status, text = example(op)
    if not params:
        return status, text
    try:
        body = json.loads(text)
    except ValueError:
        return status, text
    if not isinstance(body, dict) or not any(k in body for k in params):
        return status, text
    for name, value in params.items():
        if name in body and isinstance(body[name], str):
            body[name] = value
    return status, json.dumps(body)

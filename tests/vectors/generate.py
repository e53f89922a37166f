"""Makes signatures.json and tokens.json with the official Plivo SDKs.

Run through generate.sh, which installs the pinned SDKs into a scratch
folder. This driver computes the Python SDK's answers itself and asks
node_sdk.js for the Node SDK's, then writes both beside each case with the
answer this repository follows (`expected`) and, where the two SDKs
disagree, the rule that explains it (README.md lists the rules and why).

Only the SDKs' pure helpers are called; no client is constructed, and any
socket connection to something other than loopback raises.
"""

import argparse
import json
import random
import socket
import subprocess
import sys

_connect = socket.socket.connect


def _loopback_only(sock, address):
    host = address[0] if isinstance(address, tuple) else address
    if host not in ("127.0.0.1", "::1", "localhost"):
        raise RuntimeError("vector generation must not reach %r" % (host,))
    return _connect(sock, address)


socket.socket.connect = _loopback_only

import plivo.utils  # noqa: E402  (after the guard)
from plivo.utils import signature_v3  # noqa: E402
from plivo.utils.jwt import AccessToken  # noqa: E402

PY_VERSION = "plivo==4.63.0 (PyJWT==1.7.1)"
NODE_VERSION = "plivo@4.79.0"

TOKENS = ["MOCKTOKENMOCKTOKENMOCKTOKENMOCKTOKEN00", "fake-auth-token", "a"]
NONCES = ["05429567804466091622", "1", "abc-DEF_123", "98765432109876543210", ""]
BASES = [
    "https://example.com/answer",
    "https://example.com/answer/",
    "https://example.com",
    "https://example.com/",
    "http://example.com:8080/callbacks/hangup",
    "https://example.com:443/a/b/c/",
    "http://127.0.0.1:3000/plivo/message-status",
    "https://Example.COM/Mixed/Case",
    "https://example.com/caf%C3%A9/x",
    "https://example.com/files/answer.xml",
    "https://example.com/a;type=x",
    "https://example.com/answer#frag",
]
QUERIES = [
    "",
    "a=1",
    "b=2&a=1",
    "a=2&a=1&a=10",
    "x=%E2%9C%93&y=caf%C3%A9",
    "empty=&flag",
    "q=hello+world&r=a%2Bb",
    "z=1&Z=2&_=3",
    "dup=b&dup=a&dup=",
    "pct=%zz&amp=%26",
]
KEYS = ["CallUUID", "From", "To", "Direction", "Event", "CallStatus", "a", "A", "_x", "k"]
VALUES = [
    "",
    "1",
    "+14155551234",
    "hello world",
    "héllo",
    "日本語",
    "a&b=c?d.e",
    "ring\u00e9",
    "\U0001F600",
    "\uFF01",
    "line\nbreak",
    "0.5",
]

# Rules that explain a disagreement between the SDKs (README.md).
NON_ASCII_URL = "node-double-encodes-non-ascii-url"
UTF16_ORDER = "node-sorts-by-utf16-code-units"
GET_MERGE = "get-params-merge-with-query"
USERINFO = "node-drops-userinfo"
PYTHON_RAISES = "python-raises-on-non-ascii-query"
PATH_PARAMS = "python-drops-path-parameters"
# Where the rule says Node (and Go, by code reading) are right.
FOLLOW_NODE = {PYTHON_RAISES, PATH_PARAMS, USERINFO}


def fixed_cases():
    cases = []
    for base in BASES:
        for query in ["", "a=1", "b=2&a=1"]:
            url = base if not query else _with_query(base, query)
            cases.append(("GET", url, []))
            cases.append(("POST", url, []))
            cases.append(("POST", url, [["From", "+14155551234"], ["To", "+14155550000"]]))
    for query in QUERIES:
        url = _with_query("https://example.com/cb", query)
        for method in ["GET", "POST"]:
            cases.append((method, url, []))
    post_params = [
        [],
        [["a", "1"]],
        [["b", "2"], ["a", "1"]],
        [["dup", "b"], ["dup", "a"], ["dup", ""]],
        [["empty", ""]],
        [["Text", "héllo 日本語 \U0001F600"]],
        [["k", "\U0001F600"], ["k", "\uFF01"]],
        [["\U0001F600", "1"], ["\uFF01", "2"]],
        [["a.b", "c.d"], ["x", "1.2."]],
        [["CallUUID", "816e5b7a-0a1b-11ee-9f7a-0242ac120002"], ["Event", "Hangup"], ["CallStatus", "completed"]],
    ]
    for params in post_params:
        for query in ["", "a=1", "z=9&a=0"]:
            url = _with_query("https://example.com/answer/", query)
            cases.append(("POST", url, params))
    # GET with parameters given beside the URL: the SDKs merge them.
    cases.append(("GET", "https://example.com/cb", [["b", "2"], ["a", "1"]]))
    cases.append(("GET", "https://example.com/cb?c=3", [["b", "2"], ["a", "1"]]))
    cases.append(("GET", "https://example.com/cb?a=3", [["a", "1"]]))
    cases.append(("POST", "https://user:pass@example.com/cb", [["a", "1"]]))
    return cases


def random_cases(rng, count):
    cases = []
    for _ in range(count):
        method = rng.choice(["GET", "POST"])
        url = _with_query(rng.choice(BASES), rng.choice(QUERIES))
        params = []
        if method == "POST":
            for _ in range(rng.choice([0, 1, 2, 3, 5])):
                params.append([rng.choice(KEYS), rng.choice(VALUES)])
        cases.append((method, url, params))
    return cases


def _with_query(base, query):
    if not query:
        return base
    if "#" in base:
        head, frag = base.split("#", 1)
        return head + "?" + query + "#" + frag
    return base + "?" + query


def py_params(pairs):
    grouped = {}
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    return {k: (v[0] if len(v) == 1 else v) for k, v in grouped.items()}


def py_v3(method, url, pairs, nonce, token):
    """(signed text, signature), or (None, the error) where the SDK raises."""
    params = py_params(pairs)
    try:
        return _py_v3(method, url, params, pairs, nonce, token)
    except UnicodeError as e:
        return None, "%s: %s" % (type(e).__name__, e)


def _py_v3(method, url, params, pairs, nonce, token):
    if method == "GET":
        base = signature_v3.construct_get_url(url, params)
    else:
        base = signature_v3.construct_post_url(url, params)
    signature = signature_v3.get_signature_v3(
        token.encode("utf-8"), base.decode("utf-8"), nonce.encode("utf-8")
    ).decode("ascii")
    # The public validator must agree with the internals used above.
    accepted = signature_v3.validate_v3_signature(
        method, url, nonce, token, "bogus," + signature, py_params(pairs)
    )
    assert accepted, (method, url, pairs)
    return base.decode("utf-8"), signature


def py_v2(url, nonce, token):
    import base64
    import hashlib
    import hmac
    from urllib.parse import urlparse, urlunparse

    parsed = urlparse(url)
    base = urlunparse((parsed.scheme, parsed.netloc, parsed.path, "", "", ""))
    signature = base64.b64encode(
        hmac.new(token.encode("utf-8"), (base + nonce).encode("utf-8"), hashlib.sha256).digest()
    ).decode("ascii")
    assert plivo.utils.validate_signature(url, nonce, signature, token), url
    return signature


def disagreement_rule(case, kind):
    url = case["url"]
    if any(ord(c) > 127 for c in url + case["nonce"]):
        return NON_ASCII_URL
    if "@" in url.split("?")[0]:
        return USERINFO
    if ";" in url.split("?")[0]:
        return PATH_PARAMS
    if kind == "v3":
        if case["method"] == "GET" and case["params"]:
            return GET_MERGE
        keys = [k for k, _ in case["params"]]
        groups = [keys] + [[v for k, v in case["params"] if k == key] for key in set(keys)]
        for group in groups:
            if any(ord(c) > 0xFFFF for s in group for c in s) and any(
                0xE000 <= ord(c) <= 0xFFFF for s in group for c in s
            ):
                return UTF16_ORDER
    return None


def token_cases():
    cases = []
    ids = ["MAXXXXXXXXXXXXXXXXXX", "SA0123456789ABCDEF01"]
    for i, (valid_from, lifetime) in enumerate(
        [(1700000000, 180), (1700000000, 86400), (1234567890, 3600), (1893456000, 600)]
    ):
        for incoming, outgoing in [(True, True), (True, False), (False, True), (False, False)]:
            cases.append({
                "auth_id": ids[i % 2],
                "auth_token": TOKENS[i % len(TOKENS)],
                "username": ["alice", "bob_12", "endpoint-user", "zoë"][i],
                "valid_from": valid_from,
                "lifetime": lifetime,
                "uid": ["alice-1", "id-0002", "x", "zoë-token"][i],
                "incoming": incoming,
                "outgoing": outgoing,
            })
    return cases


def py_token(case):
    token = AccessToken(
        case["auth_id"], case["auth_token"], case["username"],
        valid_from=case["valid_from"], lifetime=case["lifetime"], uid=case["uid"],
    )
    token.add_voice_grants(case["incoming"], case["outgoing"])
    return token.to_jwt()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--node-driver", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    rng = random.Random(20240619)
    v3 = []
    for n, (method, url, params) in enumerate(fixed_cases() + random_cases(rng, 260)):
        nonce = NONCES[n % len(NONCES)]
        token = TOKENS[n % len(TOKENS)]
        signed, signature = py_v3(method, url, params, nonce, token)
        case = {"method": method, "url": url, "params": params, "nonce": nonce, "auth_token": token}
        if signed is None:
            case["python_error"] = signature
        else:
            case["python_signed"] = signed
            case["python"] = signature
        v3.append(case)
    v2 = []
    for n, url in enumerate(BASES + [_with_query(b, "a=1") for b in BASES] + ["https://user:pass@example.com/cb"]):
        nonce = NONCES[n % len(NONCES)]
        token = TOKENS[n % len(TOKENS)]
        v2.append({"url": url, "nonce": nonce, "auth_token": token, "python": py_v2(url, nonce, token)})
    tokens = token_cases()
    for case in tokens:
        case["python"] = py_token(case)

    request = json.dumps({"v3": v3, "v2": v2, "tokens": tokens})
    answer = subprocess.run(["node", args.node_driver], input=request.encode("utf-8"),
                            capture_output=True, check=True)
    node = json.loads(answer.stdout)
    for kind, cases in (("v3", v3), ("v2", v2)):
        for case, node_answer in zip(cases, node[kind], strict=True):
            case["node"] = node_answer["signature"]
            if kind == "v3":
                case["node_signed"] = node_answer["signed"]
            if "python_error" in case:
                # Python cannot sign it; Node (and Go, by code reading) can.
                case["expected"] = case["node"]
                case["disagreement"] = PYTHON_RAISES
                continue
            case["expected"] = case["python"]
            if case["node"] != case["python"]:
                rule = disagreement_rule(case, kind)
                if rule is None:
                    sys.exit("unexplained disagreement: %s" % json.dumps(case, ensure_ascii=False))
                case["disagreement"] = rule
                if rule in FOLLOW_NODE:
                    case["expected"] = case["node"]
    for case, node_token in zip(tokens, node["tokens"], strict=True):
        case["node"] = node_token

    meta = {
        "generated_by": "tests/vectors/generate.sh",
        "python_sdk": PY_VERSION,
        "node_sdk": NODE_VERSION,
    }
    with open(args.out + "/signatures.json", "w", encoding="utf-8") as out:
        json.dump(dict(meta, v3=v3, v2=v2), out, ensure_ascii=False, indent=1)
        out.write("\n")
    with open(args.out + "/tokens.json", "w", encoding="utf-8") as out:
        json.dump(dict(meta, tokens=tokens), out, ensure_ascii=False, indent=1)
        out.write("\n")
    disagreements = {}
    for case in v3 + v2:
        if "disagreement" in case:
            disagreements[case["disagreement"]] = disagreements.get(case["disagreement"], 0) + 1
    print("v3: %d cases, v2: %d, tokens: %d; disagreements: %s"
          % (len(v3), len(v2), len(tokens), disagreements))


if __name__ == "__main__":
    main()

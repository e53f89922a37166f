"""The differences between our request and an official SDK's, by meaning.

Each difference is (key, detail): the key is stable (no values in it) so
an explanation can name it; the detail shows both sides. Keys:

  no-request, sdk-error            the SDK sent nothing / failed (after sending)
  our-error, our-no-request        the same on our side
  extra-request:METHOD             a request the SDK sends before the operation's
  our-extra-request:METHOD         ... and ours
  host, method, path               what differs, trailing slash aside
  trailing-slash                   only a trailing slash differs (reported, not hidden)
  path-encoding                    same decoded path, different percent-encoding
  query:NAME                       a query parameter (a multimap: every value, in order)
  media-type                       Content-Type's media type, when a body is sent
  auth                             the Basic credentials, decoded
  body                             a body on one side only
  body:PATH                        a field (PATH like `a.b[].c`) on one side only, or
                                   with another value
  body:PATH:type                   the same value as another JSON type ("20" and 20)
                                   (a string holding JSON is compared as the JSON it
                                   holds: PATH then reads `data{json}.alias`)

A Content-Type on a request with no body on either side means nothing and
is not compared. Standard library only.
"""

import json

import wire


def kind(value):
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if value is None:
        return "null"
    return "array" if isinstance(value, list) else "object"


def same(a, b):
    return kind(a) == kind(b) and a == b


def show(value):
    shown = json.dumps(value, sort_keys=True)
    return shown if len(shown) <= 120 else shown[:117] + "..."


def text(value):
    """A scalar as a form would carry it: "20" for 20, "true" for true."""
    return value if isinstance(value, str) else json.dumps(value)


def flat(request):
    """The body's value; a form or multipart multimap with single values
    unwrapped, so it compares with a JSON object field by field (a JSON
    body is left as it is: a one-item array there is an array)."""
    value = request.value
    if request.multimap and isinstance(value, dict):
        return {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in value.items()}
    return value


def as_json(value):
    """A string holding a JSON object or array, parsed (a multipart part
    or form field carrying JSON text is compared by what it says)."""
    if isinstance(value, str) and value[:1] in ("{", "["):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return None


def values(path, ours, theirs, out):
    if same(ours, theirs):
        return
    key = "body:" + path if path else "body"
    mine, yours = as_json(ours), as_json(theirs)
    if mine is not None and yours is not None:
        values(path + "{json}", mine, yours, out)
        return
    if isinstance(ours, dict) and isinstance(theirs, dict):
        for name in sorted(set(ours) | set(theirs)):
            sub = path + "." + name if path else name
            if name not in theirs:
                out.append(("body:" + sub, "ours only: %s" % show(ours[name])))
            elif name not in ours:
                out.append(("body:" + sub, "theirs only: %s" % show(theirs[name])))
            else:
                values(sub, ours[name], theirs[name], out)
        return
    if isinstance(ours, list) and isinstance(theirs, list) and len(ours) == len(theirs):
        for a, b in zip(ours, theirs):
            values(path + "[]", a, b, out)
        return
    if kind(ours) != kind(theirs) and text(ours) == text(theirs):
        detail = "ours %s (%s), theirs %s (%s)" % (show(ours), kind(ours), show(theirs), kind(theirs))
        out.append((key + ":type", detail))
        return
    out.append((key, "ours %s, theirs %s" % (show(ours), show(theirs))))


def compare_requests(ours, theirs):
    """The differences between two recorded requests (recorder entries)."""
    a, b = wire.Request(ours), wire.Request(theirs)
    out = []
    if a.host != b.host:
        out.append(("host", "ours %s, theirs %s" % (a.host, b.host)))
    if a.method != b.method:
        out.append(("method", "ours %s, theirs %s" % (a.method, b.method)))
    if a.path != b.path:
        if a.path.rstrip("/") == b.path.rstrip("/"):
            out.append(("trailing-slash", "ours %s, theirs %s" % (a.raw_path, b.raw_path)))
        else:
            out.append(("path", "ours %s, theirs %s" % (a.raw_path, b.raw_path)))
    elif a.raw_path != b.raw_path:
        out.append(("path-encoding", "ours %s, theirs %s" % (a.raw_path, b.raw_path)))
    for name in sorted(set(a.query) | set(b.query)):
        mine, yours = a.query.get(name), b.query.get(name)
        if mine != yours:
            out.append(("query:" + name, "ours %s, theirs %s" % (show(mine), show(yours))))
    if (a.body or b.body) and a.media_type != b.media_type:
        out.append(("media-type", "ours %r, theirs %r" % (a.media_type, b.media_type)))
    if a.credentials != b.credentials:
        out.append(("auth", "ours %s, theirs %s" % (show(a.credentials), show(b.credentials))))
    if (a.value is None) != (b.value is None):
        out.append(("body", "ours %s, theirs %s" % (show(a.value), show(b.value))))
    elif a.value is not None:
        values("", flat(a), flat(b), out)
    return out


def compare_case(ours, theirs):
    """The differences between our outcome of a case and an SDK's (the
    drivers' per-case results: outcome, error, requests)."""
    out = []
    mine, yours = ours.get("requests", []), theirs.get("requests", [])
    if ours["outcome"] != "ok":
        out.append(("our-error", ours.get("error", "")))
    if theirs["outcome"] != "ok":
        out.append(("sdk-error" if yours else "no-request", theirs.get("error", "")))
    if not mine:
        if yours:
            out.append(("our-no-request", "theirs %s" % wire.Request(yours[-1]).line()))
        return out
    if not yours:
        return out
    # The operation is the last request; earlier ones are the SDK's own.
    for entry in yours[:-1]:
        request = wire.Request(entry)
        out.append(("extra-request:" + request.method, request.line()))
    for entry in mine[:-1]:
        request = wire.Request(entry)
        out.append(("our-extra-request:" + request.method, request.line()))
    out.extend(compare_requests(mine[-1], yours[-1]))
    return out

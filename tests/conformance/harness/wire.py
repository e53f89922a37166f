"""One recorded request read for its meaning: path, query as a multimap,
media type, Basic credentials, and the body parsed as JSON, form or
multipart. Standard library only.
"""

import base64
import email.parser
import email.policy
import hashlib
import json
import urllib.parse


class Request:
    """A recorded request (the recorder's entry), read."""

    def __init__(self, entry):
        self.host = entry["host"]
        self.method = entry["method"].upper()
        target = urllib.parse.urlsplit(entry["target"])
        self.raw_path = target.path
        self.path = urllib.parse.unquote(target.path)
        self.raw_query = target.query
        self.query = multimap(urllib.parse.parse_qsl(target.query, keep_blank_values=True))
        self.headers = {}
        for name, value in entry["headers"]:
            self.headers.setdefault(name.lower(), value)
        self.body = base64.b64decode(entry["body_b64"])
        content_type = self.headers.get("content-type", "")
        self.media_type = content_type.split(";")[0].strip().lower()
        self.credentials = basic(self.headers.get("authorization"))
        self.value = parse_body(self.media_type, content_type, self.body)
        # Forms and multipart bodies are multimaps (every value a list).
        self.multimap = self.media_type in ("application/x-www-form-urlencoded", "multipart/form-data")

    def line(self):
        query = "?" + self.raw_query if self.raw_query else ""
        return "%s %s%s" % (self.method, self.raw_path, query)


def multimap(pairs):
    out = {}
    for name, value in pairs:
        out.setdefault(name, []).append(value)
    return out


def basic(header):
    """(user, password) of a Basic Authorization header, else the header."""
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "basic":
        return ("not basic", scheme)
    try:
        user, _, password = base64.b64decode(token).decode("utf-8").partition(":")
    except (ValueError, UnicodeDecodeError):
        return ("undecodable", token)
    return (user, password)


def parse_body(media_type, content_type, body):
    """The body's meaning: a JSON value, a form multimap, multipart parts
    ({name: [value or file]}), raw text; None when empty."""
    if not body:
        return None
    if media_type == "application/json" or media_type.endswith("+json"):
        try:
            return json.loads(body)
        except ValueError:
            return {"(unparsable JSON)": body.decode("utf-8", "replace")}
    if media_type == "application/x-www-form-urlencoded":
        return multimap(urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    if media_type == "multipart/form-data":
        return parse_multipart(content_type, body)
    return {"(raw %s)" % (media_type or "no content type"): body.decode("utf-8", "replace")}


def parse_multipart(content_type, body):
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode("latin-1") + b"\r\n\r\n" + body
    )
    parts = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        filename = part.get_param("filename", header="content-disposition")
        data = part.get_payload(decode=True) or b""
        if filename is None:
            value = data.decode("utf-8", "replace")
        else:
            value = {
                "file": filename,
                "content_type": part.get_content_type() if part.get("content-type") else None,
                "sha256": hashlib.sha256(data).hexdigest()[:16],
                "bytes": len(data),
            }
        parts.setdefault(name, []).append(value)
    return parts

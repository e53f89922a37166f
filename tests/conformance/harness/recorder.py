"""The loopback recorder: one port on 127.0.0.1 per host the SDKs use.

Every request that reaches a host port is recorded as it arrived (method,
raw request target, headers in order, body bytes; a chunked body is
decoded) and answered like the API would: with a saved example of the
operation of our spec that the method and path name (the case's own
operation first when several share them), the path's parameters echoed
into the example's top-level fields of the same name (so an SDK that
reads an id back and sends a second request sends it with the id it was
given). Examples are 2xx where the spec has one, so the Python SDK's
retry on 5xx never runs. A request matching no operation is answered
with the case's own example.

A driver tells the recorder which case comes next on the control port:
  POST /begin  {"case": ID, "item": ITEM}   ITEM: the case's spec item
  POST /end    the requests recorded since /begin, as JSON
  POST /stop   shut down
A request arriving outside a case is recorded too and answered 404.

Usage: recorder.py READY_FILE OPERATIONS_FILE [HOST...]
OPERATIONS_FILE is `plivo-conformance operations`' output; a port opens
for each of its hosts and each HOST given. READY_FILE receives
{"control": URL, "hosts": {HOST: URL}} once every port listens.
Standard library only.
"""

import base64
import json
import os
import socket
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import routes


class State:
    """What the ports share: the current case, its operation, the log."""

    def __init__(self, operations, routes):
        self.lock = threading.Lock()
        self.by_item = {op["item"]: op for op in operations}
        self.routes = routes
        self.case = None
        self.item = None
        self.log = []

    def begin(self, case, item):
        with self.lock:
            self.case, self.item = case, item
            self.log = []

    def end(self):
        with self.lock:
            log, self.log, self.case, self.item = self.log, [], None, None
            return log

    def record(self, entry):
        """Records `entry` and returns (status, body) to answer."""
        with self.lock:
            entry["case"] = self.case
            self.log.append(entry)
            if self.case is None:
                return 404, {"error": "no conformance case is running"}
            path = urllib.parse.urlsplit(entry["target"]).path
            found = routes.find(self.routes, entry["method"], entry["host"], path, self.item)
            if found:
                return routes.answer(*found[0])
            op = self.by_item.get(self.item)
            if op is None:
                return 404, {"error": "no operation %r in our spec" % self.item}
            return routes.example(op)


def read_body(handler):
    """The request body: by Content-Length, or chunked."""
    headers = handler.headers
    if "chunked" in (headers.get("Transfer-Encoding") or "").lower():
        body = b""
        while True:
            size = int(handler.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while handler.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return body
            body += handler.rfile.read(size)
            handler.rfile.readline()
    length = int(headers.get("Content-Length") or 0)
    return handler.rfile.read(length) if length else b""


def host_handler(state, host):
    """A handler class recording what reaches `host`'s port."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self):
            super().setup()
            # Answer each small request at once: no Nagle delay on our side.
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def handle_any(self):
            body = read_body(self)
            entry = {
                "host": host,
                "method": self.command,
                "target": self.path,
                "headers": [[k, v] for k, v in self.headers.items()],
                "body_b64": base64.b64encode(body).decode("ascii"),
            }
            status, answer = state.record(entry)
            if isinstance(answer, str):
                data = answer.encode("utf-8")
                if status == 204:
                    data = b""
            else:
                data = json.dumps(answer).encode("utf-8")
            self.send_response(status)
            if status != 204:
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
            if status != 204 and self.command != "HEAD":
                # Headers and body in one write.
                self._headers_buffer.append(b"\r\n" + data)
                self.flush_headers()
            else:
                self.end_headers()

        do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = handle_any

        def log_message(self, *args):
            pass

    return Handler


def control_handler(state, stop):
    """The control port's handler."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def setup(self):
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

        def reply(self, value):
            data = json.dumps(value).encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self._headers_buffer.append(b"\r\n" + data)
            self.flush_headers()

        def do_POST(self):
            body = read_body(self)
            if self.path == "/begin":
                request = json.loads(body)
                state.begin(request["case"], request.get("item"))
                self.reply({"ok": True})
            elif self.path == "/end":
                self.reply(state.end())
            elif self.path == "/stop":
                self.reply({"ok": True})
                stop.set()
            else:
                self.send_error(404)

        def log_message(self, *args):
            pass

    return Handler


def serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def main(argv):
    ready_file, operations_file = argv[1], argv[2]
    dump, compiled = routes.load(operations_file)
    state = State(dump["operations"], compiled)
    hosts = list(dict.fromkeys(list(dump["hosts"]) + argv[3:]))
    stop = threading.Event()
    servers = {}
    for host in hosts:
        servers[host] = ThreadingHTTPServer(("127.0.0.1", 0), host_handler(state, host))
    control = ThreadingHTTPServer(("127.0.0.1", 0), control_handler(state, stop))
    for server in list(servers.values()) + [control]:
        server.daemon_threads = True
        serve(server)
    url = lambda server: "http://127.0.0.1:%d" % server.server_address[1]
    ready = {"control": url(control), "hosts": {h: url(s) for h, s in servers.items()}}
    with open(ready_file + ".tmp", "w", encoding="utf-8") as f:
        json.dump(ready, f)
    # Renamed into place, so a reader never sees half a file.
    os.replace(ready_file + ".tmp", ready_file)
    stop.wait()
    for server in list(servers.values()) + [control]:
        server.shutdown()


if __name__ == "__main__":
    main(sys.argv)

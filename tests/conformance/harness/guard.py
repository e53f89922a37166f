"""Keeps a Python process on 127.0.0.1: any other address is refused.

`install()` wraps the socket calls every HTTP library ends in (name
resolution and connect), so a request an SDK sends to a host the driver
did not redirect fails at once instead of reaching the network. The
refusals are counted, and the driver reports them. Standard library only.
"""

import ipaddress
import socket

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
refused = []


def is_loopback(host):
    if host is None:
        return False
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refuse(what, host):
    refused.append("%s %s" % (what, host))
    raise ConnectionRefusedError("conformance guard: %s to %r refused (only 127.0.0.1)" % (what, host))


def install():
    real_getaddrinfo = socket.getaddrinfo
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def getaddrinfo(host, *args, **kwargs):
        if not is_loopback(host):
            refuse("name lookup", host)
        return real_getaddrinfo(host, *args, **kwargs)

    def address_host(address):
        if isinstance(address, tuple):
            return address[0]
        return None  # a Unix socket path: not loopback TCP, refused

    def connect(self, address):
        if not is_loopback(address_host(address)):
            refuse("connect", address)
        return real_connect(self, address)

    def connect_ex(self, address):
        if not is_loopback(address_host(address)):
            refuse("connect", address)
        return real_connect_ex(self, address)

    socket.getaddrinfo = getaddrinfo
    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex

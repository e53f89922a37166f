// Keeps a Node process on 127.0.0.1: any other address is refused.
//
// `install()` wraps name resolution (dns.lookup, and the promise form)
// and the socket connect every HTTP client ends in (net.Socket's connect,
// which net.connect, http, https and tls.connect all reach), so a request
// an SDK sends to a host the driver did not redirect fails, as a socket
// error, instead of reaching the network. The refusals are kept in
// `refused`.
'use strict';

const dns = require('dns');
const net = require('net');

const refused = [];

function isLoopback(host) {
  if (host === undefined || host === null || host === '') return false;
  if (host === 'localhost' || host === '::1') return true;
  return net.isIPv4(host) && host.startsWith('127.');
}

function refuse(what, host) {
  refused.push(`${what} ${host}`);
  const error = new Error(`conformance guard: ${what} to ${host} refused (only 127.0.0.1)`);
  error.code = 'ECONNREFUSED';
  return error;
}

function install() {
  const realLookup = dns.lookup;
  dns.lookup = function lookup(host, options, callback) {
    if (!isLoopback(host)) {
      const cb = typeof options === 'function' ? options : callback;
      const error = refuse('name lookup', host);
      process.nextTick(() => cb(error));
      return {};
    }
    return realLookup.apply(this, arguments);
  };
  const realPromiseLookup = dns.promises.lookup;
  dns.promises.lookup = function lookup(host) {
    if (!isLoopback(host)) return Promise.reject(refuse('name lookup', host));
    return realPromiseLookup.apply(this, arguments);
  };

  const realConnect = net.Socket.prototype.connect;
  net.Socket.prototype.connect = function connect(...args) {
    // connect(options[, cb]), connect(port[, host][, cb]), connect(path[, cb])
    let host;
    const first = Array.isArray(args[0]) ? args[0][0] : args[0];
    if (first && typeof first === 'object') {
      host = first.path != null ? `unix:${first.path}` : first.host || 'localhost';
    } else if (typeof first === 'string' && Number.isNaN(Number(first))) {
      host = `unix:${first}`;
    } else {
      host = typeof args[1] === 'string' ? args[1] : 'localhost';
    }
    if (!isLoopback(host)) {
      const error = refuse('connect', host);
      process.nextTick(() => this.destroy(error));
      return this;
    }
    return realConnect.apply(this, args);
  };
}

module.exports = { install, refused, isLoopback };

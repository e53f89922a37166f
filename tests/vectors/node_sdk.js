// The Node SDK's answers for the cases generate.py sends on stdin (JSON in,
// JSON out). Its validators return only true or false, so the HMAC it
// computes is read by wrapping crypto.createHmac, then checked by asking the
// validator to accept it. No client is constructed; any connection that is
// not to loopback throws.
'use strict';
const net = require('net');
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const opts = typeof args[0] === 'object' ? args[0] : { host: args[1] };
  const host = opts.host || 'localhost';
  if (!['127.0.0.1', '::1', 'localhost'].includes(host)) {
    throw new Error(`vector generation must not reach ${host}`);
  }
  return realConnect.apply(this, args);
};

const crypto = require('crypto');
const realCreateHmac = crypto.createHmac;
let seen = null;
crypto.createHmac = function (algorithm, key) {
  const hmac = realCreateHmac.call(crypto, algorithm, key);
  const update = hmac.update.bind(hmac);
  const digest = hmac.digest.bind(hmac);
  let message = '';
  hmac.update = (data, ...rest) => { message += data; return update(data, ...rest); };
  hmac.digest = (encoding) => {
    const out = digest(encoding);
    seen = { message, digest: out };
    return out;
  };
  return hmac;
};

const { validateV3Signature } = require('plivo/dist/utils/v3Security.js');
const { validateSignature } = require('plivo/dist/utils/security.js');
const { AccessToken } = require('plivo/dist/utils/jwt.js');

function nodeParams(pairs) {
  const grouped = {};
  for (const [key, value] of pairs) {
    if (Object.prototype.hasOwnProperty.call(grouped, key)) {
      grouped[key] = [].concat(grouped[key], value);
    } else {
      grouped[key] = value;
    }
  }
  return grouped;
}

function v3(c) {
  seen = null;
  validateV3Signature(c.method, c.url, c.nonce, c.auth_token, 'x', nodeParams(c.params));
  const { message, digest } = seen;
  const ok = validateV3Signature(c.method, c.url, c.nonce, c.auth_token, 'bogus,' + digest, nodeParams(c.params));
  if (!ok) throw new Error(`node refused its own signature for ${JSON.stringify(c)}`);
  // The signed text without the trailing "." + nonce (as a JS string; the
  // URL part is what utf8.encode made of it).
  const signed = message.slice(0, message.length - 1 - c.nonce.length);
  return { signed: Buffer.from(signed, 'utf8').toString('utf8'), signature: digest };
}

function v2(c) {
  seen = null;
  validateSignature(c.url, c.nonce, 'x', c.auth_token);
  const { digest } = seen;
  if (!validateSignature(c.url, c.nonce, digest, c.auth_token)) {
    throw new Error(`node refused its own V2 signature for ${JSON.stringify(c)}`);
  }
  return { signature: digest };
}

function token(c) {
  const t = new AccessToken(c.auth_id, c.auth_token, c.username,
    { validFrom: c.valid_from, lifetime: c.lifetime }, c.uid);
  t.addVoiceGrants(c.incoming, c.outgoing);
  return t.toJwt();
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const cases = JSON.parse(input);
  process.stdout.write(JSON.stringify({
    v3: cases.v3.map(v3),
    v2: cases.v2.map(v2),
    tokens: cases.tokens.map(token),
  }));
});

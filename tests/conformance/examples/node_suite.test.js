// A Node test suite run against plivo-mock, as docs/mock.md shows it:
// start the mock, point the official SDK at it, script a fault. The
// conformance harness runs this file with the pinned SDK (`run`, step 8),
// so the guide's code is checked, not only written.
//
//   PLIVO_MOCK=target/debug/plivo-mock NODE_PATH=<node_modules> node --test node_suite.test.js
//
// Needs `plivo` (npm) and the plivo-mock binary; nothing leaves 127.0.0.1,
// and the credentials are fake.
'use strict';

const { test } = require('node:test');
const assert = require('node:assert');
const { spawn } = require('node:child_process');
const axios = require('axios');
const plivo = require('plivo');

const AUTH_ID = 'MAXXXXXXXXXXXXXXXXXX';
const AUTH_TOKEN = 'fake-token';
const MOCK = process.env.PLIVO_MOCK || 'target/debug/plivo-mock';

// Starts plivo-mock on a free port with faults to answer (--inject); resolves
// to the process and its URL, read from the first line it prints.
function startMock(...inject) {
  const args = ['--port', '0', '--auth-id', AUTH_ID, '--auth-token', AUTH_TOKEN];
  for (const fault of inject) args.push('--inject', fault);
  const mock = spawn(MOCK, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    mock.stdout.on('data', (chunk) => {
      seen += chunk;
      const found = / on (http:\/\/127\.0\.0\.1:\d+) /.exec(seen);
      if (found) resolve({ mock, url: found[1] });
    });
    mock.on('exit', () => reject(new Error('plivo-mock did not start')));
  });
}

// The SDK hard-codes Plivo's hosts and makes an axios instance per request:
// the default adapter moves every request for *.plivo.com to the mock, which
// serves all of them on its one port.
let target;
const http = axios.getAdapter('http');
axios.defaults.adapter = (config) => {
  const url = new URL(config.url, config.baseURL);
  if (url.hostname.endsWith('.plivo.com')) config.url = target + url.pathname + url.search;
  return http(config);
};

async function clientOfMock(t, ...inject) {
  const { mock, url } = await startMock(...inject);
  t.after(() => mock.kill());
  target = url;
  return new plivo.Client(AUTH_ID, AUTH_TOKEN);
}

const SMS = { src: '+14155550100', dst: '+14155550101', text: 'hi' };

test('an SMS is sent and its answer read', async (t) => {
  const client = await clientOfMock(t);
  const answer = await client.messages.create(SMS);
  assert.strictEqual(answer.message, 'message(s) queued');
  assert.ok(answer.messageUuid.length > 0);
});

test('a scripted fault rejects as Plivo would, and the next call succeeds', async (t) => {
  const client = await clientOfMock(t, 'messages_create:status=400,error=Insufficient credit');
  await assert.rejects(client.messages.create(SMS), /Insufficient credit/);
  const answer = await client.messages.create(SMS);
  assert.ok(answer.messageUuid.length > 0);
});

// Runs every case's Node call through the official Node SDK (npm `plivo`,
// from the node_modules folder given) and writes what happened as JSON.
//
// Usage: node node_driver.js NODE_MODULES CASES_DIR HOSTS_FILE OUT_FILE SCRATCH_DIR [GROUP...]
//
// HOSTS_FILE is the recorder's ready file (see python_driver.py): each SDK
// host goes to its loopback URL; with "control" set each case is announced
// and its recorded requests fetched. Before the SDK is loaded every socket
// is kept on 127.0.0.1 (guard.js); a host missing from HOSTS_FILE fails
// its case.
'use strict';

const guard = require('./guard');

guard.install();
// Some SDK methods log their parameters; the driver's output is its file.
console.log = () => {};

const fs = require('fs');
const http = require('http');
const path = require('path');
const cases = require('./cases');

// Fake credentials: `MA` and 18 characters, as the SDKs require.
const AUTH_ID = 'MACONFORMANCE0000001';
const AUTH_TOKEN = 'conformance-fake-token';

// Every request the SDK makes goes through axios; its adapter is where the
// URL the SDK built (voice requests hard-code https://api.plivo.com in
// dist/rest/axios.js) is moved to loopback, path and query untouched.
function redirect(axios, hosts) {
  const httpAdapter = axios.getAdapter('http');
  axios.defaults.adapter = function adapter(config) {
    const url = new URL(config.url, config.baseURL);
    const target = hosts[url.origin];
    if (target === undefined) {
      return Promise.reject(new Error(`conformance: host ${url.origin} is not redirected`));
    }
    const local = new URL(target);
    config.url = `${local.origin}${url.pathname}${url.search}`;
    config.baseURL = undefined;
    return httpAdapter(config);
  };
}

function control(base, route, body) {
  const data = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const request = http.request(`${base}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': data.length },
    }, (response) => {
      const chunks = [];
      response.on('data', (c) => chunks.push(c));
      response.on('end', () => resolve(JSON.parse(Buffer.concat(chunks).toString('utf8'))));
    });
    request.on('error', reject);
    request.end(data);
  });
}

function describe(error) {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error).split('\n')[0];
}

function summary(result) {
  try {
    return JSON.parse(JSON.stringify(result === undefined ? null : result));
  } catch (e) {
    return String(result);
  }
}

async function runCase(c, scope, scratch) {
  const files = cases.writeFiles(c, scratch);
  const expression = cases.substitute(c, c.node, files);
  try {
    const call = new Function(...Object.keys(scope), `return (${expression});`);
    const result = await call(...Object.values(scope));
    return { outcome: 'ok', expression, result: summary(result) };
  } catch (error) {
    return { outcome: 'error', expression, error: describe(error) };
  }
}

async function main(argv) {
  const [modules, casesDir, hostsFile, outFile, scratch, ...groups] = argv;
  const ready = JSON.parse(fs.readFileSync(hostsFile, 'utf8'));
  const plivoDir = path.resolve(modules, 'plivo');
  const axios = require(require.resolve('axios', { paths: [plivoDir] }));
  redirect(axios, ready.hosts);
  const plivo = require(plivoDir);
  const scope = {
    plivo,
    client: new plivo.Client(AUTH_ID, AUTH_TOKEN),
    phlo_client: new plivo.PhloClient(AUTH_ID, AUTH_TOKEN),
  };
  fs.mkdirSync(scratch, { recursive: true });
  const results = {};
  for (const c of cases.allCases(casesDir)) {
    if ((groups.length && !groups.includes(c.group)) || !c.node) continue;
    if (ready.control) await control(ready.control, '/begin', { case: c.id, item: c.item });
    const outcome = await runCase(c, scope, scratch);
    if (ready.control) outcome.requests = await control(ready.control, '/end', {});
    results[c.id] = outcome;
  }
  const version = JSON.parse(fs.readFileSync(path.join(plivoDir, 'package.json'), 'utf8')).version;
  const out = { sdk: 'node', package: `plivo@${version}`, refused: guard.refused, cases: results };
  fs.writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// Every canned response the Node SDK ships for its own tests
// (dist/rest/request-test.js: a chain of `if (method == ... && action ==
// ... && params.x === ...)` branches, each resolving a body), extracted by
// calling that function with each branch's own method, action and params.
//
// Usage: node node_fixtures.js NODE_MODULES OUT_FILE
//
// OUT_FILE: a JSON list of {id, line, method, action, params, body} (or
// {..., error} for a branch that rejects or answers nothing). The
// function makes no request: each branch resolves a literal.
'use strict';

const guard = require('./guard');

guard.install();

const fs = require('fs');
const path = require('path');

const AUTH_ID = 'MACONFORMANCE0000001';

// `method == 'GET'`, `action === 'Call/'`, `action.endsWith('phlo/x')`,
// `params.role === 'Agent'`, `params['status'] === 'live'`.
const CONSTRAINT = /(method|action|params(?:\.(\w+)|\['(\w+)'\]))\s*===?\s*'([^']*)'|action\.endsWith\('([^']*)'\)/g;

function branches(source) {
  const out = [];
  const head = /\bif\s*\(/g;
  let found;
  while ((found = head.exec(source)) !== null) {
    // The condition runs to the parenthesis that closes the `if (`.
    let depth = 1;
    let end = head.lastIndex;
    while (depth > 0 && end < source.length) {
      if (source[end] === '(') depth += 1;
      if (source[end] === ')') depth -= 1;
      end += 1;
    }
    const condition = source.slice(head.lastIndex, end - 1);
    if (!/\baction\b/.test(condition)) continue;
    const line = source.slice(0, found.index).split('\n').length;
    const branch = { method: null, action: null, params: {}, line };
    for (const c of condition.matchAll(CONSTRAINT)) {
      if (c[5] !== undefined) branch.action = `account/${AUTH_ID}/${c[5]}`;
      else if (c[1] === 'method') branch.method = c[4];
      else if (c[1] === 'action') branch.action = c[4];
      else branch.params[c[2] || c[3]] = c[4];
    }
    if (branch.method && branch.action !== null) out.push(branch);
  }
  return out;
}

function withTimeout(promise, ms) {
  return Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error('no answer')), ms)),
  ]);
}

async function main([modules, outFile]) {
  const file = path.resolve(modules, 'plivo', 'dist', 'rest', 'request-test.js');
  const { Request } = require(file);
  const request = Request({
    authId: AUTH_ID,
    authToken: 'conformance-fake-token',
    url: `https://api.plivo.com/v1/Account/${AUTH_ID}`,
    userAgent: 'conformance',
  });
  const out = [];
  const seen = new Set();
  // The file logs every request it has no answer for; the output is ours.
  console.log = () => {};
  for (const b of branches(fs.readFileSync(file, 'utf8'))) {
    const params = Object.keys(b.params).length ? ` ${JSON.stringify(b.params)}` : '';
    const id = `node:${b.method} ${b.action}${params}`;
    if (seen.has(id)) continue;
    seen.add(id);
    try {
      const answer = await withTimeout(request(b.method, b.action, { ...b.params }), 1000);
      out.push({ id, line: b.line, method: b.method, action: b.action, params: b.params, body: answer.body });
    } catch (error) {
      out.push({ id, line: b.line, method: b.method, action: b.action, params: b.params, error: String(error) });
    }
  }
  fs.writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

// The case tables (cases/*.json) as the Node driver reads them: the same
// rules as harness/cases.py (see README.md, "The case tables").
'use strict';

const fs = require('fs');
const path = require('path');

const PLACEHOLDER = /\$(path|query|body|files)((?:\.[A-Za-z0-9_]+)*)/g;

function allCases(casesDir) {
  const out = [];
  for (const name of fs.readdirSync(casesDir).filter((n) => n.endsWith('.json')).sort()) {
    const table = JSON.parse(fs.readFileSync(path.join(casesDir, name), 'utf8'));
    for (const c of table.cases) out.push(Object.assign({}, c, { group: table.group }));
  }
  return out;
}

function lookup(c, part, dotted) {
  let value = (c.args || {})[part] || {};
  for (const key of dotted.split('.').filter((k) => k)) {
    if (value === null || typeof value !== 'object' || !(key in value)) {
      throw new Error(`${c.id}: $${part}${dotted} is not among its arguments`);
    }
    value = value[key];
  }
  return value;
}

// `expression` with each placeholder replaced by the JSON literal of its
// value (a valid JavaScript expression); `$files.name` by the file's path.
function substitute(c, expression, files) {
  return expression.replace(PLACEHOLDER, (_, part, dotted) => {
    if (part === 'files') return JSON.stringify(files[dotted.replace(/^\./, '')]);
    return JSON.stringify(lookup(c, part, dotted));
  });
}

// Each upload in a folder of the case's own, under its own name (which
// the SDK sends).
function writeFiles(c, directory) {
  const paths = {};
  for (const [name, spec] of Object.entries((c.args || {}).files || {})) {
    fs.mkdirSync(path.join(directory, c.id), { recursive: true });
    const file = path.join(directory, c.id, spec.name);
    fs.writeFileSync(file, spec.text, 'utf8');
    paths[name] = file;
  }
  return paths;
}

module.exports = { allCases, substitute, writeFiles };

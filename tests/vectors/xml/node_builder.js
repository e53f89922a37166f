// Builds every document of documents.json with the official Node SDK's XML
// builder (plivo.Response) and prints {id: {"xml": ...} or {"error": ...}} as
// JSON. Pure: no client, no network. Run by run.sh.
'use strict';
const fs = require('fs');
const plivo = require('plivo');

// The add method for each tag, and whether it takes a body before its attributes.
const METHODS = {
  Speak: ['addSpeak', true], Play: ['addPlay', true], GetDigits: ['addGetDigits', false],
  GetInput: ['addGetInput', false], Record: ['addRecord', false], Dial: ['addDial', false],
  Number: ['addNumber', true], User: ['addUser', true], Message: ['addMessage', true],
  Redirect: ['addRedirect', true], Wait: ['addWait', false], Hangup: ['addHangup', false],
  PreAnswer: ['addPreAnswer', false], Conference: ['addConference', true], DTMF: ['addDTMF', true],
  MultiPartyCall: ['addMultiPartyCall', true], Stream: ['addStream', true], break: ['addBreak', false],
  emphasis: ['addEmphasis', true], lang: ['addLang', true], p: ['addP', true],
  phoneme: ['addPhoneme', true], prosody: ['addProsody', true], s: ['addS', true],
  'say-as': ['addSayAs', true], sub: ['addSub', true], w: ['addW', true],
};

function addChildren(parent, content) {
  for (const child of content) {
    if (typeof child === 'string') {
      parent.addText(child);
      continue;
    }
    const [method, takesBody] = METHODS[child.tag];
    const rest = [...child.content];
    const body = typeof rest[0] === 'string' ? rest.shift() : '';
    const attrs = { ...child.attrs };
    let element;
    if (child.tag === 'PreAnswer') {
      element = parent[method]();
    } else if (takesBody) {
      element = parent[method](body, attrs);
    } else {
      if (body) throw new Error(`<${child.tag}> takes no text`);
      element = parent[method](attrs);
    }
    addChildren(element, rest);
  }
}

const documents = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).documents;
const out = {};
for (const document of documents) {
  try {
    const response = new plivo.Response();
    addChildren(response, document.tree.content);
    out[document.id] = { xml: response.toXML() };
  } catch (error) {
    out[document.id] = { error: `${error.name}: ${error.message}` };
  }
}
const sorted = {};
for (const key of Object.keys(out).sort()) sorted[key] = out[key];
process.stdout.write(JSON.stringify(sorted, null, 1) + '\n');

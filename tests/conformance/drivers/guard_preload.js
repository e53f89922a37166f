// `node --require` this file to keep a process on 127.0.0.1 (guard.js) from
// its first line: the harness runs the guide's Node suite under it.
'use strict';

require('./guard').install();

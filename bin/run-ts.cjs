#!/usr/bin/env node
// Runs a TypeScript script (benchmark, tools) through tsx.
require('tsx/cjs');
const path = require('path');
const script = process.argv[2];
process.argv.splice(1, 1);
require(path.resolve(script));

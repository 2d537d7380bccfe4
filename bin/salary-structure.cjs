#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx salary-structure` works right after `npm ci`.
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');
main(process.argv.slice(2)).then((code) => { process.exitCode = code; });

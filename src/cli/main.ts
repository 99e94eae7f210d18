#!/usr/bin/env node
import { readFileSync, statSync } from 'fs';
import { runCli } from './run';
import { MAX_INPUT_BYTES } from '../private/yaml-source';

process.exitCode = runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: (path) => {
    if (statSync(path).size > MAX_INPUT_BYTES) { throw new Error(`larger than ${MAX_INPUT_BYTES / 1024 / 1024} MiB`); }
    return readFileSync(path, 'utf8');
  },
});

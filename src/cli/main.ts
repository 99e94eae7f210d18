#!/usr/bin/env node
import { writeFileSync } from 'fs';
import { runCli } from './run';
import { readTextFile } from './text-file';

void runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  readFile: readTextFile,
  writeFile: (path, text) => writeFileSync(path, text),
}).then((code) => {
  // Not process.exit(): output still queued for a pipe would be cut off.
  process.exitCode = code;
});

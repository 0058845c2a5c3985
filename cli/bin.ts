#!/usr/bin/env -S npx tsx
// Executable entry of `xize` (package.json "bin"): runs the CLI with tsx.
import { main } from './main.ts';

process.exitCode = main(process.argv.slice(2));

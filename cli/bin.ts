#!/usr/bin/env node
// Executable entry of `xize`: the package "bin" is this file built to dist/esm/cli.js and run by
// plain node (`npm run build`); in the checkout `npm run xize` runs cli/main.ts with tsx.
// `--version` answers without loading the compiler; every other command loads the CLI lazily.
import { VERSION } from './version.ts';

const argv = process.argv.slice(2);
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  process.stdout.write(`xize ${VERSION}\n`);
} else {
  const { main } = await import('./main.ts');
  process.exitCode = main(argv);
}

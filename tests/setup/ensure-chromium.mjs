// Runs before `npm test`: the browser tests drive Debian's chromium through playwright-core.
// On a fresh Debian machine it installs the package with apt-get (as root); it never downloads
// a browser of its own (`npx playwright install` cannot work here).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) {
  const root = process.getuid?.() === 0;
  const sudo = root ? [] : ['sudo'];
  console.error(`chromium not found at ${CHROMIUM}: installing Debian's chromium with apt-get …`);
  const run = (args) => spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const ok = run([...sudo, 'apt-get', 'update']).status === 0 && run([...sudo, 'apt-get', 'install', '-y', 'chromium', 'fonts-noto-cjk']).status === 0;
  if (!ok || !existsSync(CHROMIUM)) {
    console.error('could not install chromium; install the Debian package `chromium` and run the tests again.');
    process.exit(1);
  }
}

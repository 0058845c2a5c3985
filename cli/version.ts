// The package version `xize --version` prints (kept equal to package.json by tests/cli/package.test.ts).
export const VERSION = '0.1.0';

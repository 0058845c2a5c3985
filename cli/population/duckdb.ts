// The DuckDB addon, for modules that load it only when they need it (`await import('./duckdb.ts')`):
// a module of ours, so the CLI bundle turns the import into a lazy require of the bundled code
// (cli/launch.ts runs the bundle without dynamic import of packages).
export { DuckDBInstance } from '@duckdb/node-api';

// DuckDB SQL text of names and values the population code puts into its own queries: a quoted
// identifier (a policy's input/output name, a column the user names) and a string literal (a
// file path, a group key). Policy text reaches SQL only through these two.
export const ident = (s: string): string => `"${s.replace(/"/g, '""')}"`;
export const lit = (s: string): string => `'${s.replace(/'/g, "''")}'`;

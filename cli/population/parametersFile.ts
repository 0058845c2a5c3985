// Reads a `--parameters <file.json>` option: one JSON object of parameter values by name.
// An unreadable file or anything but an object is an input-file error (exit 3), never a stack trace.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputFileError } from '../args.ts';
import { displayPath } from '../io.ts';

export function readParametersFile(file: string | undefined): Record<string, string> {
  if (!file) return {};
  const shown = displayPath(resolve(file));
  let v: unknown;
  try {
    v = JSON.parse(readFileSync(resolve(file), 'utf8'));
  } catch (e) {
    throw new InputFileError(`无法读取参数文件 ${shown}：${(e as Error).message}`, `cannot read the parameters file ${shown}: ${(e as Error).message}`);
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new InputFileError(`参数文件 ${shown} 应为一个 JSON 对象`, `the parameters file ${shown} must hold one JSON object`);
  return v as Record<string, string>;
}

// A tiny argument parser: positionals, `--flag`, `--key value`, `--key=value`, `-o value`.
// Unknown options are usage errors (exit code 2).

export class UsageError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'UsageError';
  }
}

/** Input the CLI cannot read (missing folder or file): exit code 3. */
export class InputFileError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = 'InputFileError';
  }
}

export interface OptionSpec {
  /** long name without dashes */
  name: string;
  alias?: string;
  /** takes a value */
  value?: boolean;
  /** allowed values */
  choices?: string[];
}

export interface Parsed {
  positionals: string[];
  flags: Map<string, string | true>;
}

export function parseArgs(argv: string[], specs: OptionSpec[]): Parsed {
  const byName = new Map<string, OptionSpec>();
  for (const s of specs) {
    byName.set(`--${s.name}`, s);
    if (s.alias) byName.set(`-${s.alias}`, s);
  }
  const out: Parsed = { positionals: [], flags: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('-') && a !== '-') {
      const eq = a.indexOf('=');
      const key = eq > 0 && a.startsWith('--') ? a.slice(0, eq) : a;
      const spec = byName.get(key);
      if (!spec) throw new UsageError(`未知选项 ${key}`, `unknown option ${key}`);
      if (spec.value) {
        let v: string | undefined;
        if (eq > 0 && a.startsWith('--')) v = a.slice(eq + 1);
        else v = argv[++i];
        if (v === undefined || v === '') throw new UsageError(`选项 ${key} 需要一个值`, `option ${key} needs a value`);
        if (spec.choices && !spec.choices.includes(v)) {
          throw new UsageError(`选项 ${key} 的值应为 ${spec.choices.join('、')} 之一`, `option ${key} must be one of ${spec.choices.join(', ')}`);
        }
        out.flags.set(spec.name, v);
      } else {
        if (eq > 0 && a.startsWith('--')) throw new UsageError(`选项 ${key} 不带值`, `option ${key} takes no value`);
        out.flags.set(spec.name, true);
      }
    } else out.positionals.push(a);
  }
  return out;
}

export function str(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function bool(p: Parsed, name: string): boolean {
  return p.flags.get(name) === true;
}

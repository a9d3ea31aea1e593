import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';

/** One YAML file of a knowledge folder, named as it appears in messages (`quiz/iso.yaml`). */
export interface YamlSourceFile {
  /** File name inside the folder, e.g. `iso.yaml`. */
  name: string;
  /** `<folder>/<name>`, the prefix of every `file:line: message` problem. */
  file: string;
  text: string;
}

/** A parsed YAML document and a way to find the line of any path in it. */
export interface ParsedYaml {
  data: unknown;
  /** 1-based line of the deepest node along `p` that exists in the document. */
  lineOf(p: readonly PropertyKey[]): number;
}

/**
 * Reads every `*.yaml`/`*.yml` file of `dir`, sorted by name. Unreadable files are reported in
 * `problems` as `file:1: cannot read (...)` and skipped; a missing folder throws nothing but
 * returns `undefined` so that the caller can word the problem.
 */
export async function readYamlFiles(
  dir: string,
  problems: string[],
): Promise<YamlSourceFile[] | undefined> {
  const prefix = path.basename(dir);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return undefined;
  }
  const files: YamlSourceFile[] = [];
  for (const name of names) {
    const file = `${prefix}/${name}`;
    try {
      files.push({ name, file, text: await fs.readFile(path.join(dir, name), 'utf8') });
    } catch (error) {
      problems.push(`${file}:1: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
    }
  }
  return files;
}

/**
 * Parses one YAML file. Syntax errors are appended to `problems` as `file:line: YAML: message`
 * and `undefined` is returned.
 */
export function parseYaml(source: YamlSourceFile, problems: string[]): ParsedYaml | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(source.text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push(
        `${source.file}:${counter.linePos(e.pos[0]).line}: YAML: ${e.message.split('\n')[0]}`,
      );
    }
    return undefined;
  }
  return { data: doc.toJS(), lineOf: (p) => lineOfPath(doc, counter, p) };
}

/** Appends every zod issue as `file:line: path: message`. */
export function pushSchemaIssues(
  file: string,
  parsed: ParsedYaml,
  error: z.ZodError,
  problems: string[],
): void {
  for (const issue of error.issues) {
    const where = issue.path.map(String).join('.') || '(root)';
    problems.push(`${file}:${parsed.lineOf(issue.path)}: ${where}: ${issue.message}`);
  }
}

function lineOfPath(doc: Document, counter: LineCounter, p: readonly PropertyKey[]): number {
  for (let n = p.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(p.slice(0, n), true)) as
      { range?: [number, number, number] } | null | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return 1;
}

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { KnowledgeError } from '../errors';
import type { Glossary } from '../language';
import { parseMarkdownDocument } from './markdown-document';
import { glossarySchema, topicsSchema } from './schema';
import type { KnowledgeDocument } from './types';

/** Everything under the knowledge directory that the Q&A side needs, validated as a whole. */
export interface KnowledgeCorpus {
  documents: KnowledgeDocument[];
  glossary: Glossary;
  /** Topic id → Vietnamese name. */
  topics: Record<string, string>;
  /** SHA-256 over every file read: the index cache key. */
  contentHash: string;
}

/**
 * Loads and validates `docs/*.md`, `glossary.yaml` and `topics.yaml`. Either everything is valid
 * and returned, or a `KnowledgeError` lists every problem as `file:line: message`: never half-loads.
 */
export async function loadKnowledgeCorpus(dir: string): Promise<KnowledgeCorpus> {
  const problems: string[] = [];
  const hash = createHash('sha256');
  const read = async (rel: string): Promise<string | undefined> => {
    try {
      const text = await fs.readFile(path.join(dir, rel), 'utf8');
      hash.update(rel).update('\0').update(text).update('\0');
      return text;
    } catch (error) {
      problems.push(`${rel}:1: cannot read (${(error as NodeJS.ErrnoException).code ?? error})`);
      return undefined;
    }
  };

  let files: string[] = [];
  try {
    files = (await fs.readdir(path.join(dir, 'docs'))).filter((f) => f.endsWith('.md')).sort();
  } catch {
    throw new KnowledgeError([`${path.join(dir, 'docs')}:1: directory not found`]);
  }
  if (files.length === 0) problems.push('docs:1: no Markdown document found');

  const documents: KnowledgeDocument[] = [];
  for (const name of files) {
    const rel = `docs/${name}`;
    const text = await read(rel);
    if (text === undefined) continue;
    const result = parseMarkdownDocument(rel, text);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const { meta, sections } = result.value;
    if (`${meta.id}.md` !== name) problems.push(`${rel}:2: id "${meta.id}" must match the file name`);
    documents.push({
      ...meta,
      number: meta.number,
      file: rel,
      sections: sections.map((s) => ({ ...s, docId: meta.id })),
    });
  }

  const glossary = parseYamlFile('glossary.yaml', await read('glossary.yaml'), glossarySchema, problems);
  const topics = parseYamlFile('topics.yaml', await read('topics.yaml'), topicsSchema, problems);

  const ids = new Map<string, string>();
  for (const doc of documents) {
    const other = ids.get(doc.id);
    if (other) problems.push(`${doc.file}:2: duplicate id "${doc.id}" (also in ${other})`);
    ids.set(doc.id, doc.file);
  }
  for (const doc of documents) {
    for (const id of doc.replacedBy ?? []) {
      if (ids.has(id)) continue;
      problems.push(`${doc.file}:1: replacedBy "${id}" is not a known document id`);
    }
    for (const topic of doc.topics) {
      if (topics && !(topic in topics)) {
        problems.push(`${doc.file}:1: topic "${topic}" is not listed in topics.yaml`);
      }
    }
  }

  if (problems.length > 0 || !glossary || !topics) throw new KnowledgeError(problems);
  return { documents, glossary, topics, contentHash: hash.digest('hex') };
}

function parseYamlFile<S extends z.ZodType>(
  file: string,
  text: string | undefined,
  schema: S,
  problems: string[],
): z.infer<S> | undefined {
  if (text === undefined) return undefined;
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push(`${file}:${counter.linePos(e.pos[0]).line}: YAML: ${e.message.split('\n')[0]}`);
    }
    return undefined;
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const node = doc.getIn(issue.path, true) as { range?: [number, number, number] } | undefined;
    const line = node?.range ? counter.linePos(node.range[0]).line : 1;
    problems.push(`${file}:${line}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return undefined;
}

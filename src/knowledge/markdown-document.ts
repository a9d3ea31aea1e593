import { LineCounter, parseDocument } from 'yaml';
import { documentMetaSchema, type DocumentMeta } from './schema';
import type { Section } from './types';

export interface ParsedDocument {
  meta: DocumentMeta;
  sections: Omit<Section, 'docId'>[];
}

export type ParseResult = { ok: true; value: ParsedDocument } | { ok: false; problems: string[] };

const ARTICLE = /^(Điều\s+\d+[a-zđ]?)\.(?:\s|$)/u;
const LABEL_SEPARATOR = ' — ';

/** The citable label of a heading: `Điều 22`, the part before ` — `, or the whole heading. */
export function sectionLabel(heading: string): string {
  const article = ARTICLE.exec(heading);
  if (article) return article[1]!.replace(/\s+/g, ' ');
  const dash = heading.indexOf(LABEL_SEPARATOR);
  return dash > 0 ? heading.slice(0, dash).trim() : heading;
}

/**
 * Parses one knowledge Markdown file: YAML front matter between `---` lines, then `##` headings,
 * each starting a section. Problems are reported as `file:line: message`, all of them at once.
 */
export function parseMarkdownDocument(file: string, source: string): ParseResult {
  const text = normalizeNewlines(source).normalize('NFC');
  const lines = text.split('\n');
  const problems: string[] = [];
  const at = (line: number, message: string) => problems.push(`${file}:${line}: ${message}`);

  if (lines[0]?.trim() !== '---') {
    at(1, 'front matter must start with a line "---"');
    return { ok: false, problems };
  }
  const close = lines.indexOf('---', 1);
  if (close < 0) {
    at(1, 'front matter is not closed by a line "---"');
    return { ok: false, problems };
  }

  const counter = new LineCounter();
  const yamlText = lines.slice(1, close).join('\n');
  const doc = parseDocument(yamlText, { lineCounter: counter, prettyErrors: false });
  const lineOfOffset = (offset: number) => counter.linePos(offset).line + 1; // +1 for the first ---
  for (const err of doc.errors) at(lineOfOffset(err.pos[0]), `YAML: ${err.message.split('\n')[0]}`);
  if (doc.errors.length > 0) return { ok: false, problems };

  const parsed = documentMetaSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const node = issue.path.length > 0 ? doc.getIn(issue.path.slice(0, 1), true) : undefined;
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      const line = range ? lineOfOffset(range[0]) : 1;
      at(line, `${issue.path.join('.') || 'front matter'}: ${issue.message}`);
    }
  }

  const sections: Omit<Section, 'docId'>[] = [];
  let current: { heading: string; line: number; body: string[] } | undefined;
  const flush = () => {
    if (!current) return;
    const body = current.body.join('\n').trim();
    if (!body) at(current.line, `section "${current.heading}" is empty`);
    sections.push({
      label: sectionLabel(current.heading),
      heading: current.heading,
      text: body,
      line: current.line,
    });
  };
  for (let i = close + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(line);
    if (heading && !line.startsWith('###')) {
      flush();
      current = { heading: heading[1]!.trim(), line: i + 1, body: [] };
    } else if (current) {
      current.body.push(line);
    } else if (line.trim() && !line.startsWith('# ')) {
      at(i + 1, 'text before the first "## " heading belongs in a section');
    }
  }
  flush();
  if (sections.length === 0) at(close + 2, 'no "## " section found');
  const seen = new Map<string, number>();
  for (const s of sections) {
    const first = seen.get(s.label);
    if (first !== undefined) at(s.line, `duplicate section label "${s.label}" (first at line ${first})`);
    else seen.set(s.label, s.line);
  }

  if (!parsed.success || problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { meta: parsed.data, sections } };
}

function normalizeNewlines(s: string): string {
  return s.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

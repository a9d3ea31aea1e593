import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { KnowledgeError } from '../../../src/errors';
import { loadKnowledgeCorpus } from '../../../src/knowledge';

const GOOD = `---
id: vb-mot
title: Văn bản mẫu
number: 1/2024/NĐ-CP
issuer: Chính phủ
status: in-force
topics: [chu-ky-so]
---

## Điều 1. Phạm vi
Nội dung điều một.
`;

async function tempKnowledge(files: Record<string, string>): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-'));
  await fs.mkdir(path.join(dir, 'docs'));
  const all = {
    'glossary.yaml': 'abbreviations:\n  - abbr: CĐS\n    full: chuyển đổi số\n',
    'topics.yaml': 'chu-ky-so: Chữ ký số\n',
    ...files,
  };
  for (const [name, text] of Object.entries(all)) await fs.writeFile(path.join(dir, name), text);
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadKnowledgeCorpus(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).problems;
  }
  throw new Error('expected the load to fail');
}

describe('loadKnowledgeCorpus', () => {
  it('loads every shipped document with valid ids, links and sections', async () => {
    const corpus = await loadKnowledgeCorpus(path.resolve('knowledge'));
    expect(corpus.documents.length).toBeGreaterThanOrEqual(5);
    const ids = new Set(corpus.documents.map((d) => d.id));
    for (const required of [
      'luat-giao-dich-dien-tu-2023',
      'nd-68-2024',
      'nd-30-2020',
      'qd-19-2014',
      'luat-chuyen-doi-so-2025',
    ]) {
      expect(ids).toContain(required);
    }
    for (const doc of corpus.documents) {
      expect(doc.sections.length).toBeGreaterThan(0);
      for (const id of doc.replacedBy ?? []) expect(ids).toContain(id);
      if (doc.source) expect(doc.source).toMatch(/^https?:\/\//);
      for (const s of doc.sections) {
        expect(s.text.length).toBeGreaterThan(20);
        expect(s.text).toBe(s.text.normalize('NFC'));
      }
    }
    expect(corpus.glossary.abbreviations.length).toBeGreaterThanOrEqual(60);
  });

  it('splits headings into sections with article labels', async () => {
    const dir = await tempKnowledge({ 'docs/vb-mot.md': GOOD });
    const corpus = await loadKnowledgeCorpus(dir);
    expect(corpus.documents[0]!.sections).toEqual([
      expect.objectContaining({ label: 'Điều 1', heading: 'Điều 1. Phạm vi', line: 10 }),
    ]);
  });

  it('reports file:line for every bad file and loads nothing', async () => {
    const badStatus = GOOD.replace('vb-mot', 'vb-hai').replace('in-force', 'valid');
    const badDate = GOOD.replace('vb-mot', 'vb-ba').replace('status:', 'issued: 5/3/2020\nstatus:');
    const dir = await tempKnowledge({
      'docs/vb-mot.md': GOOD,
      'docs/vb-hai.md': badStatus,
      'docs/vb-ba.md': badDate,
      'docs/vb-bon.md': GOOD.replace('vb-mot', 'vb-bon').replace('Nội dung điều một.\n', ''),
      'docs/vb-nam.md': GOOD.replace('vb-mot', 'khac'),
      'docs/vb-sau.md': 'no front matter',
      'docs/vb-bay.md': GOOD.replace('vb-mot', 'vb-bay').replace('status: in-force', 'status: replaced\nreplacedBy: khong-co'),
      // Replaced in parts: each id must be known.
      'docs/vb-tam.md': GOOD.replace('vb-mot', 'vb-tam').replace(
        'status: in-force',
        'status: replaced\nreplacedBy: [vb-mot, khong-biet]',
      ),
      'docs/vb-chin.md': GOOD.replace('vb-mot', 'vb-chin').replace(
        'status: in-force',
        'status: replaced\nreplacedBy: [vb-mot, vb-mot]',
      ),
    });
    const problems = await problemsOf(dir);
    const text = problems.join('\n');
    expect(text).toMatch(/docs\/vb-hai\.md:6: status/);
    expect(text).toMatch(/docs\/vb-ba\.md:6: issued/);
    expect(text).toMatch(/docs\/vb-bon\.md:10: section "Điều 1\. Phạm vi" is empty/);
    expect(text).toMatch(/docs\/vb-nam\.md:2: id "khac" must match the file name/);
    expect(text).toMatch(/docs\/vb-sau\.md:1: front matter/);
    expect(text).toMatch(/docs\/vb-bay\.md:1: replacedBy "khong-co"/);
    expect(text).toMatch(/docs\/vb-tam\.md:1: replacedBy "khong-biet"/);
    expect(text).not.toMatch(/replacedBy "vb-mot"/);
    expect(text).toMatch(/docs\/vb-chin\.md:\d+: replacedBy: lists a document twice/);
  });

  it('rejects malformed YAML, unknown topics and a broken glossary', async () => {
    const dir = await tempKnowledge({
      'docs/vb-mot.md': GOOD.replace('[chu-ky-so]', '[chu-ky-so, la]'),
      'docs/vb-hai.md': GOOD.replace('vb-mot', 'vb-hai').replace('title: Văn bản mẫu', 'title: [oops'),
      'glossary.yaml': 'abbreviations:\n  - abbr: X\n',
    });
    const text = (await problemsOf(dir)).join('\n');
    expect(text).toMatch(/topic "la" is not listed/);
    expect(text).toMatch(/docs\/vb-hai\.md:\d+: YAML/);
    expect(text).toMatch(/glossary\.yaml:\d+: abbreviations\.0\.full/);
  });
});

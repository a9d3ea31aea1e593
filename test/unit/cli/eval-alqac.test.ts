import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { alqacDocuments, evaluateAlqac } from '../../../src/cli/eval-alqac';

const laws = [
  {
    id: 'Luật Hôn nhân và gia đình',
    articles: [
      {
        id: '31',
        text: 'Giao dịch liên quan đến nhà là nơi ở duy nhất của vợ chồng\n\nViệc xác lập, thực hiện, chấm dứt giao dịch liên quan đến nhà là nơi ở duy nhất của vợ chồng phải có sự thỏa thuận của vợ chồng.',
      },
      {
        id: '8',
        text: 'Điều kiện kết hôn\n\nNam từ đủ 20 tuổi trở lên, nữ từ đủ 18 tuổi trở lên.',
      },
    ],
  },
  {
    // Written in NFD on purpose: the benchmark files are not all NFC.
    id: 'Luật Du lịch'.normalize('NFD'),
    articles: [
      {
        id: '48',
        text: 'Các loại cơ sở lưu trú du lịch\n\nCơ sở lưu trú du lịch gồm khách sạn, biệt thự du lịch, căn hộ du lịch.'.normalize(
          'NFD',
        ),
      },
    ],
  },
];
const questions = [
  {
    question_id: 'q1',
    text: 'Bán ngôi nhà duy nhất của vợ chồng có cần vợ đồng ý không?',
    relevant_articles: [{ law_id: 'Luật Hôn nhân và gia đình', article_id: '31' }],
  },
  {
    question_id: 'q2',
    text: 'Theo Luật Du lịch, biệt thự du lịch là cơ sở lưu trú du lịch?'.normalize('NFD'),
    relevant_articles: [{ law_id: 'Luật Du lịch', article_id: '48' }],
  },
  {
    question_id: 'q3',
    text: 'Nữ bao nhiêu tuổi thì được kết hôn?',
    relevant_articles: [{ law_id: 'Luật Hôn nhân và gia đình', article_id: '8' }],
  },
];

describe('ALQAC evaluation', () => {
  it('turns laws into documents with one "Điều N" section per article, in NFC', () => {
    const docs = alqacDocuments(laws);
    expect(docs[1]!.title).toBe('Luật Du lịch');
    expect(docs[0]!.sections.map((s) => s.label)).toEqual(['Điều 31', 'Điều 8']);
    expect(docs[1]!.sections[0]!.text).toBe(docs[1]!.sections[0]!.text.normalize('NFC'));
  });

  it('scores a small corpus through the knowledge index', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'alqac-'));
    await fs.writeFile(path.join(dir, 'law.json'), JSON.stringify(laws));
    await fs.writeFile(path.join(dir, 'q.json'), JSON.stringify(questions));
    const report = await evaluateAlqac(path.join(dir, 'law.json'), path.join(dir, 'q.json'));
    expect(report).toMatchObject({
      questions: 3,
      'recall@1': 1,
      'recall@5': 1,
      'mrr@10': 1,
      'f2@1': 1,
    });
    expect(report.qps).toBeGreaterThan(0);
  });
});

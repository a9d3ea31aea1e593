import { alqacDocuments } from '../../../src/cli/eval-alqac';
import { buildSectionIndex, HybridRetriever } from '../../../src/knowledge';
import { VietnameseAnalyzer } from '../../../src/language';

const laws = [
  {
    id: 'Luật Trọng tài thương mại',
    articles: [
      {
        id: '3',
        text: 'Giải thích từ ngữ\n\nTrọng tài viên là người được các bên lựa chọn hoặc được Trung tâm trọng tài hoặc Tòa án chỉ định để giải quyết tranh chấp.',
      },
    ],
  },
  {
    id: 'Luật Tố tụng hành chính',
    articles: [
      {
        id: '63',
        text: 'Người giám định\n\nNgười giám định là người có kiến thức cần thiết, được các bên đương sự thỏa thuận lựa chọn.',
      },
      {
        id: '64',
        text: 'Người phiên dịch\n\nNgười phiên dịch là người có khả năng dịch từ một ngôn ngữ khác ra tiếng Việt.',
      },
    ],
  },
];

function retriever(): HybridRetriever {
  const documents = alqacDocuments(laws);
  const analyzer = new VietnameseAnalyzer();
  return new HybridRetriever({ documents, analyzer, index: buildSectionIndex(documents, analyzer) });
}

const found = (passages: { document: { title: string }; section: { label: string } }[]) =>
  passages.map((p) => `${p.document.title}|${p.section.label}`);

describe('HybridRetriever: a document named in the question', () => {
  it('ranks the named document first and still finds the article of another one', async () => {
    const { passages, query } = await retriever().retrieve(
      'Trọng tài viên là người được các bên lựa chọn để giải quyết tranh chấp theo quy định của Luật Tố tụng hành chính, đúng hay sai?',
    );
    expect(query.documents).toEqual(new Set([1]));
    const got = found(passages);
    expect(got[0]).toMatch(/^Luật Tố tụng hành chính\|/);
    expect(got).toContain('Luật Trọng tài thương mại|Điều 3');
    expect(passages[0]!.score).toBeGreaterThan(
      passages.find((p) => p.document.title === 'Luật Trọng tài thương mại')!.score,
    );
  });

  it('leaves the search of a question that names no document unrestricted', async () => {
    const { passages, query } = await retriever().retrieve(
      'Trọng tài viên là người được các bên lựa chọn, đúng hay sai?',
    );
    expect(query.documents).toBeUndefined();
    expect(found(passages)[0]).toBe('Luật Trọng tài thương mại|Điều 3');
  });
});

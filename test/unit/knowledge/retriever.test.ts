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

describe('HybridRetriever: a question asking for a definition', () => {
  // The term is used more in the article that does not define it; the definition says "X là".
  const definitions = [
    {
      id: 'Luật Dược',
      articles: [
        {
          id: '2',
          text: 'Giải thích từ ngữ\n\n1. Chất hướng thần là chất có tác dụng kích thích hoặc ức chế thần kinh.',
        },
        {
          id: '40',
          text: 'Quản lý thuốc\n\nCơ sở kinh doanh chất hướng thần phải báo cáo; việc mua, bán chất hướng thần là bắt buộc phải ghi sổ.',
        },
      ],
    },
  ];
  const retrieverOf = () => {
    const documents = alqacDocuments(definitions);
    const analyzer = new VietnameseAnalyzer();
    return new HybridRetriever({
      documents,
      analyzer,
      index: buildSectionIndex(documents, analyzer),
    });
  };

  it.each([
    'Chất hướng thần là gì?',
    'Chất hướng thần được định nghĩa là gì?',
    'chat huong than la gi',
    'Thế nào là chất hướng thần?',
  ])('ranks the defining article first: %s', async (question) => {
    const { passages, query } = await retrieverOf().retrieve(question);
    expect(query.definitions).toHaveLength(1);
    expect(found(passages)[0]).toBe('Luật Dược|Điều 2');
  });

  it.each(['CHT là gì?', 'cht la gi', 'Thế nào là CHT?'])(
    'reads an abbreviation in the term as the words it stands for: %s',
    async (question) => {
      const documents = alqacDocuments(definitions);
      const analyzer = new VietnameseAnalyzer({
        abbreviations: [{ abbr: 'CHT', full: 'chất hướng thần' }],
        synonyms: [],
      });
      const retriever = new HybridRetriever({
        documents,
        analyzer,
        index: buildSectionIndex(documents, analyzer),
      });
      const { passages, query } = await retriever.retrieve(question);
      expect(query.definitions?.[0]?.syllables).toEqual(['chất', 'hướng', 'thần']);
      expect(found(passages)[0]).toBe('Luật Dược|Điều 2');
    },
  );

  it('ranks by the words alone without a definition question', async () => {
    const { passages, query } = await retrieverOf().retrieve('chất hướng thần');
    expect(query.definitions).toBeUndefined();
    expect(found(passages)[0]).toBe('Luật Dược|Điều 40');
  });

  it('does not take "X là" in the middle of a phrase for a definition', async () => {
    // Điều 40 says "mua, bán chất hướng thần là bắt buộc": "chất hướng thần" does not start the
    // phrase there, so only Điều 2 gets the boost.
    const r = retrieverOf();
    const plain = await r.retrieve('chất hướng thần');
    const asked = await r.retrieve('chất hướng thần là gì');
    const score = (ps: typeof plain.passages, label: string) =>
      ps.find((p) => p.section.label === label)!.score;
    expect(score(asked.passages, 'Điều 40') / score(plain.passages, 'Điều 40')).toBeLessThan(
      score(asked.passages, 'Điều 2') / score(plain.passages, 'Điều 2'),
    );
  });
});

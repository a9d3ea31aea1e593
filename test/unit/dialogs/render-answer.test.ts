import { renderAnswer, renderAnswerPlain } from '../../../dialogs';
import type { AnswerResult, Citation } from '../../../src/knowledge/types';

const luat2023: Citation = {
  docId: 'luat-giao-dich-dien-tu-2023',
  number: '20/2023/QH15',
  title: 'Luật Giao dịch điện tử',
  section: 'Điều 23',
  status: 'in-force',
  url: 'https://vi.wikisource.org/wiki/Luật_Giao_dịch_điện_tử_2023',
};

const luat2005: Citation = {
  docId: 'luat-giao-dich-dien-tu-2005',
  number: '51/2005/QH11',
  title: 'Luật Giao dịch điện tử 2005',
  section: 'Điều 24',
  status: 'replaced',
  url: 'https://example.gov.vn/luat-51-2005',
  replacedBy: [
    {
      docId: 'luat-giao-dich-dien-tu-2023',
      number: '20/2023/QH15',
      title: 'Luật Giao dịch điện tử',
    },
  ],
};

const answered: AnswerResult = {
  question: 'Chữ ký số có giá trị như chữ ký tay không?',
  query: 'Chữ ký số có giá trị như chữ ký tay không?',
  answered: true,
  sentences: [
    { text: 'Chữ ký số có giá trị pháp lý tương đương chữ ký tay.', citation: 1 },
    { text: 'Trước năm 2024, nội dung này thuộc Luật năm 2005', citation: 2 },
  ],
  citations: [luat2023, luat2005],
  suggestions: [],
  confidence: 0.8,
};

const notFound: AnswerResult = {
  ...answered,
  question: 'Giá vàng hôm nay?',
  query: 'Giá vàng hôm nay?',
  answered: false,
  sentences: [],
  citations: [],
  suggestions: ['chữ ký số', 'văn bản điện tử', 'ISO 9001:2015', 'an toàn thông tin'],
  confidence: 0.05,
};

describe('renderAnswer (Markdown)', () => {
  const text = renderAnswer(answered);

  it('puts citation markers before the closing punctuation', () => {
    expect(text).toContain(
      'Chữ ký số có giá trị pháp lý tương đương chữ ký tay [1]. Trước năm 2024, nội dung này thuộc Luật năm 2005 [2]',
    );
  });

  it('ends with a full stop a clause the document ended with ";"', () => {
    const clause = renderAnswer({
      ...answered,
      sentences: [{ text: 'Nghị định gồm 7 chương, 38 điều và 6 phụ lục;', citation: 1 }],
    });
    expect(clause).toContain('Nghị định gồm 7 chương, 38 điều và 6 phụ lục [1].');
  });

  it('lists each source with number, title and section, and a working link', () => {
    expect(text).toContain('**Nguồn:**\n- [1] 20/2023/QH15 — Luật Giao dịch điện tử, Điều 23');
    expect(text).toContain(
      '[https://vi.wikisource.org/wiki/Luật\\_Giao\\_dịch\\_điện\\_tử\\_2023](https://vi.wikisource.org/wiki/Lu%E1%BA%ADt_Giao_d%E1%BB%8Bch_%C4%91i%E1%BB%87n_t%E1%BB%AD_2023)',
    );
    expect(text).toContain('- [2] 51/2005/QH11 — Luật Giao dịch điện tử 2005, Điều 24');
  });

  it('warns that a replaced document is no longer in force and names its replacement', () => {
    expect(text).toContain(
      '⚠️ 51/2005/QH11 đã hết hiệu lực, được thay thế bởi 20/2023/QH15 — Luật Giao dịch điện tử.',
    );
    expect(text).not.toMatch(/20\/2023\/QH15 (đã hết|vẫn còn)/);
  });

  it('names every document that replaced a part of a replaced one', () => {
    const split = renderAnswer({
      ...answered,
      citations: [
        luat2023,
        {
          ...luat2005,
          replacedBy: [
            {
              docId: 'a',
              number: '68/2024/NĐ-CP',
              title: 'Nghị định về chữ ký số chuyên dùng công vụ',
            },
            { docId: 'b', number: '23/2025/NĐ-CP', title: 'Nghị định về chữ ký điện tử' },
          ],
        },
      ],
    });
    expect(split).toContain(
      '51/2005/QH11 đã hết hiệu lực, được thay thế bởi 68/2024/NĐ-CP — Nghị định về chữ ký số chuyên dùng công vụ và 23/2025/NĐ-CP — Nghị định về chữ ký điện tử.',
    );
  });

  it('says an amended document is still in force but amended', () => {
    const amended = renderAnswer({
      ...answered,
      citations: [{ ...luat2023, status: 'amended' }, luat2005],
    });
    expect(amended).toContain(
      '⚠️ 20/2023/QH15 vẫn còn hiệu lực nhưng đã được sửa đổi, bổ sung; hãy đối chiếu với văn bản sửa đổi.',
    );
  });

  it('puts every citation of a sentence said by several sources before its full stop', () => {
    const out = renderAnswer({
      ...answered,
      sentences: [{ text: 'Phải báo trước 07 ngày làm việc.', citation: 1, alsoCitations: [2] }],
      citations: [luat2023, { ...luat2023, number: '', title: 'Hướng dẫn', section: 'Tạm ngừng' }],
    });
    expect(out.startsWith('Phải báo trước 07 ngày làm việc [1][2].')).toBe(true);
  });

  it('names a guide without a number by its title', () => {
    const guide = renderAnswer({
      ...answered,
      sentences: [{ text: 'Bước 1: cắm USB token', citation: 1 }],
      citations: [
        { ...luat2023, number: '', title: 'Hướng dẫn ký số', section: 'Cài đặt', url: '' },
      ],
    });
    expect(guide).toContain('- [1] Hướng dẫn ký số, Cài đặt');
    expect(guide).not.toContain('](');
  });

  it('is honest when nothing was found and suggests at most three topics', () => {
    const out = renderAnswer(notFound);
    expect(out).toMatch(/^Tôi chưa tìm thấy câu trả lời/);
    expect(out).toContain('- chữ ký số\n- văn bản điện tử\n- ISO 9001:2015');
    expect(out).not.toContain('an toàn thông tin');
    expect(out).not.toContain('Nguồn');
  });

  it('names the words the documents do not cover when that is why nothing was answered', () => {
    const out = renderAnswer({ ...notFound, unknownWords: ['lương', 'khiếu nại'] });
    expect(out).toMatch(
      /^Bộ tài liệu hiện có chưa có nội dung trả lời câu hỏi về “lương”, “khiếu nại”, nên/,
    );
    expect(out).not.toContain('Tôi chưa tìm thấy');
    expect(out).toContain('- chữ ký số\n- văn bản điện tử\n- ISO 9001:2015');
    const plain = renderAnswerPlain({ ...notFound, unknownWords: ['lương'] });
    expect(plain).toMatch(/^Bộ tài liệu hiện có chưa có nội dung trả lời câu hỏi về “lương”, nên/);
    expect(plain).toContain('  • chữ ký số');
    expect(renderAnswer({ ...notFound, unknownWords: [] })).toMatch(/^Tôi chưa tìm thấy/);
  });

  it('says which figure the documents do not state when that is why nothing was answered', () => {
    const out = renderAnswer({ ...notFound, unstatedFigure: 'money' });
    expect(out).toMatch(
      /^Các tài liệu gần nhất với câu hỏi không nêu mức tiền mà anh\/chị hỏi, nên/,
    );
    expect(out).toContain('- chữ ký số');
    const plain = renderAnswerPlain({ ...notFound, unstatedFigure: 'duration' });
    expect(plain).toMatch(
      /^Các tài liệu gần nhất với câu hỏi không nêu thời hạn, khoảng thời gian mà/,
    );
  });

  it('names the documents the knowledge base lacks when the question is about one', () => {
    const out = renderAnswer({ ...notFound, unknownDocuments: ['Luật Cán bộ, công chức'] });
    expect(out).toMatch(/^Bộ tài liệu hiện có chưa có “Luật Cán bộ, công chức”, nên/);
    expect(out).toContain('- chữ ký số');
    const plain = renderAnswerPlain({ ...notFound, unknownDocuments: ['NĐ 100/2019'] });
    expect(plain).toMatch(/^Bộ tài liệu hiện có chưa có “NĐ 100\/2019”, nên/);
  });

  it('says which articles of a document it holds when the question names another', () => {
    const document = { number: '30/2020/NĐ-CP', title: 'Nghị định về công tác văn thư' };
    const available = Array.from({ length: 12 }, (_, i) => `Điều ${i + 1}`);
    const out = renderAnswer({
      ...notFound,
      unknownArticles: { articles: ['Điều 26'], document, available },
    });
    expect(out).toMatch(
      /^Bộ tài liệu hiện có chỉ tóm tắt một phần của 30\/2020\/NĐ-CP \(Nghị định về công tác văn thư\): Điều 1, Điều 2, .*Điều 10, …; chưa có Điều 26, nên/,
    );
    expect(out).not.toContain('Điều 11');
    expect(out).toContain('- chữ ký số');
    const general = renderAnswerPlain({
      ...notFound,
      unknownArticles: {
        articles: ['Điều 2'],
        document: { number: '', title: 'Luật X' },
        available: [],
      },
    });
    expect(general).toMatch(
      /^Bộ tài liệu hiện có chỉ tóm tắt một phần của Luật X \(phần thông tin chung\); chưa có Điều 2,/,
    );
  });

  it('falls back to default topics when the answerer suggests none', () => {
    const out = renderAnswer({ ...notFound, suggestions: [' '] });
    expect(out.match(/^- /gm)).toHaveLength(3);
  });
});

describe('renderAnswerPlain', () => {
  it('shows the same content without Markdown', () => {
    const out = renderAnswerPlain(answered);
    expect(out).toContain(
      'Nguồn:\n[1] 20/2023/QH15 — Luật Giao dịch điện tử, Điều 23\n    https://vi.wikisource.org/wiki/Luật_Giao_dịch_điện_tử_2023',
    );
    expect(out).toContain('    ⚠️ 51/2005/QH11 đã hết hiệu lực');
    expect(out).not.toContain('**');
    expect(renderAnswerPlain(notFound)).toContain('  • chữ ký số');
  });
});

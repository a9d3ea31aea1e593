import { VietnameseAnalyzer } from '../../../src/language';
import { QueryBuilder } from '../../../src/knowledge/query-builder';

const builder = new QueryBuilder(new VietnameseAnalyzer(), [
  { title: 'Luật Giao dịch điện tử', number: '20/2023/QH15' },
  { title: 'Nghị định quy định về chữ ký số chuyên dùng công vụ', number: '68/2024/NĐ-CP' },
]);

describe('QueryBuilder: articles named in the question', () => {
  it.each([
    ['Điều 22 Luật Giao dịch điện tử quy định gì?', ['Điều 22']],
    ['dieu 9 nghi dinh 68/2024 noi gi', ['Điều 9']],
    ['Theo khoản 3 Điều 2 và điểm a khoản 1 Điều 8, ai phải ký?', ['Điều 2', 'Điều 8']],
    ['ĐIỀU 23 nói gì về chữ ký số?', ['Điều 23']],
  ])('finds the article in %p', (question, labels) => {
    expect(builder.build(question).articles).toEqual(labels);
  });

  it.each(['Điều nào quy định về chữ ký số?', 'Điều kiện cấp chứng thư là gì?', 'chữ ký số 2024'])(
    'finds none in %p',
    (question) => {
      expect(builder.build(question).articles).toBeUndefined();
    },
  );

  it.each([
    ['Theo Phụ lục II Nghị định 30/2020/NĐ-CP, viết hoa thế nào?', ['Phụ lục II']],
    ['phu luc iv nd 30 quy dinh gi', ['Phụ lục IV']],
    ['Phụ lục I và Phụ lục III nói gì?', ['Phụ lục I', 'Phụ lục III']],
  ])('finds the appendices in %p, and leaves their words in the query', (question, labels) => {
    const query = builder.build(question);
    expect(query.appendices).toEqual(labels);
    expect(query.text).toMatch(/ph[uụ] l[uụ]c/);
  });

  it.each(['Phụ lục văn bản đặt ở đâu?', 'phụ lục kèm theo có phải ký số không'])(
    'finds no appendix in %p',
    (question) => {
      expect(builder.build(question).appendices).toBeUndefined();
    },
  );

  it.each([
    ['Theo Nghị định số 68/2024/NĐ-CP, chứng thư có hạn bao lâu?', 'theo chứng thư có hạn bao lâu'],
    ['NĐ 68 quy định chứng thư công vụ', 'chứng thư công vụ'],
    ['nghị định 68 chứng thư công vụ', 'chứng thư công vụ'],
    // A number that is no số hiệu stays: an age, a date.
    ['Nghị định 68/2024 cấp chứng thư từ 18 tuổi?', 'cấp chứng thư từ 18 tuổi'],
    ['NĐ 68: chứng thư cấp ngày 1/1/2025', 'chứng thư cấp ngày 1 1 2025'],
    // Issuer codes are known ones: "ban" is a word.
    ['68/2024/NĐ-CP ban hành chứng thư', 'ban hành chứng thư'],
  ])('keeps the số hiệu of a document it found out of the query: %p', (question, text) => {
    const query = builder.build(question);
    expect(query.documents).toEqual(new Set([1]));
    expect(query.text).toBe(text);
    // Its words still count, as grammatical words do.
    expect(query.terms.find((t) => t.term === '~68')?.weight).toBe(0.3);
  });

  it('finds a document by a kind word and its number only when the kinds agree', () => {
    const kinds = new QueryBuilder(new VietnameseAnalyzer(), [
      { title: 'Quyết định phê duyệt Chương trình chuyển đổi số', number: '749/QĐ-TTg' },
    ]);
    expect(kinds.build('Quyết định 749 đặt mục tiêu gì?').documents).toEqual(new Set([0]));
    expect(kinds.build('QĐ 749 đặt mục tiêu gì?').documents).toEqual(new Set([0]));
    // "TTg" in the số hiệu is the issuer, not a thông tư.
    expect(kinds.build('Thông tư 749 đặt mục tiêu gì?').documents).toBeUndefined();
  });

  it('keeps the reference out of the search terms but the rest of the question in', () => {
    const query = builder.build('Theo khoản 3 Điều 2 Luật Giao dịch điện tử, chữ ký số là gì?');
    const terms = query.terms.map((t) => t.term);
    expect(terms).not.toContain('2');
    expect(terms).not.toContain('khoản');
    expect(terms).toContain('chữ');
    expect(query.documents).toEqual(new Set([0]));
  });
});

describe('QueryBuilder: a document named with an abbreviation', () => {
  const laws = new QueryBuilder(
    new VietnameseAnalyzer({
      abbreviations: [
        { abbr: 'ANM', full: 'an ninh mạng' },
        { abbr: 'CĐS', full: 'chuyển đổi số' },
      ],
      synonyms: [],
    }),
    [
      { title: 'Luật An ninh mạng', number: '116/2025/QH15' },
      { title: 'Luật Chuyển đổi số', number: '148/2025/QH15' },
      { title: 'Hướng dẫn chuyển đổi số cho cán bộ', number: '' },
    ],
  );

  it.each([
    ['Luật ANM 2025 điều 20 quy định về cái j vậy?', 0, '2025 về cái j'],
    ['luat cds co hieu luc tu khi nao', 1, 'co hieu luc tu'],
  ])('finds it in %p, its name out of the query', (question, doc, text) => {
    const query = laws.build(question);
    expect(query.documents).toEqual(new Set([doc]));
    expect(query.text).toBe(text);
  });

  it.each([
    // The abbreviation alone is a topic, not the law: its title has "Luật" too.
    'CĐS là gì?',
    'Cán bộ cần làm gì để CĐS hiệu quả?',
  ])('finds none in %p', (question) => {
    expect(laws.build(question).documents).toBeUndefined();
  });
});

describe('QueryBuilder: a document named by the opening of its title', () => {
  const glossary = {
    abbreviations: [
      { abbr: 'CNTT', full: 'công nghệ thông tin' },
      { abbr: 'TP', full: 'thành phố' },
      { abbr: 'ISO', full: 'tiêu chuẩn quốc tế về hệ thống quản lý' },
    ],
    synonyms: [],
  };
  const guides = new QueryBuilder(new VietnameseAnalyzer(glossary), [
    {
      title:
        'Cuộc thi đánh giá năng lực ứng dụng công nghệ thông tin, chuyển đổi số của cán bộ lãnh đạo, quản lý TP Cần Thơ',
      number: '',
    },
    { title: 'Hướng dẫn an toàn thông tin cơ bản cho cán bộ, công chức', number: '' },
    { title: 'Quy trình mẫu ISO — Xử lý văn bản đến', number: '' },
  ]);

  it.each([
    // Abbreviations spelled out on both sides; the title's words next to the run leave too.
    [
      'Cuộc thi đánh giá năng lực ứng dụng CNTT, chuyển đổi số của TP Cần Thơ gồm nội dung gì?',
      0,
      'gồm nội dung',
    ],
    [
      'cuoc thi danh gia nang luc ung dung cntt, chuyen doi so nam 2023 thi tren cong cu nao',
      0,
      'nam 2023 thi tren cong cu',
    ],
    [
      'Theo Hướng dẫn an toàn thông tin cơ bản, có nên cho đồng nghiệp mượn mật khẩu?',
      1,
      'theo nên cho đồng nghiệp mượn mật khẩu',
    ],
  ])('finds it in %p', (question, doc, text) => {
    const query = guides.build(question);
    expect(query.documents).toEqual(new Set([doc]));
    expect(query.text).toBe(text);
  });

  it.each([
    // Too short a run: "an toàn thông tin" is in many questions.
    'Cán bộ cần biết gì về an toàn thông tin cơ bản?',
    // An abbreviation spelled out on both sides is still one word typed: four in all.
    'quy trinh mau ISO mot cua thi ai lo tong hop y kien cua dan',
    // Half the title at least: "cuộc thi đánh giá năng lực ứng dụng" is 7 of 25.
    'Cuộc thi đánh giá năng lực ứng dụng tin học văn phòng thi những gì?',
  ])('finds none in %p', (question) => {
    expect(guides.build(question).documents).toBeUndefined();
  });
});

describe('QueryBuilder: coverage terms and the words checked against the documents', () => {
  const glossary = {
    abbreviations: [{ abbr: 'BHXH', full: 'bảo hiểm xã hội' }],
    synonyms: [['quét', 'scan'], ['chia sẻ', 'share', 'san sẻ']],
  };
  const withGlossary = new QueryBuilder(new VietnameseAnalyzer(glossary), [
    {
      title: 'Luật Chuyển đổi số',
      number: '148/2025/QH15',
      sections: [
        {
          text: 'Luật này thay thế Luật Công nghệ thông tin số 67/2006/QH11. Quyết định 2256/QĐ-UBND phê duyệt Đề án.',
        },
      ],
    },
  ]);

  it('covers an abbreviation by the words it stands for, and never by the letters typed', () => {
    const { coreTerms } = withGlossary.build('Sổ BHXH có được scan không?');
    expect(coreTerms).toEqual(expect.arrayContaining(['~bao_hiem', '~hiem_xa', '~xa_hoi']));
    expect(coreTerms.some((t) => t.includes('bhxh'))).toBe(false);
  });

  it('lets the other phrasings of a glossary word cover it, a phrase by all its pairs', () => {
    const { coreAlternatives } = withGlossary.build('share file cho đồng nghiệp');
    expect(coreAlternatives).toEqual(new Map([['~share', [['~chia_se'], ['~san_se']]]]));
    expect(withGlossary.build('gửi file cho đồng nghiệp').coreAlternatives).toBeUndefined();
  });

  it('leaves asking words out of the coverage: a passage need not say "bao lâu"', () => {
    const { coreTerms } = withGlossary.build('Hồ sơ lưu trữ bao lâu?');
    expect(coreTerms).toContain('lưu_trữ');
    expect(coreTerms.some((t) => t.includes('lâu'))).toBe(false);
  });

  it('checks content words, but not numbers, asking words or glossary words', () => {
    const { words } = withGlossary.build('Sổ BHXH năm 2025 scan bao lâu');
    expect(words.map((w) => [w.typed, w.checked])).toEqual([
      ['sổ', true],
      ['bhxh', false],
      ['năm', true],
      ['2025', false],
      ['scan', false],
      ['bao', false],
      ['lâu', false],
    ]);
  });

  it('names the documents asked about only when the knowledge base neither has nor cites them', () => {
    expect(withGlossary.build('Luật Đất đai 2024 quy định gì?').unknownDocuments).toEqual([
      'Luật Đất đai',
    ]);
    expect(withGlossary.build('Nghị định 100/2019 phạt gì?').unknownDocuments).toEqual([
      'Nghị định 100/2019',
    ]);
    // A Party document, numbered the Party's way.
    expect(withGlossary.build('Nghị quyết 18-NQ/TW đặt mục tiêu gì?').unknownDocuments).toEqual([
      '18-NQ/TW',
    ]);
    // A project, by its approving decision's number.
    expect(withGlossary.build('Đề án 06 của TTCP đặt chỉ tiêu gì?').unknownDocuments).toEqual([
      'Đề án 06',
    ]);
    expect(withGlossary.build('de an so 06 la gi').unknownDocuments).toEqual(['de an so 06']);
    for (const known of [
      'Đề án 2256 phê duyệt năm nào?',
      'Đề án chuyển đổi số của thành phố là gì?',
      'Luật Chuyển đổi số có hiệu lực khi nào?',
      'Luật Công nghệ thông tin còn hiệu lực không?',
      'Luật 67/2006/QH11 còn hiệu lực không?',
      'Luật Đất đai và Luật Chuyển đổi số',
      'luật đất đai quy định gì?',
    ]) {
      expect([known, withGlossary.build(known).unknownDocuments]).toEqual([known, undefined]);
    }
  });
});

describe('QueryBuilder: the question closing a story', () => {
  const builder = new QueryBuilder(new VietnameseAnalyzer(), []);

  it('keeps the coverage terms of the last sentence of a story told in several', () => {
    const { closingCore } = builder.build(
      'Tôi là văn thư phường. Chiều thứ Sáu tôi mới nhận một công văn thường qua phần mềm. Tôi có bắt buộc phải vào sổ ngay trong chiều nay không?',
    );
    expect(closingCore?.terms).toEqual(expect.arrayContaining(['bắt_buộc', 'vào_sổ']));
    expect(closingCore?.terms).not.toContain('công_văn');
  });

  it.each([
    // The closing question asks nothing of its own: the story is the question.
    'Anh/chị rời bàn làm việc để đi họp trong ít phút, máy tính vẫn mở phần mềm. Việc nên làm là gì?',
    // One sentence, or no story at all.
    'Tôi là văn thư phường, tôi có phải vào sổ văn bản đến ngay trong ngày không?',
    'Chữ ký số có giá trị như chữ ký tay không?',
  ])('keeps none for %p', (question) => {
    expect(builder.build(question).closingCore).toBeUndefined();
  });
});

describe('QueryBuilder: a bare figure asked after another question', () => {
  const previousQuestion = 'Nghị định 68/2024 có hiệu lực từ ngày nào?';
  const previous = builder.build(previousQuestion);

  it('asks who signed the document the question before named, of the document itself', () => {
    const query = builder.build('ai ký?', previous.text, previousQuestion);
    expect(query.followUp).toBe(true);
    expect(query.documents).toEqual(new Set([1]));
    expect(query.figure).toMatchObject({ kind: 'signer', subject: '68' });
    // Not the article's words the question before was about: the general section says who signed.
    expect(query.coreTerms).not.toContain('hiệu');
  });

  it('asks what the document it refers to rules, of that document', () => {
    const query = builder.build('nó quy định những gì?', previous.text, previousQuestion);
    expect(query.documents).toEqual(new Set([1]));
    expect(query.figure).toBeUndefined();
    expect(query.coreTerms).not.toContain('nó');
  });

  it('asks a figure of the topic before with at most one word of its own', () => {
    const query = builder.build('bao lâu làm một lần?', previous.text, previousQuestion);
    expect(query).toMatchObject({ followUp: true, mayStandAlone: true });
    expect(query.coreTerms).toEqual(expect.arrayContaining(['hiệu', 'lực']));
    // Two words of its own name a topic of their own.
    expect(builder.build('Phạt bao nhiêu tiền?', previous.text, previousQuestion).followUp).toBe(false);
    expect(builder.build('Chữ ký số có giá trị pháp lý không?', previous.text).followUp).toBe(false);
  });

  it('keeps the figure of the question before only for a follow-up that asks none itself', () => {
    const fines = 'Mua bán dữ liệu cá nhân bị phạt tối đa bao nhiêu?';
    const before = builder.build(fines);
    expect(builder.build('còn cá nhân thì sao?', before.text, fines).figure).toMatchObject({
      kind: 'money',
    });
    const own = builder.build('còn chữ ký số là gì?', before.text, fines);
    expect(own.figure).toBeUndefined();
    expect(own.mayStandAlone).toBe(true);
  });

  it('reads the same words as a question of their own without a question before', () => {
    const query = builder.build('ai ký?');
    expect(query.followUp).toBe(false);
    expect(query.figure).toBeUndefined();
    expect(query.documents).toBeUndefined();
  });
});

import fc from 'fast-check';
import {
  askingWords,
  asksHowTo,
  canonicalSyllable,
  comparedLevels,
  asksDifference,
  askedPredicate,
  asksSource,
  definedTerms,
  foldDiacritics,
  hasImpossibleMarks,
  hasImpossibleTone,
  isChatParticle,
  isFunctionWord,
  isScenario,
  tellsSituation,
  looksLikeFollowUp,
  asksBareFigure,
  asksOwnQuestion,
  withoutDocumentReference,
  openingLevel,
  levelsOf,
  namedLevels,
  namesLevel,
  normalizeText,
  opensWithLevel,
  stripAskerRole,
  stripQuestionFrames,
  VietnameseAnalyzer,
  type NamedLevel,
} from '../../../src/language';

const glossary = {
  abbreviations: [
    { abbr: 'CĐS', full: 'chuyển đổi số' },
    { abbr: 'TTHC', full: 'thủ tục hành chính' },
    { abbr: 'QLVB&ĐH', full: 'quản lý văn bản và điều hành' },
    { abbr: 'CA', full: 'tổ chức cung cấp dịch vụ chứng thực' },
  ],
  synonyms: [['thư điện tử', 'email']],
};
const analyzer = new VietnameseAnalyzer(glossary);

describe('normalisation', () => {
  it.each([
    ['hoà', 'hòa'],
    ['thuý', 'thúy'],
    ['quý', 'qúy'],
    ['khoẻ', 'khỏe'],
    ['Hoà Bình', 'Hòa Bình'],
    ['tuỳ', 'tùy'],
  ])('places tone marks canonically: %s = %s', (a, b) => {
    expect(normalizeText(a)).toBe(normalizeText(b));
  });

  it('keeps words whose tone needs no moving', () => {
    for (const w of ['người', 'chuyển', 'giải', 'hoàn', 'ngoài', 'thuở']) {
      expect(canonicalSyllable(w)).toBe(w);
    }
  });

  it('folds diacritics with đ → d', () => {
    expect(foldDiacritics('Chữ ký số Điều 22 đơn vị')).toBe('chu ky so dieu 22 don vi');
  });

  it('removes control characters and zero-width marks', () => {
    expect(normalizeText('a\u0000b\u200bc\u0007 d')).toBe('a b c d');
  });
});

describe('VietnameseAnalyzer', () => {
  it('gives accented and folded syllables plus bigrams', () => {
    expect(analyzer.terms('Chữ ký số')).toEqual([
      'chữ',
      '~chu',
      'kí',
      '~ki',
      'chữ_kí',
      '~chu_ki',
      'số',
      '~so',
      'kí_số',
      '~ki_so',
    ]);
  });

  it('lets a query typed without diacritics match folded terms only', () => {
    const query = analyzer.terms('chu ky so', { query: true });
    expect(query).toEqual(['~chu', '~ki', '~chu_ki', '~so', '~ki_so']);
    const doc = new Set(analyzer.terms('chữ ký số'));
    expect(query.every((t) => doc.has(t))).toBe(true);
  });

  it('treats kí/ký and quy/qui alike', () => {
    expect(analyzer.syllables('kí quy định lý')).toEqual(analyzer.syllables('ký qui định lí'));
  });

  it('expands abbreviations from the glossary, typed in capitals or lowercase', () => {
    for (const q of ['CĐS là gì', 'cds la gi', 'TTHC', 'phần mềm QLVB&ĐH']) {
      const terms = analyzer.terms(q, { query: true });
      expect(terms.some((t) => ['~chuyen_doi', '~thu_tuc', '~quan_li'].includes(t))).toBe(true);
    }
  });

  it('does not expand an ordinary lowercase syllable that happens to be an abbreviation', () => {
    expect(analyzer.terms('ca làm việc', { query: true })).not.toContain('~chung_thuc');
    expect(analyzer.terms('CA là gì', { query: true })).toContain('~chung_thuc');
  });

  it('tells which words of a question the glossary explains', () => {
    const words = analyzer.syllables('gửi email về CĐS cho ca trực');
    expect(words).toEqual(['gửi', 'email', 'về', 'cđs', 'cho', 'ca', 'trực']);
    // Flags of the syllables inside a glossary phrase.
    const synonymWords = (a: VietnameseAnalyzer, syllables: string[]) => {
      const flags = syllables.map(() => false);
      for (const { start, length } of a.synonymMatches(syllables))
        flags.fill(true, start, start + length);
      return flags;
    };
    // "email" is listed with "thư điện tử", "cđs" is an abbreviation; "ca" is an ordinary syllable.
    expect(synonymWords(analyzer, words)).toEqual([false, true, false, false, false, false, false]);
    expect(analyzer.synonymMatches(words)).toEqual([
      { start: 1, length: 1, others: [['thư', 'điện', 'tử']] },
    ]);
    expect(words.map((w) => analyzer.abbreviationExpansions(w))).toEqual([
      undefined,
      undefined,
      undefined,
      [['chuyển', 'đổi', 'số']],
      undefined,
      undefined,
      undefined,
    ]);
    const phrase = analyzer.syllables('thư điện tử công vụ');
    expect(synonymWords(analyzer, phrase)).toEqual([true, true, true, false, false]);
    expect(synonymWords(new VietnameseAnalyzer(), words)).toEqual(words.map(() => false));
  });

  it('expands synonym groups on the query side only', () => {
    expect(analyzer.terms('gửi email', { query: true })).toContain('~thu_dien');
    expect(analyzer.terms('gửi email')).not.toContain('~thu_dien');
  });

  it('matches a glossary word typed with marks only as listed, and one typed without by its folded form', () => {
    const chat = new VietnameseAnalyzer({
      abbreviations: [],
      synonyms: [
        ['nhanh', 'lẹ'],
        ['gửi', 'quăng'],
      ],
    });
    const matched = (text: string) =>
      chat.synonymMatches(chat.syllables(text)).map(({ start, length }) =>
        chat
          .syllables(text)
          .slice(start, start + length)
          .join(' '),
      );
    expect(matched('gửi cho lẹ')).toEqual(['gửi', 'lẹ']);
    expect(matched('gui cho le')).toEqual(['gui', 'le']);
    // "lễ" (holiday), "lề" (margin), "quảng" (as in "quảng cáo") are other words.
    expect(matched('ngày nghỉ lễ, lề trái, quảng cáo')).toEqual([]);
    expect(matched('quăng link')).toEqual(['quăng']);
  });

  it('weighs grammatical words and glossary expansions below the words as typed', () => {
    const w = analyzer.weightedTerms('thủ tục của CĐS', { functionWord: 0.3, expansion: 0.5 });
    expect(w.get('thủ')).toBe(1);
    expect(w.get('của')).toBe(0.3);
    expect(w.get('tục_của')).toBe(1); // a bigram with one content word keeps full weight
    expect(w.get('chuyển_đổi')).toBe(0.5);
    expect(w.get('~chuyen_doi')).toBe(0.5);
  });

  it('reads hours written with "h" as the documents write them ("72 giờ")', () => {
    expect(analyzer.syllables('trả lời trong 72h, họp 8h30')).toEqual([
      'trả',
      'lời',
      'trong',
      '72',
      'giờ',
      'họp',
      '8',
      'giờ',
      '30',
    ]);
    // A letter after a number is not always an hour.
    expect(analyzer.syllables('điểm h, 4G, h2, 1234h')).toEqual(['điểm', 'h', '4g', 'h2', '1234h']);
  });

  it('makes no bigram across punctuation', () => {
    expect(analyzer.terms('ký số. Văn bản')).not.toContain('số_văn');
  });

  it('property: folding is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = foldDiacritics(s);
        expect(foldDiacritics(once)).toBe(once);
      }),
    );
  });

  const vietnamese = fc.constantFrom(
    ...'chữ ký số giá trị pháp lý hòa hoà thuý thúy quý qúy chuyển đổi Điều văn thư hỏa tốc khoẻ'.split(
      ' ',
    ),
  );
  it('property: NFC and NFD input give the same terms', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(vietnamese, fc.string()), { maxLength: 8 }), (words) => {
        const text = words.join(' ');
        expect(analyzer.terms(text.normalize('NFD'))).toEqual(
          analyzer.terms(text.normalize('NFC')),
        );
      }),
    );
  });

  it('property: old and new tone placement give the same terms', () => {
    const pairs: [string, string][] = [
      ['hòa', 'hoà'],
      ['thúy', 'thuý'],
      ['qúy', 'quý'],
      ['khỏe', 'khoẻ'],
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pairs), { minLength: 1, maxLength: 5 }), (ps) => {
        const left = ps.map((p) => p[0]).join(' ');
        const right = ps.map((p) => p[1]).join(' ');
        expect(analyzer.terms(left)).toEqual(analyzer.terms(right));
      }),
    );
  });
});

describe('question helpers', () => {
  it.each([
    'Anh/chị rời bàn làm việc để đi họp trong ít phút. Việc nên làm với máy tính là gì?',
    'Lãnh đạo bận họp và đưa token cùng mã PIN cho Văn thư để "ký hộ" văn bản. Việc làm đúng là gì?',
    'Khi nhận được thư nghi là lừa đảo từ một địa chỉ lạ mạo danh lãnh đạo, cách xử lý đúng là gì?',
    'may tinh bi man hinh xanh roi tu khoi dong lai lien tuc khi dang soan van ban thi xu ly the nao',
    'Hồ sơ trễ hẹn vì phòng chuyên môn chưa chuyển kết quả lên hệ thống đúng ngày, đơn vị cần làm gì?',
    // Whether what someone did or said is right, after the situation.
    'Một bà cụ thường trú ở xã bên cạnh đến phường tôi nộp hồ sơ, đồng nghiệp bảo phải về xã mà nộp, nói vậy có đúng không?',
    'Có người gọi tự xưng công an, nói tôi liên quan vụ án và bắt chuyển tiền vào tài khoản tạm giữ, phải làm sao?',
    // The asker's own story, in sentences before the question.
    'Chị phó phòng đang đi công tác, nhắn tôi chèn ảnh chữ ký scan của chị vào công văn rồi phát hành cho kịp. Làm như vậy có được coi là văn bản đã ký số không?',
    'Thang sau toi chuyen cong tac sang don vi khac. Cai token chu ky so dang dung thi co mang theo duoc khong?',
  ])('reads %p as a scenario', (question) => {
    expect(isScenario(question)).toBe(true);
  });

  it.each([
    // Too short to tell a situation: an ordinary question.
    'Khi nhận thư lừa đảo, cách xử lý đúng là gì?',
    'Việc nên làm là gì?',
    'Chữ ký số có giá trị như chữ ký tay không?',
    'Anh/chị nhận được thư lạ yêu cầu đăng nhập vào trang giả mạo ngân hàng của cơ quan sáng nay',
    // A story needs the asker in it, and sentences of its own before the question.
    'Luật Chuyển đổi số được Quốc hội thông qua tại kỳ họp thứ 10 năm 2025. Luật có hiệu lực từ ngày nào?',
    'Tôi muốn hỏi chữ ký số chuyên dùng công vụ của cán bộ xã có thời hạn bao lâu và gia hạn ở đâu?',
    'Tôi mới chuyển công tác. Thủ tục?',
  ])('does not read %p as a scenario', (question) => {
    expect(isScenario(question)).toBe(false);
  });

  it.each([
    // Anyone's situation, told before the question: the last sentence is the question.
    'Cổng dịch vụ trực tuyến do sở quản lý đang lưu thông tin cá nhân của khoảng 15 nghìn tài khoản người dùng. Hệ thống này phải xếp cấp độ mấy?',
    'Luật Chuyển đổi số được Quốc hội thông qua tại kỳ họp thứ 10 năm 2025. Luật có hiệu lực từ ngày nào?',
    'Thang sau toi chuyen cong tac sang don vi khac. Cai token chu ky so dang dung thi co mang theo duoc khong?',
  ])('reads %p as a situation, then its question', (question) => {
    expect(tellsSituation(question)).toBe(true);
  });

  it.each([
    // One sentence, however long; or too few words before the question.
    'Tôi muốn hỏi chữ ký số chuyên dùng công vụ của cán bộ xã có thời hạn bao lâu và gia hạn ở đâu?',
    'Tôi mới chuyển công tác. Thủ tục?',
    'Chữ ký số là gì? Có giá trị như chữ ký tay không?',
  ])('does not read %p as a situation', (question) => {
    expect(tellsSituation(question)).toBe(false);
  });

  it.each([
    'Hướng dẫn cài đặt để ký số file PDF bằng Adobe Acrobat Reader?',
    'cach cai google authenticator de bat xac thuc hai yeu to',
    'cài VPN của cơ quan lên điện thoại android thế nào vậy ạ',
    'Làm sao để xuất danh sách hồ sơ ra Excel?',
    'Các bước tạo mục lục tự động trong Word?',
    'zoom bật phòng chờ ở đâu vậy, chỉ e từng bước với',
    'cài app SmartCA trên điện thoại rồi kích hoạt ntn',
  ])('reads %p as asking the steps of a task', (question) => {
    expect(asksHowTo(question)).toBe(true);
  });

  it.each([
    // What to do about a situation, whether something is allowed, what something is.
    'mo file word bi loi font mat dau tieng viet thi lam sao',
    'cài extension AI lên chrome máy cq được ko',
    'Chữ ký số có giá trị như chữ ký tay không?',
    'Cài đặt phần mềm lạ lên máy cơ quan có được không?',
  ])('does not read %p as asking the steps of a task', (question) => {
    expect(asksHowTo(question)).toBe(false);
  });

  it('finds the levels and versions a question names', () => {
    const keys = (q: string) => namedLevels(q).map((l) => [l.typed, l.key]);
    expect(keys('Cách đăng ký tài khoản định danh điện tử mức 2?')).toEqual([['mức 2', 'muc 2']]);
    expect(keys('cai may in tren windows 11')).toEqual([['windows 11', 'windows 11']]);
    expect(keys('Hệ thống cấp độ 3 do ai phê duyệt?')).toEqual([['cấp độ 3', 'cap do 3']]);
    // "mục 2" is a section; a word at two levels asks how they combine.
    expect(keys('Theo mục 2 Phụ lục I thì sao?')).toEqual([]);
    expect(keys('Một thành phần cấp độ 3, các thành phần khác cấp độ 2 thì cả hệ thống?')).toEqual(
      [],
    );
  });

  it('finds a level in a text, written with or without "độ"', () => {
    const [level] = namedLevels('tài khoản mức 2');
    expect(namesLevel('Tài khoản định danh điện tử mức độ 2 gồm …', level!)).toBe(true);
    expect(namesLevel('Dịch vụ công trực tuyến mức 2.', level!)).toBe(true);
    expect(namesLevel('mức 20 người', level!)).toBe(false);
    expect(namesLevel('VNeID là ứng dụng định danh điện tử', level!)).toBe(false);
    expect(namesLevel('theo TCVN ISO 9001:2015', namedLevels('ISO 9001')[0]!)).toBe(true);
  });

  it('strips question framing but never everything', () => {
    const s = analyzer.syllables('Chữ ký số là gì, đúng hay sai?');
    expect(stripQuestionFrames(s)).toEqual(['chữ', 'kí', 'số']);
    expect(stripQuestionFrames(['là', 'gì'])).toEqual(['là', 'gì']);
  });

  it.each([
    'điều nào quy định?',
    'Văn bản nào quy định vậy?',
    'theo văn bản nào?',
    'nghị định nào quy định?',
    'quy định ở điều nào?',
    'Điều mấy ạ?',
    'nội dung này ở điều nào?',
    'căn cứ vào đâu?',
    'dieu nao quy dinh',
    'câu trả lời trên trích từ đâu?',
  ])('%p asks where the last answer comes from', (q) => {
    expect(asksSource(q)).toBe(true);
  });

  it.each([
    'Văn bản nào quy định về chữ ký số?',
    'Điều nào quy định chữ ký số?',
    'Điều 5 nói gì?',
    'ai ký?',
    'điều',
    '',
  ])('%p asks a question of its own', (q) => {
    expect(asksSource(q)).toBe(false);
  });

  it('finds what a yes/no question asks of its subject', () => {
    const predicate = (q: string) => askedPredicate(analyzer.syllables(q));
    expect(predicate('Chứng thư chữ ký số chuyên dùng công vụ có được gia hạn không?')).toEqual([
      'gia',
      'hạn',
    ]);
    expect(predicate('Công chức nghỉ hưu có bị thu hồi chứng thư không ạ?')).toEqual([
      'thu',
      'hồi',
      'chứng',
      'thư',
    ]);
    // Without "có": the first modal opens it; typed without marks, as officials chat.
    expect(predicate('Cán bộ bắt buộc phải ký số không')).toEqual(['kí', 'số']);
    expect(predicate('chung thu so co duoc gia han ko')).toEqual(['gia', 'han']);
    // "cơ quan", "cán bộ" are no "có", "cần": typed with marks, words are compared as typed.
    expect(predicate('Cơ quan cần đóng dấu không?')).toEqual(['đóng', 'dấu']);
    expect(predicate('Cán bộ cơ quan có nên đổi mật khẩu không?')).toEqual(['đổi', 'mật', 'khẩu']);
    // The first "có": "… biết là có dùng AI không?" asks of telling the reviewer.
    expect(predicate('Có cần cho người duyệt biết là có dùng AI không?')).toEqual([
      'người',
      'duyệt',
      'biết',
      'dùng',
    ]);
    // Not yes/no questions, or nothing (or too much) between the modal and "không".
    expect(predicate('Luật có bao nhiêu điều?')).toBeUndefined();
    expect(predicate('Chữ ký số là gì?')).toBeUndefined();
    expect(predicate('Có được không?')).toBeUndefined();
    expect(
      predicate('Có được dùng chung token chữ ký số với đồng nghiệp cùng phòng không?'),
    ).toBeUndefined();
  });

  it('finds the terms a question asks to define', () => {
    const terms = (q: string) => definedTerms(analyzer.syllables(q));
    expect(terms('Chuyển đổi số là gì?')).toEqual([
      { syllables: ['chuyển', 'đổi', 'số'], anchor: 'end' },
    ]);
    // A defining verb before "là gì" is not part of the term; folded input works alike.
    expect(terms('Chất hướng thần được định nghĩa là gì?')).toEqual([
      { syllables: ['chất', 'hướng', 'thần'], anchor: 'end' },
    ]);
    expect(terms('van ban dien tu duoc hieu la gi')).toEqual([
      { syllables: ['van', 'ban', 'dien', 'tu'], anchor: 'end' },
    ]);
    expect(terms('Thế nào là ký số?')).toEqual([{ syllables: ['kí', 'số'], anchor: 'start' }]);
    expect(terms('Ký số có nghĩa là gì?')).toEqual([{ syllables: ['kí', 'số'], anchor: 'end' }]);
    expect(terms('Khái niệm chữ ký số')).toEqual([
      { syllables: ['chữ', 'kí', 'số'], anchor: 'start' },
    ]);
    expect(terms('Hiểu thế nào về chuyển đổi số?')).toEqual([
      { syllables: ['chuyển', 'đổi', 'số'], anchor: 'start' },
    ]);
    expect(terms('Theo luật thì chuyển đổi số được hiểu như thế nào?')).toEqual([
      { syllables: ['theo', 'luật', 'thì', 'chuyển', 'đổi', 'số'], anchor: 'end' },
    ]);
    expect(terms('Thao tác ký số được định nghĩa thế nào?')).toEqual([
      { syllables: ['thao', 'tác', 'kí', 'số'], anchor: 'end' },
    ]);
    // "thế nào" without a defining verb asks how, not what.
    expect(terms('Hình ảnh chữ ký số phải trình bày thế nào?')).toEqual([]);
    // Only at the start: "định nghĩa" inside a question is a verb ("… được định nghĩa là gì").
    expect(terms('Luật mới có định nghĩa chữ ký số không?')).toEqual([]);
    expect(terms('Khái niệm văn bản điện tử là gì?')).toEqual([
      { syllables: ['khái', 'niệm', 'văn', 'bản', 'điện', 'tử'], anchor: 'end' },
    ]);
    // At most eight syllables before "là gì" (a term such as "chữ ký số chuyên dùng công vụ"
    // has seven); the retriever tries the shorter ends.
    expect(terms('Xin cho tôi hỏi theo luật mới thì chữ ký số là gì?')).toEqual([
      { syllables: ['hỏi', 'theo', 'luật', 'mới', 'thì', 'chữ', 'kí', 'số'], anchor: 'end' },
    ]);
    expect(terms('Chữ ký số có giá trị pháp lý không?')).toEqual([]);
    expect(terms('là gì')).toEqual([]);
    // "là" marked, "gì" not: a syllable typed with marks must match exactly.
    expect(terms('Chữ ký số lá gì?')).toEqual([]);
  });

  it('tells a tone the final forbids (a mistyped mark) from a real syllable', () => {
    for (const typo of ['luât', 'lưc', 'đat', 'tiêp', 'sâch', 'hỏp']) {
      expect([typo, hasImpossibleTone(typo)]).toEqual([typo, true]);
    }
    for (const word of [
      'luật',
      'lực',
      'sách',
      'ích',
      'học',
      'lương',
      'sô',
      'phở',
      'sach',
      'luat',
    ]) {
      expect([word, hasImpossibleTone(word)]).toEqual([word, false]);
    }
  });

  it('tells marks that cannot be right (a typo) from a real syllable', () => {
    for (const typo of ['ngừoi', 'ngưoi', 'mưón', 'luât', 'lưc']) {
      expect([typo, hasImpossibleMarks(typo)]).toEqual([typo, true]);
    }
    for (const word of ['người', 'nguoi', 'thuở', 'mượn', 'lương', 'luật', 'sô']) {
      expect([word, hasImpossibleMarks(word)]).toEqual([word, false]);
    }
  });

  it('takes spoken particles and chat shorthand for grammatical words', () => {
    for (const word of [
      'hả',
      'nhỉ',
      'vô',
      'luôn',
      'đc',
      'dc',
      'cái',
      'rằng',
      'nữa',
      'đâu',
      'chiếc',
      // Southern particles and the asker's feelings, with their marks only.
      'hông',
      'dậy',
      'sợ',
      'hoài',
      // "chúng tôi", "chúng em": who asks; "cô", "thầy": a teacher speaking of herself, himself.
      'chúng',
      'cô',
      'thầy',
      // "… chứ không nộp lưu": a particle.
      'chứ',
    ]) {
      expect([word, isFunctionWord(word)]).toEqual([word, true]);
    }
    // Without marks: "hỏng" (broken), "dây" (cable), "số", "hoài" of "hoài nghi", "chứng", "thay"
    // (replace), "chủ".
    for (const word of [
      'vố',
      'lương',
      'thiệt',
      'hong',
      'day',
      'so',
      'hoai',
      'chung',
      'thay',
      'chu',
    ]) {
      expect([word, isFunctionWord(word)]).toEqual([word, false]);
    }
  });

  it('reads the levels a question compares, and the sentences that open with each', () => {
    const levels = comparedLevels(
      'DVC trực tuyến chủ động mức 2 với mức 3 khác nhau ở chỗ nào? Mức 3 thêm gì?',
    );
    expect(levels.map((l) => l.key)).toEqual(['muc 2', 'muc 3']);
    expect(comparedLevels('Tài khoản định danh mức 2 dùng để làm gì?')).toEqual([]);
    const [two, three] = levels as [NamedLevel, NamedLevel];
    expect(opensWithLevel('Mức 2: nhắc và điền sẵn hồ sơ.', two)).toBe(true);
    expect(opensWithLevel('Mức 3: như mức 2 và gợi ý phương án tốt nhất.', two)).toBe(false);
    expect(opensWithLevel('Mức 3: như mức 2 và gợi ý phương án tốt nhất.', three)).toBe(true);
    expect(opensWithLevel('Dịch vụ có 4 mức độ.', three)).toBe(false);
  });

  it.each([
    ['DVC trực tuyến chủ động mức 2 với mức 3 khác nhau ở chỗ nào?', true],
    ['Tài khoản định danh điện tử mức độ 2 khác mức độ 1 ở điểm nào?', true],
    ['tk dinh danh muc 1 voi muc 2 khac gi', true],
    ['Chữ ký số công cộng so với chữ ký số chuyên dùng thì sao?', true],
    // How levels combine is no difference asked.
    [
      'Một thành phần thuộc cấp độ 3, các thành phần khác thuộc cấp độ 2: cả hệ thống thuộc cấp độ nào?',
      false,
    ],
    ['Gửi cho cơ quan khác thì ký số thế nào?', false],
  ])('tells whether %p asks a difference', (question, asks) => {
    expect(asksDifference(question)).toBe(asks);
  });

  it('tells the particles of chat, which no document has, from words that look like them', () => {
    for (const word of ['ạ', 'nhé', 'ơi', 'hả', 'nhỉ', 'à', 'nha', 'nhen', 'giùm']) {
      expect([word, isChatParticle(word)]).toEqual([word, true]);
    }
    // "a" of "điểm a", "ha" of "hạ", "nhe" of "nhẹ", "hen" of "hẹn": typed without marks.
    for (const word of ['a', 'ha', 'nhe', 'hen', 'oi', 'có', 'số']) {
      expect([word, isChatParticle(word)]).toEqual([word, false]);
    }
  });

  it.each([
    [
      'Là giám đốc sở, tôi muốn hỏi: khi áp dụng ISO 9001 có phải thuê tổ chức chứng nhận không?',
      'tôi muốn hỏi: khi áp dụng ISO 9001 có phải thuê tổ chức chứng nhận không?',
    ],
    [
      'Tôi là trưởng phòng hành chính, nhân viên gửi nhầm hồ sơ thì sao?',
      'nhân viên gửi nhầm hồ sơ thì sao?',
    ],
    ['Với vai trò là thủ trưởng đơn vị: tôi phải làm gì?', 'tôi phải làm gì?'],
    ['la can bo mot cua, em can luu y gi khi nhan ho so', 'em can luu y gi khi nhan ho so'],
  ])("leaves the asker's role out of %p", (question, rest) => {
    expect(stripAskerRole(normalizeText(question))).toBe(normalizeText(rest));
  });

  it.each([
    // A story's first sentence, a role that is the question, nothing after the role.
    'Tôi là văn thư phường. Chiều thứ Sáu tôi nhận một công văn, có phải vào sổ ngay không?',
    'Là cán bộ, công chức thì có phải học chuyển đổi số không?',
    'Là giám đốc sở,',
    'Chữ ký số là gì, có giá trị như chữ ký tay không?',
  ])('keeps %p whole: it says no role before its question', (question) => {
    expect(stripAskerRole(normalizeText(question))).toBe(normalizeText(question));
  });

  it('finds the words that ask rather than name the topic', () => {
    const words = analyzer.syllables('Khái niệm chữ ký số bao lâu phần trăm lâu dài');
    expect(askingWords(words)).toEqual([
      true,
      true,
      false,
      false,
      false,
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(askingWords(analyzer.syllables('khai niem bao lau'))).toEqual([true, true, true, true]);
    expect(askingWords(analyzer.syllables('tần suất nào, lời khuyên'))).toEqual([
      true,
      true,
      false,
      true,
      true,
    ]);
    // "bn lâu", "bao nhiêu lâu": how long, typed in chat or in full.
    expect(askingWords(analyzer.syllables('giữ tối đa bn lâu'))).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(askingWords(analyzer.syllables('giu bao nhieu lau'))).toEqual([false, true, true, true]);
    expect(askingWords(analyzer.syllables('kích hoạt ntn'))).toEqual([false, false, true]);
    // Multiple-choice framing of contest questions.
    expect(askingWords(analyzer.syllables('Nhận định nào sau đây đúng'))).toEqual([
      true,
      true,
      false,
      true,
      true,
      false,
    ]);
  });

  it('recognises follow-ups', () => {
    expect(looksLikeFollowUp(analyzer.syllables('còn chữ ký số công cộng thì sao?'))).toBe(true);
    expect(looksLikeFollowUp(analyzer.syllables('con chu ky so cong cong thi sao'))).toBe(true);
    expect(looksLikeFollowUp(analyzer.syllables('Chữ ký số có giá trị pháp lý không?'))).toBe(
      false,
    );
  });

  it('tells a follow-up that asks a question of its own from one that asks the one before', () => {
    const own = (q: string) => asksOwnQuestion(analyzer.syllables(q));
    expect(own('còn cá nhân thì sao?')).toBe(false);
    expect(own('còn chữ ký số công cộng thì sao?')).toBe(false);
    expect(own('nó quy định những gì?')).toBe(true);
    expect(own('còn chữ ký số là gì?')).toBe(true);
    expect(own('văn bản này có hiệu lực không?')).toBe(true);
  });

  it('finds the words that refer to the document named before', () => {
    const rest = (q: string) => withoutDocumentReference(analyzer.syllables(q));
    expect(rest('nó quy định những gì?')).toEqual(['qui', 'định', 'những', 'gì']);
    expect(rest('Văn bản này có hiệu lực không?')).toEqual(['có', 'hiệu', 'lực', 'không']);
    expect(rest('còn chữ ký số công cộng thì sao?')).toBeUndefined();
  });

  it('recognises a figure asked with next to no words of its own', () => {
    const bare = (q: string) => asksBareFigure(analyzer.syllables(q), true);
    expect(bare('ai ký?')).toBe(true);
    expect(bare('bao lâu làm một lần?')).toBe(true);
    // Two words of its own name a topic of their own.
    expect(bare('Phạt bao nhiêu tiền?')).toBe(false);
    expect(bare('Chứng thư chữ ký số có thời hạn bao lâu?')).toBe(false);
    // No figure asked: not a bare figure, however short.
    expect(asksBareFigure(analyzer.syllables('ok'), false)).toBe(false);
  });
});

describe('VietnameseAnalyzer.weightedSyllableTerms', () => {
  const glossary = {
    abbreviations: [{ abbr: 'CĐS', full: 'chuyển đổi số' }],
    synonyms: [['chữ ký số', 'chữ ký điện tử']],
  };
  const weights = { functionWord: 0.3, expansion: 0.5 };
  it.each([
    'Chữ ký số của CĐS thì có giá trị không?',
    'chu ky so cds, hoà thuý; ISO 9001:2015 R&D',
    'Thủ tướng',
    '',
  ])('weighs the syllables of %p as weightedTerms weighs their text', (text) => {
    const analyzer = new VietnameseAnalyzer(glossary);
    const syllables = analyzer.syllables(text);
    expect([...analyzer.weightedSyllableTerms(syllables, weights)]).toEqual([
      ...analyzer.weightedTerms(syllables.join(' '), weights),
    ]);
  });
});

describe('openingLevel', () => {
  it('finds the level a sentence of a list of levels opens with', () => {
    expect(openingLevel('Mức 4: như mức 3 và tự động xử lý.')).toMatchObject({ key: 'muc 4' });
    expect(openingLevel('Cấp độ 3: hệ thống phục vụ người dân.')).toMatchObject({
      key: 'cap do 3',
    });
    expect(openingLevel('Hệ thống cấp độ 3 do đơn vị chuyên trách thẩm định.')).toBeUndefined();
  });
});

describe('levelsOf', () => {
  it('finds every level a sentence names, of the same word too', () => {
    expect(
      levelsOf('Hệ thống cấp độ 1 và cấp độ 2 do đơn vị thẩm định.').map((l) => l.key),
    ).toEqual(['cap do 1', 'cap do 2']);
    expect(levelsOf('Hệ thống do đơn vị thẩm định.')).toEqual([]);
  });
});

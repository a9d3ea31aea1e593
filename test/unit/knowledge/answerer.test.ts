import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { EXAMPLE_QUESTIONS } from '../../../dialogs';
import { openKnowledgeBase, type KnowledgeBase } from '../../../src/knowledge';

const logger = pino({ level: 'silent' });
let kb: KnowledgeBase;
let dataDir: string;

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kb-data-'));
  kb = await openKnowledgeBase({
    knowledgeDir: path.resolve('knowledge'),
    dataDir,
    logger,
    minScore: 0.2,
    maxCitations: 3,
  });
});

/** Asks `first`, expects it answered, then asks `followUp` in its context, as the bot does. */
async function askAfter(first: string, followUp: string) {
  const before = await kb.answerer.ask(first);
  expect(before.answered).toBe(true);
  return kb.answerer.ask(followUp, { previousQuery: before.query, previousQuestion: first });
}

/** Asks the question and expects an answer whose first citation matches. */
async function answersFirstFrom(question: string, citation: Record<string, string>): Promise<void> {
  const result = await kb.answerer.ask(question);
  expect(result.answered).toBe(true);
  expect(result.citations[0]).toMatchObject(citation);
}

describe('ExtractiveAnswerer over the shipped knowledge', () => {
  it.each([
    'Chữ ký số có giá trị như chữ ký tay không?',
    'chu ky so co gia tri nhu chu ky tay ko',
    'CHỮ KÝ SỐ CÓ GIÁ TRỊ NHƯ CHỮ KÝ TAY KHÔNG',
  ])('answers %p citing Luật GDĐT Điều 23', async (question) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations[0]).toMatchObject({
      docId: 'luat-giao-dich-dien-tu-2023',
      number: '20/2023/QH15',
      section: 'Điều 23',
      status: 'in-force',
    });
    expect(result.sentences.length).toBeGreaterThan(0);
    expect(result.sentences.every((s) => s.citation >= 1 && s.citation <= result.citations.length)).toBe(true);
  });

  // The welcome and help messages offer these as one-tap buttons: each must be answered.
  it.each(EXAMPLE_QUESTIONS)('answers the example question %p with a citation', async (q) => {
    const result = await kb.answerer.ask(q);
    expect(result.answered).toBe(true);
    expect(result.citations.length).toBeGreaterThan(0);
  });

  it.each([
    ['CKS là gì?', '20/2023/QH15', 'Điều 3'],
    ['cks la gi', '20/2023/QH15', 'Điều 3'],
    ['CĐS là gì?', '148/2025/QH15', 'Điều 3'],
  ])('answers %p with the definition of the words the abbreviation stands for', (q, number, section) =>
    answersFirstFrom(q, { number, section }),
  );

  it.each([
    [
      'Cán bộ có được đăng văn bản nội bộ lên Facebook không?',
      'nhan-dien-lua-dao-va-tin-gia',
      'Không đưa thông tin nội bộ lên mạng xã hội',
    ],
    ['Văn bản hành chính dùng font chữ gì?', 'nd-30-2020', 'Phụ lục I, Phần I, mục I'],
    ['Làm sao để xin cấp chữ ký số chuyên dùng công vụ cho cán bộ mới?', 'nd-68-2024', 'Điều 10'],
  ])('answers %p through the glossary word the guides use', (q, docId, section) =>
    answersFirstFrom(q, { docId, section }),
  );

  it('gives every fine the article sets when the amount is asked, not the first two', async () => {
    const result = await kb.answerer.ask('Làm lộ dữ liệu cá nhân bị phạt bao nhiêu tiền?');
    expect(result.citations[0]).toMatchObject({ docId: 'luat-bvdlcn-2025', section: 'Điều 8' });
    const first = result.sentences.filter((s) => s.citation === 1).map((s) => s.text);
    expect(first).toHaveLength(4);
    expect(first[2]).toBe('Các vi phạm khác bị phạt tối đa 3 tỷ đồng.');
    // A fine stated as a share of another is a fine too.
    expect(first[3]).toBe('Mức phạt đối với cá nhân bằng một nửa mức phạt đối với tổ chức.');
  });

  it('leads a definition question with the sentence that defines the term, however long', async () => {
    // Seven syllables: the term was cut to its last six, which no sentence opens with.
    const result = await kb.answerer.ask('Chữ ký số chuyên dùng công vụ là gì?');
    expect(result.sentences[0]?.text).toMatch(/^Chữ ký số chuyên dùng công vụ là chữ ký số dùng trong hoạt động công vụ/);
  });

  it.each([
    // The sentence that speaks of what is asked says yes or no, before the subject's others.
    [
      'Chứng thư chữ ký số chuyên dùng công vụ có được gia hạn không?',
      /^Khi gia hạn, thời gian gia hạn tối đa là 3 năm/,
    ],
    ['Máy em hiện thông báo đòi tiền chuộc. Giờ làm gì, có nên tắt máy ko?', /không tắt máy vội/],
    ['cai 2FA la gi vay, mail co quan co can bat ko', /^Nên bật 2FA cho hộp thư công vụ/],
  ])('leads the yes/no question %p with the sentence that answers it', async (q, lead) => {
    const result = await kb.answerer.ask(q);
    expect(result.sentences[0]?.text).toMatch(lead);
  });

  it('keeps the best sentences when most of the passage speaks of what is asked', async () => {
    // The article of prohibited acts says "cấm" in most sentences: the example of the act asked
    // about still leads.
    const result = await kb.answerer.ask('xài tài khoản giao dịch điện tử của ng khác có bị cấm ko');
    expect(result.sentences[0]?.text).toMatch(/sử dụng trái phép tài khoản giao dịch điện tử/);
  });

  it.each([
    ['Ngày Chuyển đổi số quốc gia là ngày nào?', /^Ngày 10\/10 hằng năm là Ngày Chuyển đổi số quốc gia/],
    ['Luật CĐS có hiệu lực từ khi nào?', /có hiệu lực từ ngày 01\/7\/2026/],
  ])('leads %p with the sentence that answers, not the section opening', async (q, lead) => {
    const result = await kb.answerer.ask(q);
    expect(result.sentences[0]?.text).toMatch(lead);
  });

  it.each([
    ['Nghị định 30/2020 có hiệu lực từ ngày nào?', 'ai ký?', /người ký là Thủ tướng Nguyễn Xuân Phúc/],
    ['Đánh giá nội bộ là gì?', 'bao lâu làm một lần?', /đánh giá nội bộ .*ít nhất mỗi năm một lần/],
  ])('after %p, answers the bare %p about the same topic', async (first, followUp, lead) => {
    const result = await askAfter(first, followUp);
    expect(result.answered).toBe(true);
    expect(result.sentences[0]?.text).toMatch(lead);
  });

  it.each([
    ['Dịch vụ công trực tuyến chủ động mức 3 là gì?', 'Mức 3: như mức 2 và gợi ý phương án tốt nhất cho người dân.'],
    ['dich vu cong truc tuyen chu dong muc 4 la gi', 'Mức 4: như mức 3 và tự động xử lý mà người dân không cần nộp hồ sơ đề nghị.'],
  ])('answers %p with the level asked, not the one listed after it', async (q, level) => {
    const texts = (await kb.answerer.ask(q)).sentences.map((s) => s.text);
    expect(texts).toContain(level);
    expect(texts.filter((t) => /^Mức \d:/.test(t))).toEqual([level]);
  });

  it.each(['Chữ ký số là gì? Cảm ơn nhiều nhé', 'Chữ ký số là gì, cảm ơn', 'Làm ơn cho hỏi chữ ký số là gì'])(
    'answers %p: the thanks said with it is not what is asked about',
    async (q) => {
      const result = await kb.answerer.ask(q);
      expect(result.answered).toBe(true);
      expect(result.citations[0]).toMatchObject({ docId: 'luat-giao-dich-dien-tu-2023', section: 'Điều 3' });
    },
  );

  it.each([
    // The document named before, asked about as a whole.
    ['Theo Nghị định 30/2020, văn bản hành chính gồm bao nhiêu loại?', 'ai ký?', 'nd-30-2020', /người ký là Thủ tướng Nguyễn Xuân Phúc/],
    ['NĐ 13/2023 có hiệu lực từ ngày nào?', 'văn bản này quy định gì?', 'nd-13-2023', /bảo vệ dữ liệu cá nhân/],
    // A question of its own after another topic: asked alone when the follow-up reading fails.
    ['Mua bán dữ liệu cá nhân bị phạt tối đa bao nhiêu?', 'còn chữ ký số là gì?', 'luat-giao-dich-dien-tu-2023', /^Chữ ký số là một loại chữ ký điện tử/],
    ['Đánh giá nội bộ là gì?', 'Phạt bao nhiêu tiền?', 'luat-bvdlcn-2025', /phạt/],
  ])('after %p, answers %p', async (first, followUp, docId, lead) => {
    const result = await askAfter(first, followUp);
    expect(result.answered).toBe(true);
    expect(result.citations[0]?.docId).toBe(docId);
    expect(result.sentences[0]?.text).toMatch(lead);
  });

  it('answers a follow-up naming another level with the sentence about that level', async () => {
    const result = await askAfter('Hệ thống cấp độ 1 và 2 do ai phê duyệt?', 'còn cấp độ 4 thì sao?');
    expect(result.sentences.map((s) => s.text)).toContainEqual(
      expect.stringMatching(/^Hệ thống cấp độ 4 và cấp độ 5 do bộ có thẩm quyền thẩm định/),
    );
  });

  it('keeps the note that qualifies a sentence it quotes', async () => {
    const result = await kb.answerer.ask('UBND cấp xã có bắt buộc áp dụng ISO 9001:2015 không?');
    const texts = result.sentences.map((s) => s.text);
    const at = texts.findIndex((t) => t.startsWith('Việc áp dụng được khuyến khích đối với UBND cấp xã'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(texts[at + 1]).toMatch(/^Lưu ý: từ ngày 01\/7\/2025, .*không còn cấp huyện\.$/);
  });

  it('quotes a list only with the sentence that announces it', async () => {
    for (const q of ['mua ban du lieu ca nhan bi phat bao nhieu', 'Gia hạn chứng thư chữ ký số công vụ thì được thêm tối đa mấy năm?']) {
      const { sentences } = await kb.answerer.ask(q);
      sentences.forEach((s, i) => {
        if (!/^(?:Đó là|Trong đó có):/.test(s.text)) return;
        expect(sentences[i - 1]?.citation).toBe(s.citation);
        expect(sentences[i - 1]?.text).toMatch(/(?:gồm 9 dịch vụ|7 hành vi bị nghiêm cấm)\.$/);
      });
    }
  });

  it('answers a follow-up with the figure the question before asked for', async () => {
    const question = 'Mua bán dữ liệu cá nhân bị phạt tối đa bao nhiêu?';
    const first = await kb.answerer.ask(question);
    expect(first.answered).toBe(true);
    const texts = async (context: { previousQuery: string; previousQuestion?: string }) =>
      (await kb.answerer.ask('còn cá nhân thì sao?', context)).sentences.map((s) => s.text);
    const half = 'Mức phạt đối với cá nhân bằng một nửa mức phạt đối với tổ chức.';
    expect(await texts({ previousQuery: first.query, previousQuestion: question })).toContain(half);
    // Without the question before, only its words are known: the figure asked is lost.
    expect(await texts({ previousQuery: first.query })).not.toContain(half);
  });

  it('says it did not find an answer, with topic suggestions, for an out-of-scope question', async () => {
    const result = await kb.answerer.ask('Công thức nấu phở bò ngon nhất là gì?');
    expect(result.answered).toBe(false);
    expect(result.citations).toEqual([]);
    expect(result.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  it.each([
    // The date asked is stated in the law's general section, which covers the story's question
    // (its last sentence) but few of the story's words.
    [
      'Sở chúng tôi đang rà soát lại căn cứ pháp lý để xây dựng kế hoạch bảo đảm an ninh mạng năm 2026. Xin hỏi luật an ninh mạng mới bắt đầu áp dụng từ ngày nào và nó thay cho những đạo luật cũ nào?',
      'luat-an-ninh-mang-2025',
      'Thông tin chung',
    ],
    [
      'Một chuyên viên muốn quay lại buổi giao ban trực tuyến rồi lưu video lên Google Drive cá nhân cho tiện xem lại. Việc ghi hình như vậy cần điều kiện gì và lưu như thế có được không?',
      'hop-truc-tuyen-an-toan-hieu-qua',
      'Ghi hình, ghi âm và biên bản cuộc họp',
    ],
    // "lướt mạng" (browsing) and "chuyện đó" (that matter) name no topic.
    [
      'Ảnh chụp thẻ căn cước của người dân có bị xếp vào loại dữ liệu cá nhân nhạy cảm không? Văn bản nào quy định chuyện đó?',
      'bao-ve-du-lieu-ca-nhan-khi-giai-quyet-tthc',
      'Dữ liệu cá nhân cơ bản và nhạy cảm trong hồ sơ',
    ],
    // "xữ lý": a mistyped tone of the documents' common "xử lý", not a word of its own.
    [
      'họp online thấy có người lạ vô phòng họp thì xữ lý sao',
      'hop-truc-tuyen-an-toan-hieu-qua',
      'Kiểm soát người tham dự cuộc họp',
    ],
    // "bà con lớn tuổi", "sinh sống": everyday words, not what is asked.
    [
      'bà con lớn tuổi nhờ mình gõ giùm mk VNeID để nộp hs, cán bộ xã làm vậy đc ko',
      'tai-khoan-dinh-danh-dien-tu-vneid',
      'Hỗ trợ người dân dùng VNeID tại Bộ phận Một cửa và Điểm hỗ trợ xã hội số',
    ],
    [
      'Luật An ninh mạng năm 2025 có áp dụng đối với người nước ngoài đang sinh sống, làm việc tại Việt Nam hay chỉ áp dụng cho công dân và tổ chức Việt Nam?',
      'luat-an-ninh-mang-2025',
      'Điều 1',
    ],
    // "phạt nặng nhất" is the law's "mức phạt tối đa".
    [
      'Luật bảo vệ dữ liệu cá nhân mới phạt nặng nhất bao nhiêu nếu mua bán dữ liệu? Cá nhân vi phạm thì bị phạt ngang tổ chức hay nhẹ hơn?',
      'luat-bvdlcn-2025',
      'Điều 8',
    ],
    // "đem bán" is selling: "đem" is in no document.
    [
      'Trường hợp một cá nhân đem bán dữ liệu cá nhân của người dân mà không xác định được đã thu được bao nhiêu tiền, thì mức phạt tối đa là bao nhiêu và có khác so với khi tổ chức vi phạm không?',
      'luat-bvdlcn-2025',
      'Điều 8',
    ],
    // The story's time ("Chiều nay") and its "mấy phường" (some wards) are not what is asked.
    [
      'Chiều nay chị chủ trì họp trực tuyến với mấy phường. Làm sao để người lạ không lọt vào phòng họp, và có nên để ai cũng được chia sẻ màn hình không?',
      'hop-truc-tuyen-an-toan-hieu-qua',
      'Kiểm soát người tham dự cuộc họp',
    ],
    // "điều động" is how a transfer is often said; the documents say "chuyển công tác" (the
    // decree's article on revoking a certificate when its holder changes post).
    [
      'Một phó trưởng phòng của tôi sắp được điều động sang đơn vị khác. Chứng thư chữ ký số công vụ và token anh ấy đang dùng thì phải xử lý ra sao trước khi đi?',
      'nd-68-2024',
      'Điều 17',
    ],
    // Anyone's situation, not only the asker's own, then the question.
    [
      'Chánh văn phòng được chủ tịch ủy quyền ký TUQ, giờ anh ấy đi học dài ngày muốn ủy quyền tiếp cho phó văn phòng ký có được không? Ký TUQ cần điều kiện gì?',
      'nd-30-2020',
      'Điều 13',
    ],
    // "chứ" (a particle) and "bn lâu" (how long) name nothing the documents lack.
    [
      'Anh tổ trưởng muốn giữ lại mấy bộ hồ sơ đã xong để làm tài liệu tham khảo chứ ko nộp lưu. Vậy có được ko, giữ tối đa bn lâu?',
      'nd-30-2020',
      'Thông tin chung',
    ],
    // "Cô" is the teacher asking.
    [
      'Cô dán danh sách lớp có họ tên với số định danh của hs lên ChatGPT nhờ lập bảng thống kê được ko? nếu ko thì làm sao',
      'su-dung-ai-tao-sinh-an-toan',
      'Thông tin không được đưa lên công cụ AI công cộng',
    ],
    // "4h45 chiều": when the dispatch came, not what is asked.
    [
      '4h45 chiều mới nhận đc công văn hỏa tốc, để sáng mai vào sổ đăng ký có sao ko mn',
      'quy-trinh-iso-xu-ly-van-ban-den',
      'Bước 2. Đăng ký văn bản đến',
    ],
  ])('cites, for the story %p, a passage covering its question', async (question, docId, section) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations).toContainEqual(expect.objectContaining({ docId, section }));
  });

  it.each([
    [
      'Với một hệ thống thông tin được xác định là cấp độ 3 thì đơn vị nào thẩm định hồ sơ đề xuất cấp độ?',
      'nd-85-2016',
      'Điều 12',
    ],
    [
      'Theo Điều 5 Quyết định 19/2014/QĐ-TTg, cơ quan nào ban hành mô hình khung HTQLCL cho các cơ quan, tổ chức ở địa phương?',
      'qd-19-2014',
      'Điều 5',
    ],
  ])('answers which agency does it, %p, by the sentence saying who does it', async (question, docId, section) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations[0]).toMatchObject({ docId, section });
  });

  it('refuses a difference between levels the documents do not speak of, naming them', async () => {
    const result = await kb.answerer.ask(
      'Tài khoản định danh điện tử mức độ 2 khác mức độ 1 ở điểm nào?',
    );
    expect(result).toMatchObject({ answered: false, citations: [] });
    expect(result.unknownWords?.length).toBeGreaterThan(0);
  });

  it.each([
    // Both levels compared are in the decree's article.
    ['DVC trực tuyến chủ động mức 2 với mức 3 khác nhau ở chỗ nào? Mức 3 thêm gì?', 'nd-224-2026'],
    // How levels combine: the article states the rule without naming these levels.
    [
      'Cơ quan anh/chị xây dựng một hệ thống nội bộ gồm nhiều hệ thống thành phần, trong đó một thành phần thuộc cấp độ 3, các thành phần khác thuộc cấp độ 2. Theo Nghị định 85/2016/NĐ-CP, cả hệ thống thuộc cấp độ nào?',
      'nd-85-2016',
    ],
  ])('answers %p, levels compared or combined', async (question, docId) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations.map((c) => c.docId)).toContain(docId);
  });

  it('answers a count from the sentence that states it about what is asked', async () => {
    const result = await kb.answerer.ask('Sau sắp xếp năm 2025, TP Cần Thơ có bao nhiêu xã, phường?');
    expect(result.answered).toBe(true);
    expect(result.sentences.some((s) => /\b103\b/.test(s.text))).toBe(true);
  });

  it.each([
    ['Họp trực tuyến với các phường thì dùng Zoom hay Microsoft Teams an toàn hơn?', 'zoom'],
    ['Phần mềm Một cửa điện tử các phường ở Cần Thơ đang dùng là do VNPT hay Viettel cung cấp?', 'vnpt'],
  ])('refuses %p: the products chosen between are in no document', async (question, word) => {
    const result = await kb.answerer.ask(question);
    expect(result).toMatchObject({ answered: false, citations: [] });
    expect(result.unknownWords).toContain(word);
  });

  it.each([
    // Named as examples in a yes-or-no question: the kind of platform is asked about.
    'Cuộc họp có nội dung mật thì có được họp qua Zoom hay Google Meet không ạ?',
    'Cuộc họp có nội dung mật thì có được họp qua Zoom hay Google Meet không?',
  ])('answers %p from the guide on public platforms', async (question) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations[0]?.docId).toBe('hop-truc-tuyen-an-toan-hieu-qua');
  });

  it('refuses who holds an office now, an office the documents never name', async () => {
    // The office is what is asked about here, not a detail of the story (see incidentalWords).
    const result = await kb.answerer.ask('giám đốc Sở KHCN TP Cần Thơ hiện giờ là ai vậy mn?');
    expect(result).toMatchObject({ answered: false, citations: [] });
    // A page names the chairman who signed a letter years ago: that is not who holds it now.
    for (const q of ['Ai là chủ tịch UBND TP Cần Thơ?', 'Chủ tịch UBND thành phố Cần Thơ hiện nay là ai?']) {
      expect(await kb.answerer.ask(q)).toMatchObject({ answered: false, citations: [] });
    }
  });

  it('answers a question whose marks are mistyped where the final forbids the tone', async () => {
    // "luât", "lưc": a syllable ending in t or c takes only sắc or nặng, so these are typos of
    // "luật", "lực" and are matched as if typed without marks.
    const result = await kb.answerer.ask('luât chuyển đổi sô có hiệu lưc khi nào');
    expect(result.answered).toBe(true);
    expect(result.citations[0]).toMatchObject({ docId: 'luat-chuyen-doi-so-2025' });
  });

  it.each([
    ['Lương cơ sở năm 2026 là bao nhiêu?', ['lương']],
    ['Cán bộ nghỉ hưu ở tuổi bao nhiêu?', ['tuổi']],
    ['Thời hạn giải quyết khiếu nại lần đầu là bao lâu?', ['khiếu nại']],
    ['Năm 2026 có bao nhiêu ngày nghỉ lễ?', ['lễ']],
    ['Hồ sơ thi tuyển công chức gồm những gì?', ['tuyển']],
  ])(
    'refuses %p, naming the words the documents hardly know, though other words match',
    async (question, words) => {
      const result = await kb.answerer.ask(question);
      expect(result).toMatchObject({ answered: false, citations: [], unknownWords: words });
      expect(result.suggestions.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    // An abbreviation the glossary expands, and a word it lists with another phrasing.
    ['CKS có giá trị như chữ ký tay không?', 'luat-giao-dich-dien-tu-2023'],
    ['Scan văn bản giấy để làm bản sao y điện tử thì cần độ phân giải bao nhiêu dpi?', 'nd-30-2020'],
    // Mistyped words of a phrase the passage has ("chũ ký"), a token known in no form ("nhiu"),
    // and impossible marks ("ngừoi").
    ['chứng thư chũ ký số công cộng thời hạn bao nhiu năm', 'nd-23-2025'],
    ['hồ sơ trể hạn thì phải báo cho ngừoi dân thế nào', 'quy-trinh-iso-tiep-nhan-tra-ket-qua-tthc'],
    // Chat: spoken particles ("vô", "hả") are grammatical words, and an English term the glossary
    // lists ("ransomware").
    ['lỡ nhập pass mail vô trang giả rồi giờ sao', 'su-dung-thu-dien-tu-cong-vu'],
    ['NĐ 118 thay cho NĐ 61 luôn hả', 'nd-118-2025'],
    ['may dinh ransomware, khoi phuc tu ban backup nao', 'sao-luu-khoi-phuc-du-lieu-cong-viec'],
    // "wifi" for "Wi-Fi", "cf" for "cà phê", "extension" for "tiện ích", "72h" for "72 giờ".
    ['CBCC xài wifi quán cf vô mail công vụ có sao ko ạ', 'an-toan-thong-tin-co-ban'],
    ['cài extension AI lên chrome máy cq được ko', 'su-dung-ai-tao-sinh-an-toan'],
    ['dân hỏi xem lại dữ liệu cá nhân của họ thì mình phải trả lời trong 72h hả', 'nd-356-2025'],
    // A rare chat word ("thiệt") in a question the passage covers more than half of.
    [
      'có người gọi xưng công an phường hỗ trợ tích hợp giấy tờ VNeID, đòi đọc OTP, thiệt ko',
      'tai-khoan-dinh-danh-dien-tu-vneid',
    ],
  ])('still answers %p, whose rare words are explained or mistyped', async (question, docId) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.unknownWords).toBeUndefined();
    expect(result.citations.map((c) => c.docId)).toContain(docId);
  });

  it.each([
    ['Luật Cán bộ, công chức năm 2025 có hiệu lực từ ngày nào?', 'Luật Cán bộ, công chức'],
    ['Nghị định 100/2019/NĐ-CP phạt vượt đèn đỏ bao nhiêu?', 'Nghị định 100/2019/NĐ-CP'],
    // The documents cite "Luật Lưu trữ số 01/2011/QH13": same number and year, another kind.
    ['Thông tư 01/2011/TT-BNV về thể thức văn bản còn áp dụng không?', 'Thông tư 01/2011/TT-BNV'],
  ])('refuses %p, naming the document the knowledge base does not have', async (question, doc) => {
    const result = await kb.answerer.ask(question);
    expect(result).toMatchObject({ answered: false, citations: [], unknownDocuments: [doc] });
  });

  it.each([
    // One of the documents named is in the knowledge base.
    ['Luật CĐS có thay thế Luật CNTT 2006 không?', 'luat-chuyen-doi-so-2025'],
    // Not in it, but its text says what replaced it.
    ['Luật CNTT 2006 còn hiệu lực không?', 'luat-chuyen-doi-so-2025'],
  ])('still answers %p', async (question, docId) => {
    const result = await kb.answerer.ask(question);
    expect(result.unknownDocuments).toBeUndefined();
    expect(result.citations.map((c) => c.docId)).toContain(docId);
  });

  it.each([
    // "share", "link", "online", "mic": chat words the glossary pairs with the documents' words,
    // which cover them ("chia sẻ", "liên kết", "trực tuyến", "micro").
    [
      'share file drive để chế độ ai có link cũng xem dc có sao ko nhỉ',
      'Lưu trữ đám mây và chia sẻ tệp của cơ quan',
    ],
    ['họp online phòng đông người mic cứ bị hú, xử lí sao', 'Âm thanh, hình ảnh và đường truyền'],
  ])('answers the chat question %p from the section that says it in other words', async (q, section) => {
    const result = await kb.answerer.ask(q);
    expect(result.answered).toBe(true);
    expect(result.citations.map((c) => c.section)).toContain(section);
  });

  it.each([
    // Scenario questions as the quiz bank words them: their context ("điều động", "tiến sĩ") is
    // not what they ask about.
    [
      'Anh/chị được điều động sang cơ quan khác. Theo Nghị định 68/2024/NĐ-CP, chứng thư chữ ký số chuyên dùng công vụ đang dùng sẽ thế nào?',
      'nd-68-2024',
    ],
    ['Trước họ tên người ký trên văn bản hành chính có được ghi học vị tiến sĩ không?', 'nd-30-2020'],
    // Multiple-choice framing ("nào sau đây", "Nhận định", "Lời khuyên") and "tần suất" (how
    // often) are asking phrases; "chiếc", "đâu", "nữa", "rằng" grammatical words.
    ['Cách dùng mật khẩu nào sau đây là đúng?', 'an-toan-thong-tin-co-ban'],
    [
      'Một đồng nghiệp dán tờ giấy ghi mật khẩu hộp thư ở cạnh màn hình cho "dễ nhớ". Lời khuyên phù hợp là gì?',
      'an-toan-thong-tin-co-ban',
    ],
    [
      'Theo Quyết định 19/2014/QĐ-TTg, đánh giá nội bộ HTQLCL phải được thực hiện với tần suất tối thiểu nào?',
      'qd-19-2014',
    ],
    ['Anh/chị nhặt được một chiếc USB ở bãi giữ xe của cơ quan. Việc nên làm là gì?', 'an-toan-thong-tin-co-ban'],
    // A story whose last sentence is the question: covering that sentence is enough.
    [
      'Tôi là văn thư phường. Chiều thứ Sáu, gần 17 giờ, tôi mới nhận được một công văn thường của Sở gửi qua phần mềm, không có dấu khẩn. Tôi có bắt buộc phải vào sổ ngay trong chiều nay không?',
      'quy-trinh-iso-xu-ly-van-ban-den',
    ],
    // The asker's own story: its details ("chị phó phòng", "cho kịp") are not what is asked.
    [
      'Chị phó phòng đang đi công tác, nhắn tôi chèn ảnh chữ ký scan của chị vào công văn rồi phát hành cho kịp. Làm như vậy có được coi là văn bản đã ký số không?',
      'huong-dan-ky-so-van-ban',
    ],
    [
      'Theo Điều 1 Nghị định 118/2025/NĐ-CP, ở cấp địa phương, hồ sơ thủ tục hành chính được tiếp nhận theo cơ chế một cửa tại đâu?',
      'nd-118-2025',
    ],
    // The asker's role ("Là giám đốc sở, …") is not what is asked about.
    [
      'Là giám đốc sở, tôi muốn hỏi: khi cơ quan áp dụng hệ thống quản lý chất lượng theo ISO 9001, chúng tôi có phải thuê một tổ chức chứng nhận độc lập đến đánh giá và cấp giấy chứng nhận không, hay cơ quan tự công bố?',
      'qd-19-2014',
    ],
    // One side of a choice is enough; "mấy đơn vị" is "some units", not a count asked.
    ['gửi mail cho mấy đơn vị bên ngoài ko quen biết nhau thì để CC hay BCC ạ?', 'su-dung-thu-dien-tu-cong-vu'],
    // Chat particles ("ạ") are in no document's phrases; "hoài" is how the asker feels.
    ['mk thế nào mới tính là mạnh ạ, tối thiểu nên mấy ký tự?', 'an-toan-thong-tin-co-ban'],
    [
      'Máy cứ bị màn hình xanh rồi tự khởi động lại hoài, em tự xử lý được ko hay phải báo IT?',
      'xu-ly-su-co-may-tinh-thuong-gap',
    ],
    // The office of someone in the story, an amount's magnitude, an intensifier: the documents
    // seldom say "giám đốc", "chục" or "trơn", and the question is not about them.
    [
      'Văn bản điện tử mà chỉ có chữ ký số của phó giám đốc sở, chưa có chữ ký số của cơ quan, thì đã có giá trị như bản gốc giấy chưa?',
      'nd-30-2020',
    ],
    [
      'gửi mail thư mời cho mấy chục doanh nghiệp ko quen biết nhau thì để địa chỉ ở ô nào để họ ko thấy mail của nhau thế ạ',
      'su-dung-thu-dien-tu-cong-vu',
    ],
    [
      'máy hiện thông báo đòi tiền chuộc, file bị đổi đuôi hết trơn, giờ tắt máy luôn hay lm sao ạ',
      'an-toan-thong-tin-co-ban',
    ],
    ['may cham ri ri, tai app don rac tang toc ve cai dc ko', 'xu-ly-su-co-may-tinh-thuong-gap'],
  ])('answers %p, a contest-style question', async (question, docId) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations.map((c) => c.docId)).toContain(docId);
  });

  it.each([
    ['Làm lại thẻ căn cước bị mất thì lệ phí bao nhiêu tiền?', 'money'],
    ['Công chức đóng bảo hiểm xã hội bắt buộc bao nhiêu phần trăm lương?', 'percent'],
    ['Luật An ninh mạng 2025 phạt doanh nghiệp bao nhiêu tiền khi không lưu trữ dữ liệu tại Việt Nam?', 'money'],
    ['Thư điện tử công vụ gửi tệp đính kèm được tối đa bao nhiêu MB?', 'quantity'],
    // Its number of chapters and articles is not given (other laws' are).
    ['Luật An ninh mạng số 116/2025/QH15 gồm bao nhiêu chương, bao nhiêu điều?', 'quantity'],
    // The ranks stated are those of 2022 and 2025.
    ['Năm 2023, TP Cần Thơ xếp hạng thứ mấy về chỉ số chuyển đổi số DTI cấp tỉnh?', 'rank'],
    // A number of "tổ": the plan's "nhóm 10 địa phương" counts something else.
    ['Hiện nay TP Cần Thơ có bao nhiêu Tổ công nghệ số cộng đồng đang hoạt động?', 'quantity'],
    // "các kế hoạch hằng năm" says how often, not how many days.
    ['Bản ghi camera giám sát tại trụ sở UBND phường phải lưu giữ tối thiểu bao nhiêu ngày?', 'duration'],
    // "xếp hạng bao nhiêu" asks a rank, for a year whose rank is not given.
    ['Năm 2024 Cần Thơ xếp hạng bao nhiêu về chỉ số chuyển đổi số DTI?', 'rank'],
    // A number of times: the guide's numbers count other things.
    ['token ky so nhap sai ma PIN bao nhieu lan thi bi khoa', 'quantity'],
    // Its general section gives the day it was signed, not who signed it.
    ['Nghị định 68/2024/NĐ-CP về chữ ký số chuyên dùng công vụ do ai ký ban hành?', 'signer'],
    // The plan is named beside Nghị quyết 57, whose signer is not the plan's.
    ['Kế hoạch 46/KH-UBND năm 2025 của UBND TP Cần Thơ triển khai Nghị quyết 57-NQ/TW do ai ký?', 'signer'],
    // The documents give no telephone number; the page on where files are received has others.
    ['Số điện thoại tổng đài hỗ trợ của Trung tâm Phục vụ hành chính công TP Cần Thơ là bao nhiêu?', 'phone'],
    // The decree states the head's duty, not what follows its breach.
    [
      'Thủ trưởng cơ quan không ban hành quy chế nội bộ về quản lý, sử dụng chữ ký số chuyên dùng công vụ thì bị xử phạt như thế nào?',
      'sanction',
    ],
    // The city's page names who signed its documents, not who heads the steering committee now.
    ['Hiện nay ai là Trưởng Ban Chỉ đạo chuyển đổi số của thành phố Cần Thơ?', 'person'],
    ['Truong Ban Chi dao chuyen doi so TP Can Tho hien nay la ai?', 'person'],
    // "bao nhiêu vậy ạ" after a fee: none is stated; nor a line's speed, nor a telephone number.
    ['Lệ phí cấp đổi CCCD hiện nay bao nhiêu vậy ạ?', 'money'],
    ['Họp trực tuyến với điểm cầu xã thì đường truyền tối thiểu bao nhiêu Mbps mới ổn ạ?', 'quantity'],
    // The law classifies data; who issues the list of core data is not said.
    ['Danh mục dữ liệu cốt lõi theo Luật Dữ liệu 2024 do cơ quan nào ban hành?', 'agency'],
    // No document numbers its forms.
    ['Đơn đề nghị cấp chứng thư chữ ký số công vụ dùng mẫu số mấy, tải ở đâu ạ?', 'form'],
    // No document gives the centre's street address.
    ['Trung tâm Phục vụ hành chính công TP Cần Thơ hiện đặt trụ sở ở địa chỉ nào?', 'address'],
    // No document names the business behind the city's software.
    ['Phần mềm quản lý văn bản và điều hành của TP Cần Thơ do doanh nghiệp nào xây dựng?', 'company'],
    // What was achieved in 2025: the city's plans state only targets.
    [
      'Năm 2025 tỷ lệ hồ sơ được giải quyết trực tuyến toàn trình của TP Cần Thơ đạt bao nhiêu phần trăm?',
      'percent',
    ],
    ['Năm 2025 kinh tế số của TP Cần Thơ thực tế chiếm bao nhiêu phần trăm GRDP?', 'percent'],
    // The national programme's article is headed "mục tiêu đến năm 2025": its figures are targets.
    ['Tỷ lệ hồ sơ nộp trực tuyến toàn trình của Cần Thơ năm 2025 đạt bao nhiêu phần trăm?', 'percent'],
    // The city's count of communes is its own; the sentence stating it says nothing of Hậu Giang.
    ['Hậu Giang cũ trước khi nhập vô Cần Thơ có bao nhiêu xã, phường?', 'quantity'],
    // The law's page says it has "một điều riêng" on prohibited acts, not how many articles.
    ['luat an ninh mang 2025 co tong cong bao nhieu dieu', 'quantity'],
    // The decree is only cited: no passage says how far a backup must be kept.
    [
      'Nghị định 113/2025 về lưu trữ yêu cầu cơ sở dữ liệu lưu trữ phải có tối thiểu mấy bản sao lưu dự phòng, đặt cách trung tâm chính bao xa?',
      'quantity',
    ],
    ['Tổng đài hỗ trợ của Cổng DVC quốc gia số mấy ạ? dân gọi hỏi mà em ko nhớ', 'phone'],
    // The guides say what to do, not which menu of the city's software does it.
    ['Trên phần mềm QLVB của TP muốn thu hồi VB lỡ phát hành nhầm thì bấm vào menu nào ạ?', 'menu'],
    // Documents cited, not held: the sentences naming them state no such figure.
    [
      'Thông tư 116/2015/TT-BTC quy định mức chi cho việc xây dựng và áp dụng hệ thống quản lý chất lượng ISO là bao nhiêu?',
      'money',
    ],
    [
      'Nghị định 113/2025/NĐ-CP quy định cơ sở dữ liệu lưu trữ phải được sao lưu dự phòng bao lâu một lần?',
      'duration',
    ],
    // A certificate's validity in years is no processing time in working days.
    [
      'Theo NĐ 68/2024, kể từ khi nhận đủ hồ sơ thì phải cấp chứng thư chữ ký số chuyên dùng công vụ trong bao nhiêu ngày làm việc?',
      'duration',
    ],
    // How often a password is changed: "đổi ngay" is how soon.
    ['mk hộp thư công vụ theo quy định cứ bao nhiêu ngày phải đổi 1 lần?', 'duration'],
    // The contest's pages give its results, not its winners' names.
    ['Ai đạt điểm cao nhất kỳ thi năng lực CĐS 2023 vậy mn?', 'person'],
  ])(
    'refuses %p: the passages matching its words state no %s',
    async (question, figure) => {
      const result = await kb.answerer.ask(question);
      expect(result).toMatchObject({ answered: false, citations: [], unstatedFigure: figure });
      expect(result.suggestions.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    // The figure is in another section of the best passage's document.
    ['Kỳ thi năm 2024 có bao nhiêu người dự thi?', 'Các kỳ thi đã tổ chức', /376 thí sinh/],
    ['Bài thi năng lực CNTT của lãnh đạo Cần Thơ gồm những phần nào, bao nhiêu điểm?', 'Hình thức thi và thang điểm', /60 điểm/],
    // The sentence that states it for the year asked.
    ['Năm 2022, TP Cần Thơ xếp hạng thứ mấy về chỉ số DTI?', 'Xếp hạng chỉ số chuyển đổi số (DTI) của Cần Thơ', /5\/63/],
    [
      'Chương trình phát triển Chính phủ số đặt mục tiêu mức độ hài lòng của người dân đến năm 2030 là bao nhiêu?',
      'Thông tin chung',
      /2028–2030.*99%/,
    ],
    // The passage that states it comes first.
    ['Chứng thư chữ ký số chuyên dùng công vụ có hiệu lực tối đa bao lâu?', 'Điều 9', /tối đa 5 năm/],
    ['Mua bán dữ liệu cá nhân bị phạt tối đa bao nhiêu?', 'Điều 8', /10 lần khoản thu/],
    // A document cited, not held: the sentence that names it states the figure.
    [
      'Luật Bảo vệ bí mật nhà nước số 117/2025/QH15 có hiệu lực từ ngày nào?',
      'Thông tin chung',
      /117\/2025\/QH15.*01\/(?:0)?[0-9]+\/20/,
    ],
    // Signers: of a law, of a decision by number, of the plan named by kind and year.
    ['Luật Dữ liệu do ai ký?', 'Thông tin chung', /Trần Thanh Mẫn/],
    ['QĐ 942 chiến lược CPĐT ai ký vậy', 'Thông tin chung', /Vũ Đức Đam/],
    ['KH chuyển đổi số năm 2026 của TP là kh số mấy, ai ký vậy ạ', 'Các văn bản chuyển đổi số của thành phố', /Nguyễn Văn Khởi/],
    // "e" is the asker ("em"), not a word the documents lack.
    [
      'cho e hỏi cá nhân mà mua bán dữ liệu cá nhân thì bị phạt tối đa bn vậy ạ, có bằng mức phạt của tổ chức ko?',
      'Điều 8',
      /10 lần khoản thu/,
    ],
    // A penalty asked "như thế nào" is stated by the fines.
    [
      'Theo Luật Bảo vệ dữ liệu cá nhân 2025, mức phạt đối với cá nhân so với tổ chức có cùng hành vi vi phạm như thế nào?',
      'Điều 8',
      /một nửa/,
    ],
  ])('answers %p with the section that states the figure', async (question, section, figure) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations[0]?.section).toBe(section);
    expect(result.sentences.filter((s) => s.citation === 1).map((s) => s.text)).toContainEqual(
      expect.stringMatching(figure),
    );
  });

  it('refuses an article of a document the knowledge base holds only in part, naming what it holds', async () => {
    const result = await kb.answerer.ask('Điều 20 Luật Chuyển đổi số 2025 quy định nội dung gì?');
    expect(result).toMatchObject({
      answered: false,
      citations: [],
      unknownArticles: {
        articles: ['Điều 20'],
        document: { number: '148/2025/QH15', title: 'Luật Chuyển đổi số' },
        available: ['Điều 1', 'Điều 3', 'Điều 9'],
      },
    });
    const folded = await kb.answerer.ask('dieu 26 nghi dinh 30/2020 quy dinh gi');
    expect(folded.unknownArticles?.articles).toEqual(['Điều 26']);
    // An appendix: the decree's Phụ lục I is here (as many sections), its Phụ lục II is not.
    const appendix = await kb.answerer.ask(
      'Theo Phụ lục II Nghị định 30/2020/NĐ-CP, quy tắc viết hoa tên cơ quan là gì?',
    );
    expect(appendix.unknownArticles).toMatchObject({
      articles: ['Phụ lục II'],
      document: { number: '30/2020/NĐ-CP' },
    });
    expect(appendix.unknownArticles?.available[0]).toBe('Phụ lục I');
  });

  it.each([
    // Its own section.
    ['Điều 9 NĐ 68/2024 nói gì?', 'Điều 9'],
    // Cited in a range by the general section ("Các Điều 30 đến Điều 33 …").
    ['Điều 31 NĐ 30/2020 quy định gì?', 'Thông tin chung'],
    // An appendix held as its parts' sections.
    ['Theo Phụ lục I Nghị định 30/2020/NĐ-CP, lề trái của văn bản hành chính là bao nhiêu?', 'Phụ lục I, Phần I, mục I'],
  ])('answers %p, an article the knowledge base has or cites', async (question, section) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.unknownArticles).toBeUndefined();
    expect(result.citations[0]?.section).toBe(section);
  });

  it.each([
    // The guide is named by the opening of its title; the page that only mentions the contest
    // by the same words, and legal texts (which otherwise outrank guides), are not cited.
    [
      'Nội dung nào sau đây thuộc nội dung Cuộc thi đánh giá năng lực ứng dụng CNTT, chuyển đổi số của TP Cần Thơ?',
      'cuoc-thi-nang-luc-can-tho',
      'Nội dung thi',
    ],
    [
      'Phần thực hành của Cuộc thi đánh giá năng lực ứng dụng CNTT, chuyển đổi số năm 2023 tại Cần Thơ được làm trên công cụ nào?',
      'cuoc-thi-nang-luc-can-tho',
      'Hình thức thi và thang điểm',
    ],
    [
      'Anh/chị cần mang danh sách dữ liệu cá nhân của người dân về nhà để làm thêm. Theo Hướng dẫn an toàn thông tin cơ bản, cách làm phù hợp là gì?',
      'an-toan-thong-tin-co-ban',
      'Bảo vệ dữ liệu cá nhân trong công việc',
    ],
  ])('answers %p from the guide it names', async (question, docId, section) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(new Set(result.citations.map((c) => c.docId))).toEqual(new Set([docId]));
    expect(result.citations.map((c) => c.section)).toContain(section);
  });

  it('does not give the steps of a task on a product the documents do not cover', async () => {
    for (const [question, product] of [
      ['Hướng dẫn cài đặt để ký số file PDF bằng Adobe Acrobat Reader?', 'adobe acrobat reader'],
      ['Cách xuất danh sách hồ sơ trễ hạn từ phần mềm Một cửa điện tử ra file Excel?', 'excel'],
    ]) {
      const result = await kb.answerer.ask(question!);
      expect(result).toMatchObject({ answered: false, unknownWords: [product] });
    }
    // "ntn": chat for "như thế nào", asking, not a product.
    expect(await kb.answerer.ask('cài app SmartCA của VNPT trên điện thoại rồi kích hoạt ntn')).toMatchObject({
      answered: false,
      unknownWords: ['smartca', 'vnpt'],
    });
    // Asked whether it is allowed, or what to do, the documents' general rules answer.
    expect((await kb.answerer.ask('mo file word bi loi font mat dau tieng viet thi lam sao')).answered).toBe(
      true,
    );
  });

  it('does not answer for another province from a page about TP Cần Thơ', async () => {
    const result = await kb.answerer.ask(
      'TP Đà Nẵng đặt mục tiêu kinh tế số chiếm bao nhiêu phần trăm GRDP vào năm 2025?',
    );
    expect(result).toMatchObject({ answered: false, unknownWords: ['Đà Nẵng'] });
    // What another province's own body issued: a national decision's target is not its.
    const body = await kb.answerer.ask(
      'Nghị quyết về chuyển đổi số của Tỉnh ủy Vĩnh Long đặt chỉ tiêu bao nhiêu phần trăm hồ sơ công việc cấp xã được xử lý trên môi trường mạng?',
    );
    expect(body).toMatchObject({ answered: false, unknownWords: ['Vĩnh Long'] });
    // Only the body's seat is what is missing, not Cần Thơ named beside it.
    const merged = await kb.answerer.ask(
      'Trước khi hợp nhất vào TP Cần Thơ, Tỉnh ủy Sóc Trăng đã ban hành nghị quyết chuyên đề nào về chuyển đổi số?',
    );
    expect(merged).toMatchObject({ answered: false, unknownWords: ['Sóc Trăng'] });
    // Two places: the page on Cần Thơ does not speak of Đà Nẵng, which is what is missing.
    const ranked = await kb.answerer.ask(
      'Đà Nẵng năm 2025 xếp hạng DTI thứ mấy, đứng trên Cần Thơ bao nhiêu bậc?',
    );
    expect(ranked).toMatchObject({ answered: false, unknownWords: ['Đà Nẵng'] });
    // A law answers for every province, and a page about Cần Thơ for Cần Thơ and its bodies.
    for (const question of [
      'Ở TP Đà Nẵng, chữ ký số có giá trị như chữ ký tay không?',
      'Năm 2025 TP Cần Thơ xếp hạng DTI thứ mấy?',
      'Thành ủy Cần Thơ ban hành nghị quyết về chuyển đổi số vào ngày nào?',
      // A page on Cần Thơ that speaks of both.
      'TP Cần Thơ mới được hình thành từ Cần Thơ, Sóc Trăng và Hậu Giang cũ từ ngày nào?',
    ]) {
      expect((await kb.answerer.ask(question)).answered).toBe(true);
    }
  });

  it('shows each level a question compares, as the passage lists them', async () => {
    const result = await kb.answerer.ask(
      'Dịch vụ công trực tuyến chủ động ở mức 3 thì hơn mức 2 ở điểm nào?',
    );
    const shown = result.sentences.map((s) => s.text);
    expect(shown).toContainEqual(expect.stringMatching(/^Mức 2:/));
    expect(shown).toContainEqual(expect.stringMatching(/^Mức 3:/));
  });

  it('cites a guide restating an article beside that sentence instead of repeating it', async () => {
    const result = await kb.answerer.ask(
      'nang cap he thong phai tam dung dich vu cong truc tuyen thi bao truoc bao nhieu ngay',
    );
    const cited = (docId: string) => result.citations.findIndex((c) => c.docId === docId) + 1;
    const stated = result.sentences.filter((s) => s.text.includes('07 ngày làm việc'));
    expect(stated).toHaveLength(1);
    const markers = [stated[0]!.citation, ...(stated[0]!.alsoCitations ?? [])];
    expect(markers.sort()).toEqual([cited('nd-224-2026'), cited('mot-cua-va-cong-dvc')].sort());
    expect(markers).not.toContain(0);
  });

  it('names the last answer\'s sources when asked which article, skipping those no longer here', async () => {
    const before = await kb.answerer.ask('Chứng thư chữ ký số chuyên dùng công vụ có hiệu lực bao lâu?');
    const previousSources = before.citations.map(({ docId, section }) => ({ docId, section }));
    const result = await kb.answerer.ask('điều nào quy định?', {
      previousQuery: before.query,
      previousQuestion: 'Chứng thư chữ ký số chuyên dùng công vụ có hiệu lực bao lâu?',
      previousSources: [...previousSources, { docId: 'removed-doc', section: 'Điều 1' }],
    });
    expect(result).toMatchObject({ answered: true, sourcesOfPrevious: true, sentences: [] });
    expect(result.citations).toEqual(before.citations);
    const gone = await kb.answerer.ask('điều nào quy định?', {
      previousSources: [{ docId: 'nd-68-2024', section: 'Điều 99' }],
    });
    expect(gone.answered).toBe(false);
    expect(gone.suggestions.length).toBeGreaterThan(0);
  });

  it('quotes the signing abbreviations whole, not cut at "TM."', async () => {
    const result = await kb.answerer.ask('KT. TL. TUQ. là viết tắt của gì, có in đậm ko');
    expect(result.sentences[0]?.text).toMatch(/TM\. \(thay mặt\).*TUQ\. \(thừa ủy quyền\)/);
  });

  it('takes a guide sentence that adds only its reference for a restatement', async () => {
    const result = await kb.answerer.ask('Văn bản đã ký thì chậm nhất bao lâu phải phát hành?');
    const sameDay = result.sentences.filter((s) => /chậm nhất là trong ngày làm việc tiếp theo/.test(s.text));
    expect(sameDay).toHaveLength(1);
    expect(sameDay[0]!.alsoCitations).toHaveLength(1);
  });

  it('keeps sentences that differ in their numbers, however alike', async () => {
    const result = await kb.answerer.ask(
      'Hệ thống xử lý thông tin cá nhân của 20.000 người dùng thuộc cấp độ mấy?',
    );
    const texts = result.sentences.map((s) => s.text).join(' ');
    expect(texts).toContain('dưới 10.000 người sử dụng cũng thuộc cấp độ 2');
    expect(texts).toContain('từ 10.000 người sử dụng trở lên thuộc tối thiểu cấp độ 3');
  });

  it('leads with the cited passage that covers more of the question', async () => {
    // Both score close to QĐ 19's general section, which says less of what is asked.
    const steps = await kb.answerer.ask('Xây dựng và áp dụng ISO 9001 ở cơ quan hành chính gồm mấy bước?');
    expect(steps.citations[0]).toMatchObject({ docId: 'qd-19-2014', section: 'Điều 4' });
  });

  it('answers a contest scenario whose situation fills most of the question', async () => {
    // Refused before: "bận" is rare in the documents, and the situation's words lower the coverage.
    const result = await kb.answerer.ask(
      'Lãnh đạo bận họp và đưa token cùng mã PIN cho Văn thư để "ký hộ" văn bản. Việc làm đúng là gì?',
    );
    expect(result.answered).toBe(true);
    expect(result.citations[0]).toMatchObject({ docId: 'huong-dan-ky-so-van-ban' });
  });

  it('still refuses a scenario the documents do not cover', async () => {
    const result = await kb.answerer.ask(
      'Anh/chị được phân công trực tại Trung tâm Phục vụ hành chính công từ mùng 2 đến mùng 4 Tết để tiếp nhận hồ sơ. Anh/chị sẽ được nghỉ bù hay được trả lương làm thêm giờ, anh/chị cần làm gì?',
    );
    expect(result.answered).toBe(false);
  });

  it.each([
    ['Đăng ký tài khoản định danh điện tử mức 2 ở đâu?', ['mức 2']],
    ['Hướng dẫn cài máy in trên Windows 11?', ['Windows 11']],
  ])('refuses %p: no passage names that level', async (question, words) => {
    const result = await kb.answerer.ask(question);
    expect(result).toMatchObject({ answered: false, unknownWords: words });
  });

  it.each([
    ['Hồ sơ đề xuất cấp độ của hệ thống thông tin cấp độ 3 do ai phê duyệt?', 'nd-85-2016'],
    [
      'Một hệ thống gồm một thành phần cấp độ 3 và các thành phần khác cấp độ 2 thì cả hệ thống thuộc cấp độ nào theo Nghị định 85/2016/NĐ-CP?',
      'nd-85-2016',
    ],
  ])('answers %p, which names levels the documents speak of', async (question, docId) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations[0]?.docId).toBe(docId);
  });

  it('refuses to name the document that rules something when no passage names one', async () => {
    const result = await kb.answerer.ask('Đánh giá xếp loại công chức cuối năm theo văn bản nào?');
    expect(result).toMatchObject({ answered: false, unstatedFigure: 'document' });
  });

  it('names the document when asked which one rules it', async () => {
    const result = await kb.answerer.ask(
      'Văn bản nào quy định việc áp dụng hệ thống quản lý chất lượng ISO 9001 vào cơ quan hành chính nhà nước?',
    );
    expect(result.answered).toBe(true);
    expect(result.citations[0]?.docId).toBe('qd-19-2014');
  });

  it('keeps an inline numbered list in one sentence', async () => {
    const result = await kb.answerer.ask('Áp dụng HTQLCL theo QĐ 19/2014 gồm mấy bước?');
    const listed = result.sentences.find((s) => s.text.includes('(1) xây dựng'));
    expect(listed?.text).toContain('(4) duy trì và cải tiến');
  });

  it('does not take a mistyped word of a phrase the passage has for an unknown topic', async () => {
    // "chất lương" is "chất lượng" mistyped, not "lương" (salary): the folded pair is there.
    const result = await kb.answerer.ask('đánh giá nôi bộ hệ thông quản lý chất lương bao lâu một lân');
    expect(result.unknownWords).toBeUndefined();
  });

  it('refuses empty and symbol-only input without searching', async () => {
    for (const q of ['', '   ', '🙂🙂', '???']) {
      const result = await kb.answerer.ask(q);
      expect(result.answered).toBe(false);
    }
  });

  it('understands a short follow-up in the context of the previous question', async () => {
    const first = await kb.answerer.ask('Chứng thư chữ ký số chuyên dùng công vụ có thời hạn tối đa bao lâu?');
    expect(first.citations[0]).toMatchObject({ docId: 'nd-68-2024', section: 'Điều 9' });
    const follow = await kb.answerer.ask('còn chữ ký số công cộng thì sao?', {
      previousQuery: first.query,
    });
    expect(follow.answered).toBe(true);
    expect(follow.citations.map((c) => c.docId)).toContain('nd-23-2025');
  });

  it.each([
    [
      'Theo Phụ lục I Nghị định 30/2020/NĐ-CP, chữ viết tắt "KT." trước chức vụ người ký có nghĩa là gì?',
      'nd-30-2020',
      'Phụ lục I, mục II.7b',
    ],
    ['NĐ 68 quy định chứng thư CKS công vụ có hạn bao lâu?', 'nd-68-2024', 'Điều 9'],
  ])(
    'cites the article asked about in %p, not only the general section its số hiệu is in',
    async (question, docId, section) => {
      const result = await kb.answerer.ask(question);
      expect(result.citations.slice(0, 2)).toContainEqual(expect.objectContaining({ docId, section }));
    },
  );

  it('answers a question about a document itself from its general section', async () => {
    const result = await kb.answerer.ask('Nghị định 68/2024/NĐ-CP quy định về nội dung gì?');
    expect(result.citations[0]).toMatchObject({ docId: 'nd-68-2024', section: 'Thông tin chung' });
  });

  it('names the replacement when it cites a document no longer in force', async () => {
    const result = await kb.answerer.ask('Nghị định 130/2018/NĐ-CP còn hiệu lực không?');
    const cited = result.citations.find((c) => c.docId === 'nd-130-2018');
    // Replaced in two steps, each decree replacing a part: both are named.
    expect(cited).toMatchObject({
      status: 'replaced',
      replacedBy: [{ docId: 'nd-68-2024' }, { docId: 'nd-23-2025' }],
    });
  });

  it.each([
    ['dieu 9 nghi dinh 68/2024 noi gi', 'nd-68-2024', 'Điều 9'],
    ['Điều 22 Luật Giao dịch điện tử quy định gì?', 'luat-giao-dich-dien-tu-2023', 'Điều 22'],
    [
      'Theo khoản 2 Điều 23 Luật Giao dịch điện tử, chữ ký số có giá trị như chữ ký tay không?',
      'luat-giao-dich-dien-tu-2023',
      'Điều 23',
    ],
  ])('cites first the article named in %p', async (question, docId, section) => {
    const result = await kb.answerer.ask(question);
    expect(result.answered).toBe(true);
    expect(result.citations[0]).toMatchObject({ docId, section });
    expect(result.sentences.some((s) => s.citation === 1)).toBe(true);
  });

  it('refuses an article of a law named by its abbreviation that the knowledge base lacks', async () => {
    const result = await kb.answerer.ask('Luật ANM 2025 điều 20 quy định về cái j vậy?');
    expect(result).toMatchObject({
      answered: false,
      unknownArticles: { articles: ['Điều 20'], document: { number: '116/2025/QH15' } },
    });
  });

  it('restricts the search to a document named by its number', async () => {
    const result = await kb.answerer.ask('NĐ 30 quy định giấy tờ ký bằng mực màu gì?');
    expect(result.citations[0]).toMatchObject({ docId: 'nd-30-2020', section: 'Điều 13' });
  });

  it('reuses the index cached under the data directory on the next start', async () => {
    const again = await openKnowledgeBase({
      knowledgeDir: path.resolve('knowledge'),
      dataDir,
      logger,
      minScore: 0.2,
      maxCitations: 3,
    });
    expect(kb.stats.fromCache).toBe(false);
    expect(again.stats.fromCache).toBe(true);
    expect(again.stats.sections).toBe(kb.stats.sections);
    const a = await kb.answerer.ask('Văn bản hỏa tốc phải đăng ký khi nào?');
    const b = await again.answerer.ask('Văn bản hỏa tốc phải đăng ký khi nào?');
    expect(b).toEqual(a);
  });
});

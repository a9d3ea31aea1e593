/**
 * Every sentence the assistant says to a user, in one place so the wording and the diacritics can
 * be reviewed together. Code elsewhere never embeds Vietnamese text.
 */

import type { FigureKind } from '../src/language';

const numberFormat = new Intl.NumberFormat('vi-VN');
/** The articles named, at most, when saying which of a document's the knowledge base holds. */
const MAX_LISTED_ARTICLES = 10;

/** Formats a count the Vietnamese way (`2.000`). */
export const formatCount = (n: number): string => numberFormat.format(n);

/**
 * Example questions offered as one-tap suggestions in the welcome and help messages. Each must be
 * answered, with a citation, from the shipped knowledge (a test asks them).
 */
export const EXAMPLE_QUESTIONS: readonly string[] = [
  'Chữ ký số có giá trị pháp lý như chữ ký tay không?',
  'Văn bản điện tử có giá trị pháp lý như văn bản giấy không?',
  'Chứng thư chữ ký số chuyên dùng công vụ có thời hạn bao lâu?',
  'Cơ quan hành chính nào phải áp dụng ISO 9001:2015?',
];

/** Topics offered when nothing was found and the answerer had no suggestion of its own. */
export const DEFAULT_TOPICS: readonly string[] = [
  'chữ ký số chuyên dùng công vụ',
  'giao dịch điện tử',
  'văn bản điện tử và công tác văn thư',
];

/** Words a user types to ask for help; compared after trimming, lower-casing and NFC. */
export const HELP_COMMANDS: readonly string[] = [
  '/help',
  'help',
  'trợ giúp',
  'tro giup',
  'hướng dẫn',
  'huong dan',
  '?',
];

/**
 * Whole messages that only greet, answered with the welcome rather than searched as a question.
 * Compared like `HELP_COMMANDS`, and also without diacritics (the list is folded when read).
 */
export const GREETINGS: readonly string[] = [
  'xin chào',
  'chào',
  'chào bạn',
  'chào bot',
  'chào trợ lý',
  'chào em',
  'chào anh',
  'chào chị',
  'chào buổi sáng',
  'chào buổi chiều',
  'alo',
  'hello',
  'hi',
];

/** Whole messages that only thank, answered briefly. Compared like `GREETINGS`. */
export const THANKS: readonly string[] = [
  'cảm ơn',
  'cám ơn',
  'cảm ơn bạn',
  'cám ơn bạn',
  'cảm ơn em',
  'cám ơn em',
  'cảm ơn nhiều',
  'cám ơn nhiều',
  'cảm ơn trợ lý',
  'xin cảm ơn',
  'ok cảm ơn',
  'ok cám ơn',
  'thanks',
  'thank you',
  'tks',
];

export const texts = {
  welcome: [
    'Xin chào! Tôi là **Trợ lý CĐS**, trợ lý hỏi đáp về chuyển đổi số dành cho cán bộ, công chức, viên chức.',
    'Tôi trả lời câu hỏi về chuyển đổi số, chữ ký số và ký số văn bản, giao dịch điện tử, văn bản điện tử, an toàn thông tin và quy trình ISO 9001:2015 trong cơ quan hành chính. Mỗi câu trả lời đều ghi rõ nguồn: số hiệu văn bản, tên văn bản và điều khoản.',
    'Anh/chị hãy gõ câu hỏi, hoặc chọn một câu hỏi mẫu bên dưới. Gõ **trợ giúp** để xem hướng dẫn.',
  ].join('\n\n'),

  help: (maxChars: number): string =>
    [
      '**Hướng dẫn sử dụng Trợ lý CĐS**',
      [
        '- Gõ câu hỏi bằng tiếng Việt, có dấu hoặc không dấu, ví dụ: “Chữ ký số có giá trị pháp lý như chữ ký tay không?”',
        '- Có thể hỏi tiếp thật ngắn, tôi sẽ hiểu theo câu hỏi trước, ví dụ: “còn chữ ký số công cộng thì sao?”',
        '- Mỗi câu trả lời có đánh dấu nguồn [1], [2]… kèm số hiệu, tên văn bản, điều khoản và đường dẫn tới văn bản.',
        '- Bấm 👍 hoặc 👎 dưới câu trả lời để góp ý; ý kiến của anh/chị giúp cải thiện trợ lý.',
        `- Mỗi câu hỏi dài tối đa ${formatCount(maxChars)} ký tự; hiện tôi chỉ đọc được tin nhắn dạng chữ.`,
      ].join('\n'),
      'Lưu ý: câu trả lời chỉ để tham khảo nhanh. Khi cần làm căn cứ pháp lý, hãy đối chiếu với văn bản gốc.',
    ].join('\n\n'),

  thanks:
    'Rất vui được hỗ trợ anh/chị. Khi cần, anh/chị cứ gõ câu hỏi tiếp, hoặc gõ **trợ giúp** để xem tôi có thể làm gì.',

  emptyQuestion:
    'Anh/chị chưa nhập câu hỏi. Hãy gõ câu hỏi của anh/chị, ví dụ: “Chữ ký số có giá trị pháp lý như chữ ký tay không?”',

  tooLong: (maxChars: number, actualChars: number): string =>
    `Câu hỏi quá dài (${formatCount(actualChars)} ký tự). Mỗi câu hỏi dài tối đa ${formatCount(maxChars)} ký tự; anh/chị hãy rút gọn và gửi lại.`,

  unreadable:
    'Tôi không đọc được nội dung tin nhắn này. Anh/chị hãy gõ câu hỏi bằng chữ, ví dụ: “Văn bản điện tử có giá trị pháp lý không?”',

  attachmentsOnly:
    'Hiện tôi chỉ trả lời câu hỏi dạng chữ, chưa đọc được tệp, hình ảnh hay thẻ đính kèm. Anh/chị hãy gõ câu hỏi vào ô tin nhắn.',

  feedbackThanks: {
    up: 'Cảm ơn anh/chị đã đánh giá! Rất vui vì câu trả lời có ích.',
    down: 'Cảm ơn anh/chị đã góp ý! Câu trả lời này sẽ được xem xét để cải thiện.',
  },
  feedbackUpdated: 'Đã cập nhật đánh giá của anh/chị cho câu trả lời này. Cảm ơn anh/chị!',
  feedbackInvalid:
    'Không ghi nhận được đánh giá: câu trả lời không tồn tại trong cuộc trò chuyện này hoặc dữ liệu không hợp lệ. Anh/chị hãy bấm nút 👍 hoặc 👎 ngay dưới câu trả lời.',

  turnError:
    'Xin lỗi, đã có lỗi khi xử lý tin nhắn của anh/chị. Anh/chị vui lòng thử lại sau ít phút; nếu lỗi lặp lại, hãy báo cho bộ phận CNTT của đơn vị.',

  notFound:
    'Tôi chưa tìm thấy câu trả lời đủ tin cậy cho câu hỏi này trong bộ tài liệu hiện có, nên không đưa ra câu trả lời phỏng đoán.',
  /** Not answered because the documents do not speak of these words of the question. */
  notCovered: (words: readonly string[]): string =>
    `Bộ tài liệu hiện có chưa có nội dung trả lời câu hỏi về ${words.map((w) => `“${w}”`).join(', ')}, nên tôi không trả lời để tránh phỏng đoán.`,
  /** Not answered because the question names documents the knowledge base does not have. */
  notCoveredDocuments: (documents: readonly string[]): string =>
    `Bộ tài liệu hiện có chưa có ${documents.map((d) => `“${d}”`).join(', ')}, nên tôi không trả lời câu hỏi về văn bản này để tránh phỏng đoán.`,
  /**
   * Not answered because the question names articles of a document of which the knowledge base
   * holds other articles only: which ones it holds (the first {@link MAX_LISTED_ARTICLES}).
   */
  notCoveredArticles: (
    articles: readonly string[],
    document: { number: string; title: string },
    available: readonly string[],
  ): string => {
    const doc = document.number ? `${document.number} (${document.title})` : document.title;
    const listed = available.slice(0, MAX_LISTED_ARTICLES).join(', ');
    const more = available.length > MAX_LISTED_ARTICLES ? ', …' : '';
    const held = available.length > 0 ? `: ${listed}${more}` : ' (phần thông tin chung)';
    return `Bộ tài liệu hiện có chỉ tóm tắt một phần của ${doc}${held}; chưa có ${articles.join(', ')}, nên tôi không trả lời để tránh phỏng đoán.`;
  },
  /** Not answered because the passages that match the question state no figure of that kind. */
  notStated: (figure: string): string =>
    `Các tài liệu gần nhất với câu hỏi không nêu ${figure} mà anh/chị hỏi, nên tôi không trả lời để tránh phỏng đoán.`,
  /** What each kind of figure is called in `notStated` (see `FigureKind`). */
  figureNames: {
    duration: 'thời hạn, khoảng thời gian',
    money: 'mức tiền',
    percent: 'tỷ lệ phần trăm',
    date: 'ngày, thời điểm',
    rank: 'thứ hạng',
    quantity: 'con số',
    document: 'văn bản quy định',
    signer: 'người ký văn bản',
    sanction: 'hình thức, mức xử lý vi phạm',
    phone: 'số điện thoại',
    person: 'họ tên người giữ chức vụ hoặc đạt giải',
    menu: 'thao tác trên phần mềm (mục, nút cần bấm)',
    company: 'tên doanh nghiệp',
    agency: 'cơ quan, đơn vị thực hiện',
    address: 'địa chỉ (trụ sở hoặc trang web)',
    form: 'mẫu đơn, biểu mẫu cần dùng',
  } satisfies Record<FigureKind, string>,
  notFoundSuggest: 'Anh/chị có thể diễn đạt lại cụ thể hơn, hoặc hỏi về một trong các chủ đề sau:',

  sourcesHeading: 'Nguồn:',
  /** Answer to "điều nào quy định?" after an answer: its sources follow. */
  previousSources: (count: number) =>
    count === 1
      ? 'Nội dung vừa trả lời được trích từ văn bản dưới đây [1].'
      : `Nội dung vừa trả lời được trích từ ${count} nguồn dưới đây (${Array.from({ length: count }, (_, i) => `[${i + 1}]`).join(', ')}).`,
  /** A replaced document: no longer in force, and what replaced it when known. */
  replacedWarning: (doc: string, by: readonly { number: string; title: string }[] = []): string =>
    by.length > 0
      ? `⚠️ ${doc} đã hết hiệu lực, được thay thế bởi ${by.map((b) => (b.number ? `${b.number} — ${b.title}` : b.title)).join(' và ')}.`
      : `⚠️ ${doc} đã hết hiệu lực; hãy tra cứu văn bản thay thế.`,
  /** An amended document: still in force, but some provisions changed. */
  amendedWarning: (doc: string): string =>
    `⚠️ ${doc} vẫn còn hiệu lực nhưng đã được sửa đổi, bổ sung; hãy đối chiếu với văn bản sửa đổi.`,

  feedbackPrompt: 'Câu trả lời có hữu ích không?',
  feedbackUp: '👍 Hữu ích',
  feedbackDown: '👎 Chưa đúng',
};

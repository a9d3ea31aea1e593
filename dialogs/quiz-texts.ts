/**
 * Every sentence of the quizzes (practice and contests) that a user reads, in one place so the
 * wording and the diacritics can be reviewed together. Officials are addressed as "anh/chị".
 */
import type { QuizRejection } from '../src/quiz';
import { formatDuration, formatInstant, lettersOr } from './quiz-format';
import { formatCount } from './texts';

/** What a rejection message may mention, when the caller knows it. */
export interface RejectionContext {
  /** The contest id the person typed or tapped. */
  contestId?: string;
  /** Options of the current question, for "choose A, B, C or D". */
  optionCount?: number;
}

const TIEBREAK_REMINDER =
  'Tôi chưa đọc được con số dự đoán. Hãy gõ một số nguyên không âm (ví dụ: 1500), hoặc gõ /nopbai để nộp bài mà không trả lời câu hỏi phụ.';

const HOW_TO_START =
  'Gõ **/luyentap** để luyện tập, hoặc **/thi** để xem các cuộc thi đang mở cho anh/chị.';

const rejections: Record<QuizRejection, (ctx: RejectionContext) => string> = {
  'no-active-attempt': () =>
    `Anh/chị chưa có bài luyện tập hay bài thi nào đang làm, nên câu trả lời này không được ghi nhận. ${HOW_TO_START}`,
  'nothing-running': () =>
    `Anh/chị không có bài luyện tập hay bài thi nào đang làm. ${HOW_TO_START}`,
  'attempt-running': () =>
    'Anh/chị đang làm dở một bài, nên chưa thể bắt đầu bài mới. Hãy làm tiếp câu hỏi dưới đây; muốn kết thúc sớm thì gõ **/nopbai** (bài thi) hoặc **/huy** (bài luyện tập).',
  'unknown-contest': ({ contestId }) =>
    `Không tìm thấy cuộc thi ${contestId ? `có mã “${contestId}”` : 'này'}. Gõ **/thi** để xem danh sách các cuộc thi đang mở và mã của từng cuộc thi.`,
  'not-in-directory': () =>
    'Anh/chị chưa có trong danh sách cán bộ của hệ thống nên chưa thể dự thi; anh/chị vẫn có thể luyện tập (gõ **/luyentap**). Nếu anh/chị là cán bộ, công chức, viên chức của đơn vị, hãy đề nghị bộ phận phụ trách bổ sung tên vào danh sách.',
  'not-open-yet': () =>
    'Cuộc thi này chưa đến thời gian mở. Anh/chị vui lòng quay lại khi cuộc thi bắt đầu; gõ **/thi** để xem các cuộc thi đang mở.',
  closed: () =>
    'Cuộc thi này đã kết thúc, không nhận thêm lượt dự thi. Anh/chị vẫn có thể luyện tập: gõ **/luyentap**.',
  'not-in-audience': () =>
    'Cuộc thi này không dành cho đơn vị hoặc vị trí của anh/chị nên anh/chị không thể dự thi. Gõ **/thi** để xem các cuộc thi anh/chị được tham gia.',
  'no-attempts-left': () =>
    'Anh/chị đã dùng hết số lượt dự thi của cuộc thi này (tính trên mọi thiết bị). Anh/chị vẫn có thể luyện tập: gõ **/luyentap**.',
  'unknown-topic': () =>
    'Không tìm thấy chủ đề này trong ngân hàng câu hỏi. Gõ **/luyentap** để luyện tập tất cả các chủ đề.',
  'invalid-prediction': () => TIEBREAK_REMINDER,
  'invalid-answer': ({ optionCount }) =>
    `Tôi chưa hiểu câu trả lời của anh/chị. Hãy bấm nút hoặc gõ ${choiceWords(optionCount)}.`,
  'wrong-attempt': () =>
    'Câu trả lời này thuộc một bài đã kết thúc hoặc không phải bài anh/chị đang làm, nên không được ghi nhận.',
  'wrong-question': () =>
    'Câu trả lời này dành cho một câu hỏi khác, không phải câu anh/chị đang làm, nên không được ghi nhận. Mời anh/chị trả lời câu hiện tại:',
  'already-answered': () =>
    'Câu này anh/chị đã trả lời rồi; mỗi câu chỉ được trả lời một lần, câu trả lời đầu tiên được giữ nguyên.',
  'choice-out-of-range': ({ optionCount }) =>
    `Không có phương án này. ${optionCount ? `Câu hỏi có ${optionCount} phương án: ` : ''}hãy bấm nút hoặc gõ ${choiceWords(optionCount)}.`,
  'deadline-passed': () =>
    'Đã hết thời gian làm bài nên câu trả lời này không được ghi nhận. Bài thi được nộp tự động; câu chưa trả lời được tính là sai. Gõ **/ketqua** để xem kết quả.',
  'contest-cannot-be-cancelled': () =>
    'Bài thi đã bắt đầu thì không thể hủy. Anh/chị có thể làm tiếp, hoặc gõ **/nopbai** để nộp bài ngay.',
  conflict: () =>
    'Câu trả lời vừa rồi đến cùng lúc với một câu trả lời khác cho cùng câu hỏi và chỉ một câu trả lời được ghi nhận. Mời anh/chị xem câu hỏi hiện tại:',
};

function choiceWords(optionCount: number | undefined): string {
  return optionCount
    ? `${lettersOr(optionCount)} (hoặc số thứ tự từ 1 đến ${optionCount})`
    : 'chữ cái của phương án (A, B, C…) hoặc số thứ tự của phương án';
}

export const quizTexts = {
  welcomeSection:
    'Anh/chị cũng có thể luyện tập trắc nghiệm (gõ **/luyentap**) và dự thi đánh giá năng lực ứng dụng CNTT, chuyển đổi số (gõ **/thi**).',
  helpSection: [
    '**Luyện tập và thi trắc nghiệm**',
    [
      '- **/luyentap** (hoặc “luyện tập”, “ôn thi”): luyện tập 10 câu hỏi trắc nghiệm; thêm tên chủ đề để luyện riêng một chủ đề, ví dụ: “/luyentap an toàn thông tin”. **/huy** để dừng.',
      '- **/thi**: xem các cuộc thi đang mở cho anh/chị; **/thi** kèm mã cuộc thi để xem thể lệ và bắt đầu thi; **/nopbai** để nộp bài sớm.',
      '- **/ketqua**: xem kết quả các bài thi, bài luyện tập của anh/chị.',
      '- Trả lời bằng nút bấm, hoặc gõ chữ cái (A, B, C, D) hay số thứ tự (1, 2, 3, 4) của phương án.',
    ].join('\n'),
  ].join('\n\n'),

  questionHeading: (number: number, total: number): string => `Câu ${number}/${total}`,
  timeLeft: (ms: number): string => `Còn ${formatDuration(ms)}`,
  answerHint: (optionCount: number): string =>
    `Bấm nút hoặc gõ ${lettersOr(optionCount)} để trả lời.`,
  /** Where the buttons cannot be shown (a card's fallback): typing is the way to answer. */
  typedAnswerHint: (optionCount: number): string => `Gõ ${lettersOr(optionCount)} để trả lời.`,
  practiceHint: 'Gõ /huy để dừng luyện tập.',
  contestHint: 'Gõ /nopbai để nộp bài sớm: bài được nộp ngay, không hỏi lại.',
  practiceIntro: (total: number, topicName?: string): string =>
    `Bắt đầu bài luyện tập ${total} câu${topicName ? ` về chủ đề “${topicName}”` : ''}. Sau mỗi câu, tôi sẽ cho biết đúng hay sai, kèm giải thích và nguồn tham khảo.`,
  contestIntro:
    'Bắt đầu làm bài thi. Thời gian đã bắt đầu tính; hết giờ, bài được nộp tự động. Trong khi thi không hiển thị đúng/sai.',
  resumedPractice: 'Anh/chị đang có một bài luyện tập chưa làm xong; mời anh/chị làm tiếp.',
  resumedContest: 'Anh/chị đang làm dở bài thi và thời gian vẫn đang tính; mời anh/chị làm tiếp.',
  answerRecorded: (number: number): string => `Đã ghi nhận câu trả lời cho câu ${number}.`,

  contestReminder:
    'Anh/chị đang làm bài thi: trong thời gian thi, tôi không trả lời câu hỏi khác. Mời anh/chị trả lời câu hỏi dưới đây, hoặc gõ /nopbai để nộp bài.',
  practiceReminder:
    'Bài luyện tập của anh/chị vẫn đang chờ. Mời anh/chị trả lời tiếp câu hỏi dưới đây, hoặc gõ /huy để dừng luyện tập.',

  feedbackCorrect: '✅ **Chính xác!**',
  feedbackWrong: '❌ **Chưa đúng.**',
  feedbackChosen: (letter: string, option: string): string =>
    `Anh/chị chọn **${letter}.** ${option}`,
  feedbackAnswer: (letter: string, option: string): string =>
    `Đáp án đúng: **${letter}.** ${option}`,
  explanationLabel: 'Giải thích:',
  sourceLabel: 'Nguồn:',

  tiebreakHeading: 'Câu hỏi phụ',
  tiebreakIntro:
    'Anh/chị đã trả lời hết các câu trắc nghiệm. Còn một câu hỏi phụ, chỉ dùng để xếp hạng khi bằng điểm:',
  tiebreakHint: (unit?: string): string =>
    `Hãy gõ một số nguyên không âm${unit ? ` (đơn vị: ${unit})` : ''}, ví dụ: 1500.`,
  tiebreakReminder: TIEBREAK_REMINDER,
  tiebreakInputLabel: 'Dự đoán của anh/chị',
  tiebreakSubmit: 'Gửi dự đoán',

  resultPracticeTitle: '**Kết quả bài luyện tập**',
  resultContestTitle: (title: string): string => `**Kết quả bài thi “${title}”**`,
  submitReason: {
    user: 'Anh/chị đã nộp bài.',
    complete: 'Anh/chị đã trả lời hết các câu hỏi; bài đã được nộp.',
    deadline: 'Hết thời gian làm bài: bài đã được nộp tự động; câu chưa trả lời được tính là sai.',
    cancelled: 'Bài luyện tập đã dừng.',
  },
  candidate: (fullName: string): string => `Thí sinh: ${fullName}`,
  scoreLine: (score: number, correct: number, total: number): string =>
    `**Điểm: ${score}/100** (đúng ${correct}/${total} câu)`,
  passed: (passMark: number): string => `✅ **Đạt** (điểm đạt: ${passMark}/100)`,
  failed: (passMark: number): string => `❌ **Chưa đạt** (điểm đạt: ${passMark}/100)`,
  tiebreakGiven: (value: number, unit?: string): string =>
    `Câu hỏi phụ — dự đoán của anh/chị: ${formatCount(value)}${unit ? ` ${unit}` : ''}`,
  byTopicHeading: '**Theo chủ đề:**',
  reviewHeading: '**Các câu chưa đúng:**',
  reviewAllRight: 'Anh/chị đã trả lời đúng tất cả các câu. Xin chúc mừng!',
  reviewQuestion: (number: number, text: string): string => `**Câu ${number}:** ${text}`,
  reviewChosen: (choice: string): string => `Anh/chị chọn: ${choice}`,
  reviewNotAnswered: 'Anh/chị chọn: (chưa trả lời)',
  reviewAnswer: (choice: string): string => `Đáp án đúng: ${choice}`,
  reviewAfterClose: (closesAt: number): string =>
    `Đáp án và giải thích sẽ được công bố sau khi cuộc thi kết thúc (${formatInstant(closesAt)}).`,
  reviewNever: 'Cuộc thi này không công bố đáp án.',
  practiceAgain: 'Gõ /luyentap để luyện tập tiếp.',
  contestExpired: (title: string): string =>
    `⏰ Đã hết thời gian làm bài thi “${title}”. Bài thi đã được nộp tự động; câu chưa trả lời được tính là sai.`,
  practiceCancelled: (answered: number, total: number): string =>
    `Đã dừng bài luyện tập (anh/chị đã trả lời ${answered}/${total} câu). Gõ /luyentap khi muốn luyện tập lại.`,

  contestListTitle: '**Các cuộc thi đang mở cho anh/chị:**',
  contestListItem: (
    title: string,
    id: string,
    questions: number,
    minutes: number,
    closesAt: number,
  ): string =>
    `**${title}** (mã: ${id}) — ${questions} câu, ${minutes} phút; mở đến ${formatInstant(closesAt)}`,
  attemptsLeft: (n: number): string => (n > 0 ? `còn ${n} lượt dự thi` : 'đã hết lượt dự thi'),
  contestRunning: (contestId: string): string =>
    `anh/chị **đang làm bài thi này**: gõ **/thi ${contestId}** để xem lại câu hỏi hiện tại`,
  contestListHint: (exampleId: string): string =>
    `Bấm nút, hoặc gõ /thi kèm mã cuộc thi (ví dụ: /thi ${exampleId}) để xem thể lệ và bắt đầu.`,
  contestListEmpty:
    'Hiện không có cuộc thi nào đang mở cho anh/chị. Anh/chị vẫn có thể luyện tập: gõ **/luyentap**.',
  contestPick: 'Chọn cuộc thi để xem thể lệ:',
  contestOpenButton: (title: string): string => `Dự thi: ${title}`,

  confirmTitle: (title: string): string => `**${title}**`,
  confirmRulesHeading: 'Thể lệ:',
  confirmQuestions: (n: number): string =>
    `Số câu hỏi: ${n} câu trắc nghiệm, mỗi câu có một đáp án đúng.`,
  confirmTimeLimit: (minutes: number): string =>
    `Thời gian làm bài: ${minutes} phút, tính từ khi anh/chị bấm “Bắt đầu”.`,
  confirmDeadline: (deadline: number): string =>
    `Nếu bắt đầu ngay, anh/chị phải nộp bài trước ${formatInstant(deadline)}.`,
  confirmDeadlineShortened: (deadline: number): string =>
    `Cuộc thi đóng lúc ${formatInstant(deadline)}, nên nếu bắt đầu ngay, anh/chị chỉ được làm bài đến lúc đó (ít hơn thời gian làm bài đầy đủ).`,
  confirmPassMark: (passMark: number): string => `Điểm đạt: ${passMark}/100.`,
  confirmAttempts: (n: number): string => `Số lượt dự thi còn lại: ${n} (tính cả lượt này).`,
  confirmNoFeedback:
    'Trong khi thi không hiển thị đúng/sai và tôi không trả lời câu hỏi khác; hết giờ, bài được nộp tự động, câu chưa trả lời được tính là sai.',
  confirmSubmitEarly: 'Gõ /nopbai để nộp bài sớm: bài được nộp ngay, không hỏi lại.',
  confirmReview: {
    'after-submit': 'Anh/chị được xem đáp án và giải thích ngay sau khi nộp bài.',
    'after-close': 'Đáp án và giải thích được công bố sau khi cuộc thi kết thúc.',
    never: 'Cuộc thi không công bố đáp án.',
  },
  confirmTiebreak:
    'Cuối bài có một câu hỏi phụ (dự đoán một con số), chỉ dùng để xếp hạng khi bằng điểm.',
  confirmPrompt:
    'Bấm **Bắt đầu** khi anh/chị sẵn sàng (hoặc gõ “bắt đầu”), hoặc **Để sau** nếu chưa muốn thi lúc này.',
  confirmReady: 'Anh/chị đã sẵn sàng làm bài?',
  confirmStart: 'Bắt đầu',
  confirmLater: 'Để sau',
  later: (contestId?: string): string =>
    `Vâng, khi anh/chị sẵn sàng, gõ **/thi${contestId ? ` ${contestId}` : ''}** để bắt đầu.`,

  unknownCommand: (command: string): string =>
    [
      `Tôi chưa hiểu lệnh “${command}”. Các lệnh anh/chị có thể dùng:`,
      [
        '- **/luyentap** [chủ đề]: luyện tập trắc nghiệm',
        '- **/thi**: xem các cuộc thi đang mở; **/thi** kèm mã cuộc thi: xem thể lệ và bắt đầu',
        '- **/nopbai**: nộp bài thi; **/huy**: dừng bài luyện tập',
        '- **/ketqua**: xem kết quả của anh/chị',
        '- **trợ giúp**: hướng dẫn sử dụng',
      ].join('\n'),
      'Anh/chị cũng có thể gõ câu hỏi trực tiếp, không cần lệnh.',
    ].join('\n\n'),

  invalidPayload:
    'Thao tác này không hợp lệ hoặc đã hết hiệu lực nên không được ghi nhận. Anh/chị hãy dùng các nút trên câu hỏi mới nhất, hoặc gõ câu trả lời (A, B, C, D).',
  unknownTopic: (query: string, topics: readonly string[]): string =>
    [
      `Không tìm thấy chủ đề “${query}” trong ngân hàng câu hỏi. Các chủ đề hiện có:`,
      topics.map((t) => `- ${t}`).join('\n'),
      'Gõ **/luyentap** kèm tên chủ đề, hoặc chỉ **/luyentap** để luyện tập tất cả các chủ đề.',
    ].join('\n\n'),

  rejection: (reason: QuizRejection, ctx: RejectionContext = {}): string => rejections[reason](ctx),
};

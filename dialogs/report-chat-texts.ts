/**
 * What the report commands say in the chat (`/baocao`, `/chuathi`, `/xuatexcel`, `/xephang`).
 * Numbers are written the Vietnamese way (`72,5`, `85,3%`).
 */
const decimal = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** `72,5`; `—` for a figure that cannot be computed. */
export const formatNumber = (n: number | null | undefined): string =>
  n === null || n === undefined || !Number.isFinite(n) ? '—' : decimal.format(n);

/** `1.234` */
export const formatInteger = (n: number): string => integer.format(n);

/** A rate 0..1 as `85,3%`; `—` when unknown. */
export const formatRate = (rate: number | null | undefined): string =>
  rate === null || rate === undefined || !Number.isFinite(rate)
    ? '—'
    : `${decimal.format(rate * 100)}%`;

/** A signed change: `+2,3`, `−1`, `0`; rates are given in percentage points. */
export function formatDelta(delta: number | null | undefined, unit = ''): string {
  if (delta === null || delta === undefined || !Number.isFinite(delta)) return '—';
  const rounded = Math.round(delta * 10) / 10;
  if (rounded === 0) return `0${unit}`;
  return `${rounded > 0 ? '+' : '−'}${decimal.format(Math.abs(rounded))}${unit}`;
}

const commandList = [
  '- **/baocao** [mã đơn vị] [mã cuộc thi]: báo cáo tổng hợp kết quả của đơn vị',
  '- **/chuathi** [mã đơn vị] [mã cuộc thi]: danh sách người chưa thi',
  '- **/xuatexcel** [mã đơn vị] [mã cuộc thi]: tải báo cáo dạng Excel',
  '- **/xephang** [mã cuộc thi]: bảng xếp hạng',
].join('\n');

export const reportTexts = {
  helpSection: [
    '**Báo cáo đơn vị** (dành cho lãnh đạo, quản lý đơn vị)',
    commandList,
    'Không ghi mã đơn vị: đơn vị của anh/chị; không ghi mã cuộc thi: cuộc thi gần nhất. Mã gõ chữ hoa hay chữ thường đều được; gõ **/thi** để xem mã các cuộc thi.',
  ].join('\n\n'),

  notAllowed:
    'Báo cáo đơn vị chỉ dành cho lãnh đạo, quản lý đơn vị. Anh/chị có thể xem kết quả của mình bằng lệnh **/ketqua**.',
  unitNotVisible: (code: string | undefined): string =>
    code
      ? `Anh/chị không xem được báo cáo của mã đơn vị “${code}”: mã này không có hoặc không thuộc phạm vi anh/chị phụ trách.`
      : 'Anh/chị chưa được giao phụ trách đơn vị nào để xem báo cáo. Anh/chị vui lòng liên hệ quản trị hệ thống.',
  /** After a denial for a single code that was not a contest id either. */
  codeHint: 'Nếu đó là mã cuộc thi, anh/chị gõ **/thi** để xem đúng mã các cuộc thi.',
  unknownContest: (id: string): string =>
    `Không có cuộc thi mã “${id}”. Anh/chị gõ **/thi** để xem mã các cuộc thi.`,
  notAContest: (id: string): string =>
    `“${id}” không phải mã cuộc thi. Bảng xếp hạng dùng: **/xephang** [mã cuộc thi]; gõ **/thi** để xem mã các cuộc thi.`,
  noContest: 'Chưa có cuộc thi nào để lập báo cáo.',
  tooManyArgs: (command: string, usage: string): string =>
    `Lệnh **${command}** nhận tối đa: ${usage}. Anh/chị vui lòng gõ lại, ví dụ: **${command}** hoặc **${command}** ${usage}.`,
  badArg: (command: string, usage: string): string =>
    `Mã đơn vị và mã cuộc thi chỉ gồm chữ, số và các dấu “-”, “_”, “.” (tối đa 64 ký tự). Cách dùng: **${command}** ${usage}.`,
  usage: {
    summary: '[mã đơn vị] [mã cuộc thi]',
    'not-taken': '[mã đơn vị] [mã cuộc thi]',
    export: '[mã đơn vị] [mã cuộc thi]',
    ranking: '[mã cuộc thi]',
  },
  commandName: {
    summary: '/baocao',
    'not-taken': '/chuathi',
    export: '/xuatexcel',
    ranking: '/xephang',
  },
  invalidPayload:
    'Nút bấm này không còn dùng được. Anh/chị gõ **/baocao** để xem lại báo cáo của đơn vị.',
  unavailable: 'Hiện chưa lập được báo cáo. Anh/chị vui lòng thử lại sau ít phút.',

  // Summary
  summaryTitle: (unitName: string): string => `Báo cáo kết quả — ${unitName}`,
  contestLine: (contestTitle: string, when: string): string =>
    `${contestTitle} · số liệu lúc ${when}`,
  participants: 'Tham gia',
  participantsValue: (people: number, roster: number, rate: string): string =>
    `${formatInteger(people)}/${formatInteger(roster)} người (${rate})`,
  attempts: 'Lượt thi',
  attemptsValue: (attempts: number, people: number): string =>
    `${formatInteger(attempts)} lượt của ${formatInteger(people)} người`,
  meanMedian: 'Điểm TB / trung vị',
  passRate: (passMark: number): string => `Tỷ lệ đạt (≥ ${passMark} điểm)`,
  under50: 'Dưới 50 điểm',
  meanDuration: 'Thời gian làm bài TB',
  chartAlt: 'Biểu đồ phân bố điểm và điểm trung bình theo đơn vị',
  chartLink: 'Xem biểu đồ',
  topicsHeading: 'Theo chủ đề',
  topicLine: (name: string, mean: string, asked: number): string =>
    `${name}: ${mean} điểm (${formatInteger(asked)} câu đã hỏi)`,
  subUnitsHeading: 'Theo đơn vị (yếu nhất trước)',
  ownStaff: (unitName: string): string => `${unitName} (cán bộ trực thuộc)`,
  subUnitLine: (mean: string, pass: string, people: number, roster: number): string =>
    `TB ${mean} · đạt ${pass} · ${formatInteger(people)}/${formatInteger(roster)} người`,
  moreSubUnits: (n: number): string =>
    `… và ${formatInteger(n)} đơn vị khác (xem đủ trong file Excel: **/xuatexcel**).`,
  questionsHeading: '5 câu hỏi khó nhất',
  /** `discrimination` undefined: too few first attempts (or all alike) to compute it. */
  questionLine: (
    text: string,
    facility: string,
    discrimination: string | undefined,
    attempts: number,
  ): string =>
    `${text} — độ dễ ${facility}%, ${discrimination === undefined ? 'chưa tính được độ phân biệt' : `độ phân biệt ${discrimination}%`} (${formatInteger(attempts)} lượt)`,
  questionsNote:
    '_Độ dễ: tỷ lệ trả lời đúng; độ phân biệt: tương quan giữa câu này và phần còn lại của bài (lần thi đầu)._',
  comparisonHeading: (title: string): string => `So với cuộc thi trước (${title})`,
  comparisonLine: (mean: string, pass: string, participation: string): string =>
    `Điểm TB ${mean} điểm · tỷ lệ đạt ${pass} · tỷ lệ tham gia ${participation}`,
  noParticipants: 'Chưa có ai trong đơn vị nộp bài thi này.',
  exportButton: 'Xuất Excel',
  notTakenButton: 'Ai chưa thi',
  textActions: (unitCode: string, contestId: string): string =>
    `Gõ **/xuatexcel ${unitCode} ${contestId}** để tải file Excel, **/chuathi ${unitCode} ${contestId}** để xem ai chưa thi.`,

  // Not taken
  notTakenHeading: (contestTitle: string, unitName: string, n: number, roster: number): string =>
    `**Chưa thi — ${contestTitle}**\n${unitName}: ${formatInteger(n)}/${formatInteger(roster)} người chưa nộp bài.`,
  notTakenNone: (contestTitle: string, unitName: string, roster: number): string =>
    `**${contestTitle}** — ${unitName}: cả ${formatInteger(roster)} người đều đã nộp bài. 👏`,
  notTakenMore: (n: number): string => `… và ${formatInteger(n)} người khác.`,
  notTakenExportHint: (unitCode: string, contestId: string): string =>
    `Gõ **/xuatexcel ${unitCode} ${contestId}** để tải báo cáo Excel của đơn vị.`,

  // Ranking
  rankingHeading: (contestTitle: string, unitName: string, total: number): string =>
    `**Xếp hạng — ${contestTitle}**\n${unitName}: ${formatInteger(total)} thí sinh.`,
  rankingLine: (
    rank: number,
    name: string,
    unitName: string,
    score: number,
    duration: string,
  ): string => `${rank}. **${name}** (${unitName}) — ${score} điểm — ${duration}`,
  rankingTiebreak: (given: number, distance: number | undefined): string =>
    distance === undefined
      ? ` — dự đoán ${formatInteger(given)}`
      : ` — dự đoán ${formatInteger(given)} (lệch ${formatInteger(distance)})`,
  rankingNone: (contestTitle: string, unitName: string): string =>
    `**${contestTitle}** — ${unitName}: chưa có ai nộp bài.`,
  rankingMore: (shown: number, total: number): string =>
    `Đang hiện ${formatInteger(shown)}/${formatInteger(total)} thí sinh đầu bảng; xem đủ trong file Excel (**/xuatexcel**).`,
  rankingRule: '_Xếp theo điểm, rồi câu hỏi phụ (dự đoán gần đúng hơn), rồi thời gian làm bài._',

  // Export
  exportReady: (unitName: string, contestTitle: string, link: string, until: string): string =>
    [
      `📊 **Báo cáo Excel — ${unitName} — ${contestTitle}**`,
      `Tải file: ${link}`,
      `_Đường dẫn dùng được đến ${until}; sau đó anh/chị gõ lại **/xuatexcel** để lấy đường dẫn mới._`,
    ].join('\n\n'),
  exportButtonOpen: 'Tải file Excel',
} as const;

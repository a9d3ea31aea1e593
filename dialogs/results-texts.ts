/**
 * `/ketqua`: a person's own competency results, newest first, in Vietnamese. Pure: the bot passes
 * the lines from `ResultStore.listForUser` and a way to name contests.
 */
import { foldDiacritics } from '../src/language';
import type { ResultSummary } from '../src/results';
import { textReply, type Reply } from './messages';
import { formatInstant } from './quiz-format';

/** Whole messages (folded, without spaces or punctuation) that ask for one's own results. */
const RESULTS_WORDS = new Set(['/ketqua', 'ketqua', 'xemketqua', 'ketquacuatoi', '/xemketqua']);

/** The command itself followed by words ("/ketqua thi-2026"): the words are not needed. */
const RESULTS_COMMAND_WITH_WORDS = /^\/ket ?qua\s+\S/u;

/**
 * Whether `text` asks for the person's own results: `/ketqua`, `/kết quả`, `/KetQua`,
 * `xem kết quả`, `kết quả của tôi` (with or without diacritics); also `/ketqua` followed by
 * anything, which lists all of them.
 */
export function isResultsCommand(text: string): boolean {
  const lower = foldDiacritics(text.normalize('NFC').trim()).toLowerCase();
  if (RESULTS_COMMAND_WITH_WORDS.test(lower)) return true;
  return RESULTS_WORDS.has(lower.replace(/[\s.!?]+/gu, ''));
}

export const resultsTexts = {
  heading: '**Kết quả của anh/chị** (mới nhất trước):',
  none: 'Anh/chị chưa có kết quả nào. Gõ **/luyentap** để luyện tập hoặc **/thi** để dự thi.',
  practice: 'Luyện tập',
  unknownContest: (id: string): string => `Cuộc thi ${id}`,
  line: (title: string, when: string, score: number, correct: number, total: number): string =>
    `**${title}** — ${when} — **${score}**/100 (${correct}/${total} câu đúng)`,
  passed: '✅ Đạt',
  failed: '❌ Chưa đạt',
  delay: '_Bài vừa nộp có thể cần vài giây mới hiện trong danh sách này._',
  more: (shown: number): string => `Đang hiện ${shown} kết quả gần nhất.`,
  unavailable: 'Hiện chưa xem được kết quả. Anh/chị vui lòng thử lại sau ít phút.',
} as const;

/**
 * The text of `/ketqua`: one numbered line per result (contest title or "Luyện tập", date and time
 * in Vietnam time, score of 100 with right answers, and Đạt / Chưa đạt when there is a pass mark),
 * a note that a result just submitted may take a few seconds to appear, and `more` when the list
 * was cut at `limit` lines.
 */
export function renderMyResults(
  results: readonly ResultSummary[],
  contestTitle: (contestId: string) => string | undefined,
  limit?: number,
): string {
  if (results.length === 0) return `${resultsTexts.none}\n\n${resultsTexts.delay}`;
  const lines = results.map((r, i) => {
    const title =
      r.contestId === null
        ? resultsTexts.practice
        : (contestTitle(r.contestId) ?? resultsTexts.unknownContest(r.contestId));
    const when = formatInstant(Date.parse(r.submittedAt));
    const line = resultsTexts.line(title, when, r.score, r.correct, r.total);
    const verdict =
      r.passed === null ? '' : ` — ${r.passed ? resultsTexts.passed : resultsTexts.failed}`;
    return `${i + 1}. ${line}${verdict}`;
  });
  const parts = [resultsTexts.heading, lines.join('\n')];
  if (limit !== undefined && results.length >= limit) parts.push(resultsTexts.more(results.length));
  parts.push(resultsTexts.delay);
  return parts.join('\n\n');
}

/** The `/ketqua` reply (Markdown text). */
export function myResultsReply(
  results: readonly ResultSummary[],
  contestTitle: (contestId: string) => string | undefined,
  limit?: number,
): Reply {
  return textReply(renderMyResults(results, contestTitle, limit));
}

import { foldDiacritics } from '../src/language';
import { looksLikeChoice } from '../src/quiz';

/** A quiz command typed by the user (or sent as text by a button on channels without cards). */
export type QuizCommand =
  | { kind: 'practice'; topic?: string }
  | { kind: 'contests' }
  | { kind: 'contest'; contestId: string }
  | { kind: 'start-contest'; contestId: string }
  | { kind: 'later' }
  | { kind: 'submit' }
  | { kind: 'cancel' }
  /** A slash command the bot does not know (`/ketqua`, `/xyz`): answered with the command list. */
  | { kind: 'unknown'; command: string };

/** Words that start a practice, with or without diacritics; a topic may follow. */
const PRACTICE_WORDS = ['luyện tập', 'luyen tap', 'ôn thi', 'on thi', 'ôn tập', 'on tap'];
/** Whole messages that list the contests (`/thi` works too). */
const CONTESTS_WORDS = new Set(['thi', 'dự thi', 'du thi', 'cuộc thi', 'cuoc thi']);
const SUBMIT_WORDS = new Set(['nộp bài', 'nop bai', 'nộp bài thi', 'nop bai thi']);
/** Not folded: "đúng" and "dùng" fold to "dung" too. */
const CANCEL_WORDS = new Set([
  'hủy',
  'huỷ',
  'huy',
  'dừng',
  'hủy luyện tập',
  'huỷ luyện tập',
  'huy luyen tap',
  'dừng luyện tập',
  'dung luyen tap',
]);
const LATER_WORDS = new Set(['để sau', 'de sau']);
/** Slash words the bot answers with its help, compared folded. */
const HELP_WORDS = new Set(['help', 'trogiup', 'huongdan']);

/** Slash commands, compared folded and without spaces: `/luyện tập`, `/luyentap`, `/LuyenTap`. */
const SLASH: Record<string, QuizCommand['kind']> = {
  luyentap: 'practice',
  ontap: 'practice',
  onthi: 'practice',
  thi: 'contests',
  batdau: 'start-contest',
  nopbai: 'submit',
  huy: 'cancel',
  dung: 'cancel',
};

function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/(?<=.)[.!。]+$/u, '')
    .trim();
}

/** Folds a run of words for comparison: no diacritics, no spaces, lower case. */
const squash = (words: string): string => foldDiacritics(words).replace(/\s+/g, '');

function parseSlash(body: string): QuizCommand | undefined {
  const words = body.split(' ');
  const known = parseKnownSlash(words);
  if (known) return known;
  // "/help" and friends are the bot's; anything else that looks like a command is unknown.
  const head = words[0] ?? '';
  const isHelp =
    HELP_WORDS.has(squash(head)) || HELP_WORDS.has(squash(words.slice(0, 2).join(' ')));
  if (/^\p{L}[\p{L}\p{N}]*$/u.test(head) && !isHelp) {
    return { kind: 'unknown', command: `/${head}` };
  }
  return undefined;
}

function parseKnownSlash(words: string[]): QuizCommand | undefined {
  // The command may be written in one or two words ("/luyentap", "/luyện tập", "/bắt đầu").
  for (const take of [2, 1]) {
    if (words.length < take) continue;
    const kind = SLASH[squash(words.slice(0, take).join(' '))];
    if (!kind) continue;
    const rest = words.slice(take).join(' ').trim();
    switch (kind) {
      case 'practice':
        return rest ? { kind, topic: rest } : { kind };
      case 'contests':
        return rest ? { kind: 'contest', contestId: rest.toLowerCase() } : { kind };
      case 'start-contest':
        return rest ? { kind, contestId: rest.toLowerCase() } : { kind: 'contests' };
      case 'submit':
      case 'cancel':
        // "/nopbai ngay", "/huy luyện tập": the words after the command change nothing.
        return { kind };
      default:
        return undefined;
    }
  }
  return undefined;
}

/**
 * Reads a quiz command from a message: `/luyentap [chủ đề]` (also "luyện tập", "ôn thi", "ôn tập",
 * with or without diacritics), `/thi` (also "thi", "dự thi", "cuộc thi"), `/thi <id>`,
 * `/batdau <id>`, `/nopbai` ("nộp bài"), `/huy` ("hủy", "dừng"), "để sau"; any other `/word`
 * is an `unknown` command (help words excepted, they are the bot's). Slash commands are
 * compared without diacritics or case; words without a slash must be the whole message (except
 * the practice words, which a topic may follow), so that ordinary questions are not taken for
 * commands. Returns `undefined` for anything else.
 */
export function parseQuizCommand(text: string): QuizCommand | undefined {
  const cleaned = clean(text);
  if (cleaned.startsWith('/')) return parseSlash(cleaned.slice(1).trim());
  // Vietnamese has no special casing: the same as toLocaleLowerCase('vi'), without its locale lookup.
  const lower = cleaned.toLowerCase();
  for (const word of PRACTICE_WORDS) {
    if (lower === word) return { kind: 'practice' };
    if (lower.startsWith(`${word} `)) {
      return { kind: 'practice', topic: cleaned.slice(word.length).trim() };
    }
  }
  if (CONTESTS_WORDS.has(lower)) return { kind: 'contests' };
  if (SUBMIT_WORDS.has(lower)) return { kind: 'submit' };
  if (CANCEL_WORDS.has(lower)) return { kind: 'cancel' };
  if (LATER_WORDS.has(lower)) return { kind: 'later' };
  return undefined;
}

/**
 * Whether a message has the shape of a typed answer ("A", "b.", "(c)", "3", "Đáp án D"), whatever
 * the number of options: "E", "0" and "99" do too, so that the quiz service can say which letters
 * are valid instead of treating them as a question. The quiz's own reading (`looksLikeChoice`).
 */
export const looksLikeTypedAnswer = looksLikeChoice;

const START_WORDS = new Set([
  'bắt đầu',
  'bat dau',
  'bắt đầu thi',
  'bat dau thi',
  'có',
  'co',
  'ok',
  'đồng ý',
  'dong y',
  'sẵn sàng',
  'san sang',
]);
const DECLINE_WORDS = new Set(['để sau', 'de sau', 'không', 'khong', 'thôi', 'thoi', 'chưa']);

/** A typed reply to the contest confirmation: start, later, or neither (`undefined`). */
export function parseConfirmation(text: string): 'start' | 'later' | undefined {
  const lower = clean(text).toLowerCase();
  if (START_WORDS.has(lower)) return 'start';
  if (DECLINE_WORDS.has(lower)) return 'later';
  return undefined;
}

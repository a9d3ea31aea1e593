import { foldDiacritics } from './normalize';

/**
 * Phrases that frame a question without saying what it is about ("đúng hay sai", "là gì"). They
 * are removed from queries before retrieval. Matched on folded syllables, so typing without
 * diacritics works too.
 */
const QUESTION_FRAMES = [
  'dung hay sai',
  'co phai',
  'hay khong',
  'phai khong',
  'duoc khong',
  'co duoc',
  'theo quy dinh',
  'quy dinh',
  'phap luat',
  'la gi',
  'nhu the nao',
  'the nao',
  'bao nhieu',
  'cho toi hoi',
  'cho hoi',
  'xin hoi',
  'vay',
  'ko',
  'khi nao',
  'bao gio',
  'nhung gi',
  'nhung nao',
  'gom nhung',
  'gom may',
  'ra sao',
  'o dau',
  'nhu nao',
  'co the',
  'duoc hieu',
  'gi',
  'nao',
];

/** Removes question framing phrases from a list of syllables (whole-syllable matches only). */
export function stripQuestionFrames(syllables: string[]): string[] {
  const folded = syllables.map(foldDiacritics);
  const keep = syllables.map(() => true);
  for (const frame of QUESTION_FRAMES) {
    const parts = frame.split(' ');
    for (let i = 0; i + parts.length <= folded.length; i++) {
      if (parts.every((p, j) => folded[i + j] === p)) {
        for (let j = 0; j < parts.length; j++) keep[i + j] = false;
      }
    }
  }
  const out = syllables.filter((_, i) => keep[i]);
  return out.length > 0 ? out : syllables;
}

const FOLLOW_UP_START = ['con', 'the con', 'vay con', 'con ve', 'the thi', 'vay thi', 'neu'];
const FOLLOW_UP_END = ['thi sao', 'thi the nao', 'the nao', 'ra sao'];
const REFERENCES = [
  'no',
  'dieu do',
  'van ban do',
  'van ban nay',
  'quy dinh do',
  'truong hop do',
  'cai do',
];

/**
 * True when a question reads as a follow-up of the previous one: "còn chữ ký số công cộng thì
 * sao?", "thế còn thời hạn?", "nó có hiệu lực khi nào?".
 */
export function looksLikeFollowUp(syllables: string[]): boolean {
  if (syllables.length === 0) return false;
  const folded = ` ${syllables.map(foldDiacritics).join(' ')} `;
  if (FOLLOW_UP_START.some((p) => folded.startsWith(` ${p} `))) return true;
  if (FOLLOW_UP_END.some((p) => folded.endsWith(` ${p} `)) && syllables.length <= 10) return true;
  return REFERENCES.some((p) => folded.includes(` ${p} `));
}

const FOLLOW_UP_LEAD = ['vay con', 'the con', 'con ve', 'con'];
const FOLLOW_UP_TAIL = ['thi the nao', 'thi sao', 'ra sao'];

/** Drops the words that only mark a follow-up ("còn …", "… thì sao") from its syllables. */
export function stripFollowUpMarkers(syllables: string[]): string[] {
  let out = syllables;
  const folded = () => out.map(foldDiacritics).join(' ');
  const lead = FOLLOW_UP_LEAD.find((p) => folded().startsWith(p + ' '));
  if (lead) out = out.slice(lead.split(' ').length);
  const tail = FOLLOW_UP_TAIL.find((p) => folded().endsWith(' ' + p));
  if (tail) out = out.slice(0, out.length - tail.split(' ').length);
  return out.length > 0 ? out : syllables;
}

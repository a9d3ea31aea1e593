/**
 * Words of a question that tell the asker's case rather than name what is asked about: the
 * office of someone in the story ("chữ ký số của phó giám đốc sở", unless who holds it is asked), an amount's order of magnitude
 * ("mấy chục doanh nghiệp", "5 triệu"), the intensifier after an adjective ("tài khoản lạ
 * hoắc", "máy chậm rì", "file bị đổi đuôi hết trơn") and "đem" before what is done ("đem bán"). The documents seldom use them, so a passage
 * that answers the question seldom has them either.
 */
import { foldDiacritics } from './normalize';
import { MAGNITUDES, SPELLED_NUMBERS } from './number-words';

/** Offices, folded (without "phó"/"tổng", which may come first). */
export const OFFICE_NAMES: readonly string[] = [
  'chu tich',
  'giam doc',
  'truong ban',
  'truong phong',
  'bi thu',
  'bo truong',
  'thu truong',
  'thu tuong',
  'chanh van phong',
  'chanh an',
  'chu nhiem',
  'cuc truong',
  'vu truong',
  'hieu truong',
];
const OFFICE_WORDS = OFFICE_NAMES.map((o) => o.split(' '));
const OFFICE_PREFIXES = new Set(['pho', 'tong']);

const MAGNITUDE_WORDS = new Set(MAGNITUDES);
/** Words that count before an order of magnitude ("mấy chục", "hàng triệu", "hai trăm"). */
const COUNTS = new Set(['mấy', 'vài', 'dăm', 'hàng', 'năm', ...SPELLED_NUMBERS, ...MAGNITUDES]);

/** Intensifiers, with their marks, after the adjective (folded) they go with. */
const INTENSIFIERS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  (
    [
      ['la', ['hoắc', 'huơ']],
      ['cham', ['rì', 'rề']],
      ['het', ['trơn', 'trọi', 'trụi']],
      ['moi', ['toanh', 'tinh']],
      ['cu', ['rích', 'mèm']],
      ['day', ['ắp']],
      ['xa', ['lắc', 'tít']],
      ['tat', ['ngóm', 'ngúm', 'lịm']],
      ['im', ['re', 'ru', 'lìm']],
      ['re', ['bèo']],
      ['den', ['thui', 'kịt', 'sì', 'ngòm']],
      ['trang', ['tinh', 'bóc', 'xóa', 'xoá']],
    ] as const
  ).map(([adjective, words]) => [adjective, new Set<string>(words)]),
);

/**
 * Whether the syllable is `listed` with its marks, or, typed without any, one of them folded.
 * (`folded` is `typed` without marks, so `typed === folded` means none was typed.)
 */
function typedAs(
  typed: string,
  folded: string,
  listed: ReadonlySet<string>,
  foldedListed: ReadonlySet<string>,
): boolean {
  return typed === folded ? foldedListed.has(folded) : listed.has(typed);
}

const foldAll = (words: Iterable<string>) => new Set([...words].map(foldDiacritics));
const FOLDED_MAGNITUDES = foldAll(MAGNITUDES);
const FOLDED_COUNTS = foldAll(COUNTS);
const FOLDED_INTENSIFIERS = new Map([...INTENSIFIERS].map(([a, ws]) => [a, foldAll(ws)]));
const DIGITS = /^\d/;

/**
 * For each syllable of a question (`typed`, lowercase NFC, and `folded` the same without marks),
 * whether it is incidental in the sense of this module.
 */
export function incidentalWords(typed: readonly string[], folded: readonly string[]): boolean[] {
  const marks = typed.map(() => false);
  // "Ai là giám đốc sở …?": the office is then what is asked about.
  const asksWho = folded.includes('ai');
  for (let i = 0; i < typed.length; i++) {
    const office =
      !asksWho && OFFICE_WORDS.find((words) => words.every((w, j) => folded[i + j] === w));
    if (office) {
      if (i > 0 && OFFICE_PREFIXES.has(folded[i - 1]!)) marks[i - 1] = true;
      for (let j = 0; j < office.length; j++) marks[i + j] = true;
      i += office.length - 1;
      continue;
    }
    // "đem bán", "đem về": "đem" (typed with its marks; "dem" is also "đêm", "đếm") only carries
    // the verb or the thing after it.
    if (typed[i] === 'đem' && typed[i + 1] !== undefined) {
      marks[i] = true;
      continue;
    }
    if (i === 0) continue;
    const w = typed[i]!;
    const f = folded[i]!;
    const prevTyped = typed[i - 1]!;
    const prevFolded = folded[i - 1]!;
    // "mấy chục", "5 triệu", "hàng trăm"; not "tỷ lệ" (a rate).
    if (
      typedAs(w, f, MAGNITUDE_WORDS, FOLDED_MAGNITUDES) &&
      folded[i + 1] !== 'le' &&
      (DIGITS.test(prevFolded) || typedAs(prevTyped, prevFolded, COUNTS, FOLDED_COUNTS))
    ) {
      marks[i] = true;
      continue;
    }
    // "lạ hoắc", "chậm rì rì": after the adjective, or after its intensifier said twice.
    const adjective = marks[i - 1] && typed[i - 2] !== undefined ? folded[i - 2]! : prevFolded;
    const intensifiers = INTENSIFIERS.get(adjective);
    if (intensifiers && typedAs(w, f, intensifiers, FOLDED_INTENSIFIERS.get(adjective)!)) {
      marks[i] = true;
    }
  }
  return marks;
}

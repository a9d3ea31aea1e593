/**
 * Words of a question that tell the asker's case rather than name what is asked about: the office
 * of someone in the story ("chữ ký số của phó giám đốc sở", unless who holds it is asked), an
 * amount's order of magnitude ("mấy chục doanh nghiệp", "5 triệu"), the intensifier after an
 * adjective ("tài khoản lạ hoắc", "máy chậm rì", "file bị đổi đuôi hết trơn"), "đem" before what
 * is done ("đem bán"), classifiers and everyday phrases ("tấm hình", "sinh sống"), and when the
 * story happened, said first ("Chiều thứ sáu …") or after a clock time ("lúc 4 giờ chiều thứ Sáu,
 * …"). The documents seldom use them, so a passage that answers the question seldom has them
 * either.
 */
import { isListed, wordList, wordsAt, type WordList } from './normalize';
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
/** The words an office or an everyday phrase starts with: no other syllable is looked up. */
const OFFICE_STARTS = new Set(OFFICE_WORDS.map((w) => w[0]!));
const OFFICE_PREFIXES = new Set(['pho', 'tong']);

const MAGNITUDE_WORDS = wordList(MAGNITUDES);
/** Words that count before an order of magnitude ("mấy chục", "hàng triệu", "hai trăm"). */
const COUNTS = wordList(['mấy', 'vài', 'dăm', 'hàng', 'năm', ...SPELLED_NUMBERS, ...MAGNITUDES]);

/** Intensifiers, with their marks, after the adjective (folded) they go with. */
const INTENSIFIERS: ReadonlyMap<string, WordList> = new Map(
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
      ['loan', ['xạ']],
    ] as const
  ).map(([adjective, words]) => [adjective, wordList(words)]),
);

const DIGITS = /^\d/;

/** Classifiers before a noun, with their marks ("tấm hình", "chiếc USB", "lá đơn"). */
const CLASSIFIERS = new Set(['tấm', 'chiếc', 'bức', 'cuốn', 'quyển', 'lá']);
/**
 * Everyday phrases, folded, whose words the documents seldom use but which name no topic:
 * "chứng tỏ" (shows), "sinh sống" (lives), "làm ăn" (does business), "rơi vào" (falls into),
 * "vươn lên" (rises to), "bà con" (folks), "cao tuổi", "lớn tuổi" (elderly), "cụ bà", "lướt mạng"
 * (browsing), "chuyện này/đó/gì" (this matter).
 */
const EVERYDAY_PHRASES: readonly (readonly string[])[] = [
  'chung to',
  'sinh song',
  'lam an',
  'roi vao',
  'vuon len',
  'ba con',
  'cao tuoi',
  'lon tuoi',
  'cu ba',
  'cu ong',
  'luot mang',
  'luot web',
  'chuyen nay',
  'chuyen do',
  'chuyen ay',
  'chuyen gi',
].map((p) => p.split(' '));
const PHRASE_STARTS = new Set(EVERYDAY_PHRASES.map((p) => p[0]!));

/** Parts of the day, and days, with their marks: "Chiều thứ Sáu …", "Sáng nay …", "Hôm qua …". */
const DAY_PARTS = wordList(['sáng', 'trưa', 'chiều', 'tối', 'đêm']);
const WHICH_DAY = wordList(['nay', 'qua', 'mai', 'kia', 'rồi', 'trước', 'này']);
const WEEKDAYS = wordList(['hai', 'ba', 'tư', 'năm', 'sáu', 'bảy']);
const PERIODS = wordList(['hôm', 'tuần', 'tháng']);

/** Syllables a story goes on for after the time it opens with. */
const STORY_AFTER_TIME = 8;

/**
 * How many syllables at the start of a question tell when its story happened ("Chiều thứ sáu gần
 * 5 giờ …", "Sáng nay …", "Hôm qua …", "Tuần trước …"): the time is the story's, not what is
 * asked. Only at the start: "… có làm việc sáng thứ Bảy không?" asks about that time.
 */
function openingTime(typed: readonly string[], folded: readonly string[]): number {
  let i = 0;
  if (isAt(typed, 0, DAY_PARTS)) {
    i = 1;
    if (isAt(typed, i, WHICH_DAY)) i++;
    else if (folded[i] === 'hom' && isAt(typed, i + 1, WHICH_DAY)) i += 2;
  } else if (isAt(typed, 0, PERIODS) && isAt(typed, 1, WHICH_DAY)) {
    i = 2;
  }
  return i > 0 ? i + weekdayAt(typed, folded, i) : 0;
}

/** Whether the syllable at `i` is in the list. */
function isAt(typed: readonly string[], i: number, list: WordList): boolean {
  return typed[i] !== undefined && isListed(typed[i]!, list);
}

/** The syllables of a weekday at `i` ("thứ Sáu", "thứ 7", "chủ nhật"), or 0. */
function weekdayAt(typed: readonly string[], folded: readonly string[], i: number): number {
  if (folded[i] === 'thu' && (isAt(typed, i + 1, WEEKDAYS) || DIGITS.test(folded[i + 1] ?? ''))) {
    return 2;
  }
  return folded[i] === 'chu' && folded[i + 1] === 'nhat' ? 2 : 0;
}

/**
 * The syllables after a clock time's number that say when in the story it was ("4 giờ chiều thứ
 * Sáu", "4h45 chiều", read by the analyzer as "4 giờ 45 chiều"), or 0: the hour, its minutes, the
 * part of the day, and the day that may follow.
 */
function clockTime(typed: readonly string[], folded: readonly string[], i: number): number {
  if (!DIGITS.test(folded[i]!) || folded[i + 1] !== 'gio') return 0;
  let end = i + 2;
  if (DIGITS.test(folded[end] ?? '')) end++;
  if (!isAt(typed, end, DAY_PARTS)) return 0;
  end++;
  if (isAt(typed, end, WHICH_DAY)) end++;
  else end += weekdayAt(typed, folded, end);
  return end - i - 1;
}

/**
 * For each syllable of a question (`typed`, lowercase NFC, and `folded` the same without marks),
 * whether it is incidental in the sense of this module.
 */
export function incidentalWords(typed: readonly string[], folded: readonly string[]): boolean[] {
  const marks = typed.map(() => false);
  // A story goes on after its time; "Sáng thứ 7 có làm việc không?" asks about that time.
  const opening = openingTime(typed, folded);
  if (typed.length - opening >= STORY_AFTER_TIME) for (let i = 0; i < opening; i++) marks[i] = true;
  // "Ai là giám đốc sở …?": the office is then what is asked about.
  const asksWho = folded.includes('ai');
  for (let i = 0; i < typed.length; i++) {
    const office =
      !asksWho &&
      OFFICE_STARTS.has(folded[i]!) &&
      OFFICE_WORDS.find((words) => wordsAt(folded, i, words));
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
    // "… ai ký vây": "vậy" closing the question, its tone mistyped.
    if (typed[i] === 'vây' && i === typed.length - 1 && i > 0) {
      marks[i] = true;
      continue;
    }
    if (CLASSIFIERS.has(typed[i]!) && typed[i + 1] !== undefined) {
      marks[i] = true;
      continue;
    }
    const phrase =
      PHRASE_STARTS.has(folded[i]!) && EVERYDAY_PHRASES.find((p) => wordsAt(folded, i, p));
    if (phrase) {
      for (let j = 0; j < phrase.length; j++) marks[i + j] = true;
      i += phrase.length - 1;
      continue;
    }
    // "lúc 4 giờ chiều thứ Sáu, …": when it happened, as the story goes on.
    const clock = clockTime(typed, folded, i);
    if (clock > 0 && typed.length - (i + 1 + clock) >= STORY_AFTER_TIME) {
      for (let j = 1; j <= clock; j++) marks[i + j] = true;
      i += clock;
      continue;
    }
    if (i === 0) continue;
    const w = typed[i]!;
    const prevFolded = folded[i - 1]!;
    // "mấy chục", "5 triệu", "hàng trăm"; not "tỷ lệ" (a rate).
    if (
      isListed(w, MAGNITUDE_WORDS) &&
      folded[i + 1] !== 'le' &&
      (DIGITS.test(prevFolded) || isListed(typed[i - 1]!, COUNTS))
    ) {
      marks[i] = true;
      continue;
    }
    // "lạ hoắc", "chậm rì rì": after the adjective, or after its intensifier said twice.
    const adjective = marks[i - 1] && typed[i - 2] !== undefined ? folded[i - 2]! : prevFolded;
    const intensifiers = INTENSIFIERS.get(adjective);
    if (intensifiers && isListed(w, intensifiers)) {
      marks[i] = true;
    }
  }
  return marks;
}

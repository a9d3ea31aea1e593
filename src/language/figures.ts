import { DOCUMENT_KINDS, documentNumbers, lawNames } from './document-references';
import {
  foldDiacritics,
  foldedWords,
  hasDiacritics,
  isListed,
  normalizeText,
  wordList,
  wordsAt,
} from './normalize';
import { OFFICE_NAMES } from './incidental';
import { SPELLED_NUMBERS } from './number-words';

/**
 * The kind of figure a question asks for ("phạt bao nhiêu tiền", "bao lâu", "ngày nào"), and
 * whether a text states one. A passage that matches the question's words but states no figure of
 * that kind does not answer it: "Luật An ninh mạng 2025 phạt bao nhiêu tiền nếu …" is not
 * answered by the article on the law's scope. This module is pure: no I/O.
 *
 * - `duration`: a length of time or how often ("bao lâu", "mấy năm", "bao nhiêu ngày"). Asked as a
 *   number of units ("bao nhiêu ngày", "mấy năm"), it is stated by a number of a time unit ("90
 *   ngày", "5 năm"), by "within the unit" ("trong ngày") or by "ngay"; "hằng năm" and "định kỳ"
 *   say how often, so they answer only "bao lâu" or a question of how often ("mấy tháng một lần");
 * - `money`: an amount of money or a fine ("bao nhiêu tiền", "bao nhiêu tỷ đồng", "phạt bao nhiêu");
 * - `percent`: a share ("bao nhiêu phần trăm", "bn %");
 * - `date`: a day, month or year ("ngày nào", "năm nào", "vào thời điểm nào");
 * - `rank`: a place in a ranking ("xếp thứ mấy", "hạng mấy");
 * - `quantity`: any other measured amount ("bao nhiêu người", "bao nhiêu MB", "là bao nhiêu?");
 * - `document`: the legal document that rules it ("theo văn bản nào", "nghị định nào", "luật nào"),
 *   stated by a passage of that document or one that names it;
 * - `signer`: who signed a document the question names ("Nghị định 68/2024 do ai ký?", "KH CĐS
 *   năm 2026 … ai ký"), stated by a person's name before "ký" ("do Phó Thủ tướng Trần Lưu Quang
 *   ký") or after "người ký là". Who signs a kind of document ("Văn bản đi do ai ký số?") is a
 *   role, not a signer: asked without a document named, or of "ký số", "ký thay", it is no figure;
 * - `sanction`: the penalty for a breach ("bị xử phạt như thế nào", "có bị kỷ luật không"),
 *   stated by a fine, a disciplinary measure or criminal liability ("phạt", "kỷ luật", "truy
 *   cứu"). A duty ("thủ trưởng phải ban hành quy chế") says nothing of what follows its breach;
 * - `phone`: a telephone number ("số điện thoại đường dây nóng … là bao nhiêu", "sđt tổng đài …"),
 *   stated by one ("1900 1234", "0292 3820 000", "gọi 113"), not by any other number;
 * - `person`: who holds an office now ("Trưởng Ban Chỉ đạo … hiện nay là ai?", "Ai đang giữ chức
 *   Giám đốc Sở …?") or won ("Ai đạt điểm cao nhất kỳ thi …?"), stated by a person's name ("ông
 *   Trần Việt Trường", "Nguyễn Văn A"); with an office asked, by a sentence naming it with the
 *   name, not as a document's signer ("do Chủ tịch UBND thành phố Trần Việt Trường ký" is who
 *   signed then, not who holds the office now). Who does something by role ("Ai chịu trách nhiệm …?", "Chủ quản hệ thống là ai?") is
 *   answered by the role, so it is no figure;
 * - `menu`: where to click in a program ("bấm vào mục nào", "ở menu nào", "bấm vào đâu"), stated
 *   by a named item to choose ("chọn chức năng ký số", "chọn mục "Cài đặt"", "Tệp → Lưu").
 * - `agency`: which agency does something ("do cơ quan nào ban hành?", "đơn vị nào thẩm định",
 *   "giao bộ nào làm cơ quan thường trực"), stated by a sentence naming an agency by its name
 *   ("Bộ Công an", "Sở Khoa học và Công nghệ", "UBND thành phố", "Chính phủ") with what it is
 *   asked to do (`action`: "ban hành", "thẩm định"). "Những cơ quan nào …" asks which kinds of
 *   agencies, answered by a description: no figure;
 * - `address`: where something is, as an address ("đặt ở địa chỉ nào", "địa chỉ trang web của
 *   cổng … là gì"), stated by a web address ("dichvucong.gov.vn", "https://…") or a street
 *   address ("số 2 đường Hòa Bình");
 * - `form`: which form to fill in ("theo mẫu nào", "mẫu số mấy"), stated by a form's number
 *   ("Mẫu số 01", "mẫu 02/ĐK") or the annex that holds it ("mẫu tại Phụ lục II");
 * - `company`: which business makes or supplies something ("phần mềm … do doanh nghiệp nào xây
 *   dựng?", "công ty nào cung cấp"), stated by a business named as one ("Công ty …", "Tập đoàn
 *   …", "Tổng công ty …"), not by the agency that uses it.
 *
 * Counts of kinds of things ("mấy loại", "gồm mấy bước") are not asked figures here: documents
 * answer them by listing the things, without the number. A legal text's chapters and articles
 * ("gồm bao nhiêu chương, bao nhiêu điều") are counted: documents state "9 chương, 92 điều".
 */
export type FigureKind =
  | 'duration'
  | 'money'
  | 'percent'
  | 'date'
  | 'rank'
  | 'quantity'
  | 'document'
  | 'signer'
  | 'sanction'
  | 'phone'
  | 'person'
  | 'menu'
  | 'company'
  | 'agency'
  | 'address'
  | 'form';

/**
 * A figure asked for. `units`: for a quantity asked in a technical unit ("bao nhiêu MB", "mấy
 * tờ"), the units that state it (["kb", "mb", "gb", "tb"]); "5 năm" does not answer "bao nhiêu MB".
 * For a duration asked as a number of units ("bao nhiêu ngày"), the time units.
 */
export interface AskedFigure {
  kind: FigureKind;
  units?: readonly string[];
  /**
   * For a signer: the number of the document asked about, as typed before its slash or after its
   * kind ("46" in "Kế hoạch 46/KH-UBND …", "942" in "QĐ 942"); a passage of another document
   * states its signer only in a sentence that names this number (see {@link namesDocument}).
   */
  subject?: string;
  /**
   * For a person: the office asked about, folded ("truong ban", "pho chu tich"); a sentence names
   * it beside the person's name.
   */
  office?: string;
  /** For an agency: what it is asked to do, folded ("ban hanh", "tham dinh"), if said. */
  action?: string;
  /** For a duration: asked how often ("bao nhiêu ngày … một lần"), not how long. */
  often?: true;
  /**
   * For a percentage: what was achieved is asked ("năm 2025 đạt bao nhiêu %", "thực tế chiếm bao
   * nhiêu %"), which a target does not state (see {@link setsTarget}).
   */
  achieved?: true;
}

/**
 * Lowercase words ("mi-li-mét", "m2"), numbers as written ("10.000", "01/7/2024") and "%"; "30%"
 * is "30", "%" and "lần/năm" is "lần", "năm".
 */
const TOKEN = /\d+(?:[.,/]\d+)*|\p{L}+(?:-\p{L}+)*\d*|%/gu;

function tokens(text: string): string[] {
  return normalizeText(text).toLowerCase().match(TOKEN) ?? [];
}

const TIME_UNIT_LIST = ['năm', 'tháng', 'ngày', 'tuần', 'quý', 'giờ', 'tiếng', 'phút', 'giây'];
const TIME_UNITS = new Set(TIME_UNIT_LIST);
/**
 * The time units that state a length asked in the unit (folded): "bao nhiêu ngày" is answered by
 * "10 ngày", "48 giờ" or "1 tháng", not by "5 năm"; "mấy năm" by "5 năm" or "18 tháng".
 */
function durationUnits(asked: string): string[] {
  if (/^(?:gio|tieng|phut|giay)$/.test(asked)) return ['giờ', 'tiếng', 'phút', 'giây', 'ngày'];
  if (/^(?:ngay|tuan)$/.test(asked)) return ['giờ', 'tiếng', 'ngày', 'tuần', 'tháng'];
  if (/^(?:thang|quy)$/.test(asked)) return ['ngày', 'tuần', 'tháng', 'quý', 'năm'];
  return ['tháng', 'quý', 'năm'];
}
const MONEY_UNITS = new Set(['tiền', 'đồng', 'triệu', 'tỷ', 'tỉ', 'nghìn', 'ngàn', 'usd', 'vnđ']);
/** Units of other measured amounts, as asked ("bao nhiêu người") and stated ("10.000 người"). */
const MEASURE_UNITS = new Set([
  'ký',
  'kí',
  'tờ',
  'trang',
  'lần',
  'điểm',
  'tuổi',
  'mm',
  'cm',
  'mét',
  'm2',
  'dpi',
  'kb',
  'mb',
  'gb',
  'tb',
  'inch',
  'kbps',
  'mbps',
  'gbps',
  'nước',
  'chữ',
  'mi-li-mét',
]);
/** Technical units, each with those a document may state the same measure in. */
const UNIT_FAMILIES: readonly (readonly string[])[] = [
  ['kb', 'mb', 'gb', 'tb'],
  ['mm', 'cm', 'mét', 'mi-li-mét', 'inch'],
  ['kbps', 'mbps', 'gbps'],
  ['m2'],
  ['dpi'],
  ['ký', 'kí'],
  ['tờ', 'trang'],
  ['điểm'],
  ['tuổi'],
  // "nhập sai mã PIN bao nhiêu lần": a number of times, not any number.
  ['lần'],
];
/**
 * Things counted ("bao nhiêu cơ quan", "mấy người"), each with the nouns a document may count
 * the same things by ("376 thí sinh" answers "bao nhiêu người dự thi"). Unlike kinds of things
 * ("mấy loại", "bao nhiêu bước"), which documents answer by listing them, these need a number:
 * "Cần Thơ có bao nhiêu Tổ công nghệ số cộng đồng?" is not answered by "Kế hoạch 241" or "20%".
 */
const COUNTED_FAMILIES: readonly (readonly string[])[] = [
  [
    'người',
    'thí sinh',
    'đại biểu',
    'cán bộ',
    'công chức',
    'viên chức',
    'chuyên gia',
    'học viên',
    'lãnh đạo',
    'thành viên',
  ],
  ['cơ quan', 'đơn vị'],
  ['tổ'],
  ['xã', 'phường'],
  ['tỉnh', 'địa phương'],
  ['huyện'],
  ['doanh nghiệp'],
  ['thủ tục', 'tthc'],
  ['hồ sơ'],
  // A legal text's size: "gồm 9 chương, 92 điều".
  ['chương'],
  ['điều'],
];

/** Nouns whose amount is money even when no unit follows: "lệ phí … là bao nhiêu?". */
const MONEY_TOPICS = wordList([
  'phạt',
  'phí',
  'giá',
  'lương',
  'phụ cấp',
  'kinh phí',
  'trợ cấp',
  'thưởng',
  'mức chi',
]);
/** Words that may close a question after its asking word: "… bao nhiêu vậy ạ?". */
const CLOSING_PARTICLES = new Set([
  'vậy',
  'ạ',
  'à',
  'nhỉ',
  'hả',
  'thế',
  'nhé',
  'nha',
  'nhen',
  'ơi',
  'giùm',
  'vay',
  'z',
]);

/** A money noun, typed with its marks or without any ("bi phat bao nhieu"). */
function isMoneyTopic(typed: string): boolean {
  return isListed(typed, MONEY_TOPICS);
}

/** The asking words, folded. "bn" (chat for "bao nhiêu", also for "bạn") asks only before a unit. */
const HOW_MUCH = [['bao', 'nhieu'], ['bn']];
const HOW_LONG = [['bao', 'lau']];
const HOW_FAR = [['bao', 'xa']];
/** The units a distance is stated in. */
const DISTANCE_UNITS: readonly string[] = ['km', 'mét', 'm'];
const WHICH_DATE = [
  ['ngay', 'nao'],
  ['nam', 'nao'],
  ['thang', 'nao'],
  ['thoi', 'diem', 'nao'],
];
/** "Nghị định nào", "theo văn bản nào", "văn bản nào quy định": the document is the answer. */
const WHICH_DOCUMENT =
  /(?:^|\s)(?:(?:nghi dinh|luat|thong tu|quyet dinh|nghi quyet|chi thi) nao|(?:theo|bang|tai|can cu|cua) van ban nao|van ban nao (?:quy dinh|huong dan|ban hanh)|theo quy dinh nao|can cu vao dau)(?=\s|$)/;
const WHICH_RANK = [
  ['thu', 'may'],
  ['hang', 'may'],
];

/**
 * Text that may hold an asking phrase, typed with or without marks ("nào", "bao", "mấy", "căn cứ",
 * "ai ký", "người ký", the words of a penalty, of a telephone number and of an address).
 */
const ASKING_LETTERS =
  /(?<![\p{L}])ai(?![\p{L}])|b[aấ]m v|nh[aấ]n v|click|n[aà]o|bao|bn|m[aấ]y|c[aă]n c|k[yýíỷ]|ph[aạ]t|ch[eế] t[aà]i|truy c|x[uử] l|tho[aạ]i|s[oố] [dđ]t|s[dđ]t|hotline|t[oổ]ng [dđ]|d[aâ]y n|[dđ][iị]a ch/iu;
/**
 * "ai ký", "người ký là ai", "ký bởi ai", folded; not "ai ký số", "ai ký thay", "ai ký thừa lệnh",
 * "ai ký nháy" nor "ai ký phê duyệt hồ sơ", "ai ký vào …", which ask a role.
 */
const WHO_SIGNED =
  /(?:^|\s)(?:ai (?:la nguoi )?k[yi](?! (?:so|thay|thua|nhay|phe duyet|duyet|xac nhan|vao|len|tren))|nguoi k[yi] (?:la )?ai|k[yi] boi ai)(?=\s|$)/;
/**
 * A document's kind, folded, before its number or alone ("kế hoạch CĐS năm 2026 … ai ký"): the
 * legal kinds, and the plans, letters and projects a province issues.
 */
const DOCUMENT_KIND_WORDS = [
  ...DOCUMENT_KINDS.flatMap((k) => k.words),
  'ke hoach',
  'kh',
  'cong van',
  'cv',
  'de an',
  'chien luoc',
  'chuong trinh',
].join('|');
const NAMES_DOCUMENT_KIND = new RegExp(`(?:^|\\s)(?:${DOCUMENT_KIND_WORDS})(?=\\s|$)`);
/**
 * A document's number in folded text: before its slash or dash ("46/kh-ubnd", "224/2026") or
 * after its kind ("qd 942", "ke hoach so 46").
 */
const DOCUMENT_NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}/])(\\d{1,4})(?=\\s*[/-]\\s*[\\p{L}\\p{N}])|(?:^|\\s)(?:${DOCUMENT_KIND_WORDS})\\s+(?:so\\s+)?(\\d{1,4})(?![\\p{N}])`,
  'gu',
);

/** The numbers of the documents a text names, in order (see {@link DOCUMENT_NUMBER}). */
function documentNumbersIn(text: string): string[] {
  return [...foldDiacritics(text).matchAll(DOCUMENT_NUMBER)].map((m) => (m[1] ?? m[2])!);
}
/**
 * A penalty asked about, folded: "xử phạt", "bị phạt", "mức phạt", "kỷ luật", "chế tài", "truy
 * cứu", "bị xử lý thế nào" (a person is "bị xử lý" for a breach; a file "được xử lý"). "phat"
 * alone is more often "phát" (phát hành, phát hiện): typed without marks it counts only in those
 * pairs; typed with them, "phạt" is enough (see {@link sanctionAsked}).
 */
const SANCTION_ASKED =
  /(?:^|\s)(?:xu phat|bi phat|muc phat|phat tien|nop phat|hinh thuc phat|ky luat|che tai|truy cuu|bi xu ly(?: \S+){0,2}? (?:the nao|nhu the nao|ra sao|gi|khong|ko|k))(?=\s|$)/;
/** A telephone number asked, folded: "số điện thoại … là bao nhiêu", "sđt tổng đài … số nào". */
const PHONE_ASKED =
  /(?:^|\s)(?:so dien thoai|sdt|so dt|hotline|tong dai|duong day nong)(?:\s\S+){0,16}?\s(?:bao nhieu|bn|so nao|la gi|so may|la so)(?=\s|$)/;
/**
 * A person asked, folded: an office's holder now ("hiện nay là ai", "ai đang giữ chức", "ai hiện
 * là") or a contest's winner ("ai đạt điểm cao nhất", "ai đạt giải nhất", "thủ khoa … là ai").
 * Not "ai giữ", "ai làm", "… là ai" alone: "Ai giữ thiết bị ký số?", "Chủ quản hệ thống là ai?"
 * ask a role.
 */
const PERSON_ASKED = new RegExp(
  [
    '(?:hien nay|hien tai|hien gio|bay gio|duong nhiem) (?:\\S+ )?la ai',
    '(?:hien|dang) la ai',
    '(?:hien nay|hien tai|hien gio|bay gio) ai (?:la|dang|giu|lam|dam nhiem|phu trach|dung dau)',
    'ai (?:hien nay |hien tai |hien |bay gio )?dang (?:giu|lam|la|dam nhiem|phu trach|dung dau)',
    'ai hien (?:nay |tai )?(?:la|giu|lam|dam nhiem|phu trach|dung dau)',
    'ai (?:dat|gianh|doat|duoc|nhan|la nguoi dat)(?: \\S+){0,3}? (?:giai (?:nhat|nhi|ba|tu|thuong|dac biet|cao nhat|khuyen khich)|diem cao nhat|thu khoa)',
    'ai (?:dung dau|dung nhat|thu khoa|cao diem nhat)',
    '(?:thu khoa|nguoi dat diem cao nhat|nguoi dat giai nhat)(?: \\S+){0,12}? la ai',
    // "Ai là chủ tịch UBND …?": an office's holder, now or ever; the documents name neither.
    `ai la (?:pho |tong )?(?:${OFFICE_NAMES.join('|')})`,
  ]
    .map((p) => `(?:^|\\s)${p}(?=\\s|$)`)
    .join('|'),
);
/**
 * Where to click, as typed (lowercase NFC): "mục nào", "menu nào", "nút nào", "bấm vào đâu".
 * "mục" and "thẻ" only with their marks ("muc nao" is as often "mức nào", "the nao" "thế nào").
 */
const MENU_ASKED =
  /(?:^|\s)(?:(?:menu|mục|tab|thẻ|nút|biểu tượng|tùy chọn|tuỳ chọn) nào|(?:menu|tab|nut|bieu tuong|tuy chon) nao|(?:bấm|bam|nhấn|nhan|click)(?: vào| vao)? (?:đâu|dau|chỗ nào|cho nao|mục nào|nút nào))(?=[\s?.,!]|$)/u;

/** Offices whose holder is asked, folded ("phó chủ tịch" as well as "chủ tịch"). */
const OFFICES = new RegExp(`(?:^|\\s)((?:pho |tong )?(?:${OFFICE_NAMES.join('|')}))(?=\\s|$)`);

/** Folded text that may hold one of the asking words above ("may" is also "máy": read on). */
const MAY_ASK = / (?:bao (?:nhieu|lau|xa)|bn|may|(?:ngay|nam|thang|diem) nao) /;

/**
 * Words that ask something else in the same clause ("… thì để CC hay BCC?"), and those that end
 * a yes-or-no question; each as typed with its marks, or folded when typed without.
 */
const OTHER_ASKING = wordList(['hay', 'gì', 'j', 'ai', 'đâu']);
/** "sao" asks after these ("làm sao", "thì sao") or at the clause's end; else "sao lưu", "sao y". */
const BEFORE_SAO = new Set(['làm', 'thì', 'ra', 'vì', 'tại', 'lam', 'thi', 'vi', 'tai']);
const YES_OR_NO = wordList(['không', 'ko', 'k', 'chưa', 'hông']);
const CLAUSE_END = /[,;.?!:]/;

/**
 * Whether a question, as its syllables (lowercase), asks yes or no: it ends with "không", "ko",
 * "chưa" … before any closing particle ("… có được không ạ?").
 */
export function endsYesOrNo(typed: readonly string[]): boolean {
  let end = typed.length - 1;
  while (end >= 0 && CLOSING_PARTICLES.has(typed[end]!)) end--;
  return end >= 0 && isListed(typed[end]!, YES_OR_NO);
}

/**
 * Whether "mấy" at `index` of the question is "some" rather than "how many": its clause asks
 * something else ("gửi cho mấy đơn vị bên ngoài thì để CC hay BCC?", "mấy hôm nay máy chậm, làm
 * sao?"), or it is in a sentence of the story before the question. "Tối thiểu nên mấy ký tự?" asks
 * the number.
 */
function isIndefinite(question: string, index: number): boolean {
  // A sentence of the story told before the question asks nothing: "Chiều nay chị họp với mấy
  // phường. Làm sao để …?"
  const sentenceEnd = /[.!?]/.exec(question.slice(index));
  if (
    sentenceEnd?.[0] === '.' &&
    /[\p{L}\p{N}]/u.test(question.slice(index + sentenceEnd.index + 1))
  ) {
    return true;
  }
  let start = 0;
  let end = question.length;
  for (let i = index - 1; i >= 0; i--) {
    if (CLAUSE_END.test(question[i]!)) {
      start = i + 1;
      break;
    }
  }
  for (let i = index; i < question.length; i++) {
    if (CLAUSE_END.test(question[i]!)) {
      end = i;
      break;
    }
  }
  const words =
    question
      .slice(start, end)
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  const last = words.length - 1;
  return words.some((w, i) => {
    // Typed without marks, "dau" is "đâu" only as "ở đâu" or last ("bat dau" is "bắt đầu").
    if (w === 'dau') return i === last || words[i - 1] === 'o';
    if (w === 'sao') return i === last || BEFORE_SAO.has(words[i - 1] ?? '');
    if (isListed(w, OTHER_ASKING)) return true;
    return i === last && isListed(w, YES_OR_NO);
  });
}

/**
 * "mấy", or "may" typed without marks (which may also be "máy", machine): either asks only when a
 * unit follows ("mấy năm", "may nam"; not "mấy loại", "may tinh").
 */
function isHowMany(typed: string): boolean {
  return typed === 'mấy' || typed === 'may';
}

/** What a unit word typed after "bao nhiêu" / "mấy" asks, or undefined for a count of things. */
function unitFigure(
  typed: string | undefined,
  next: string | undefined,
  afterMay = false,
): AskedFigure | undefined {
  if (typed === undefined) return undefined;
  const word = hasDiacritics(typed) ? typed : undefined;
  const folded = foldDiacritics(typed);
  if (
    typed === '%' ||
    (folded === 'phan' && next !== undefined && foldDiacritics(next) === 'tram')
  ) {
    return { kind: 'percent' };
  }
  const is = (unit: string) =>
    word !== undefined ? unit === word : foldDiacritics(unit) === folded;
  // A counted noun of two words ("cơ quan", "thí sinh") first, then of one ("tổ", "người"). "may
  // tinh" is "máy tính" more often than "mấy tỉnh", "may co quan" "máy cơ quan": a counted noun
  // typed without marks counts only after "bao nhiêu".
  const countable = word !== undefined || !afterMay;
  if (countable && next !== undefined) {
    const pair = `${typed} ${next}`;
    const pairIs = (unit: string) =>
      hasDiacritics(pair) ? unit === pair : foldDiacritics(unit) === foldDiacritics(pair);
    const counted = COUNTED_FAMILIES.find((family) => family.some(pairIs));
    if (counted) return { kind: 'quantity', units: counted };
  }
  const counted = countable && COUNTED_FAMILIES.find((f) => f.some(is));
  if (counted) return { kind: 'quantity', units: counted };
  if ([...TIME_UNITS].some(is)) return { kind: 'duration' };
  if ([...MONEY_UNITS].some(is)) return { kind: 'money' };
  if (![...MEASURE_UNITS].some(is)) return undefined;
  const units = UNIT_FAMILIES.find((family) => family.some(is));
  return units ? { kind: 'quantity', units } : { kind: 'quantity' };
}

/**
 * The figure a question asks for, or undefined when it asks for none (or for a count of kinds of
 * things, which documents answer by listing them).
 */
export function askedFigure(question: string): AskedFigure | undefined {
  const figure = figureAsked(question);
  if (figure?.kind !== 'percent') return figure;
  const sentence = ` ${foldDiacritics(question.toLowerCase()).replace(/[^\p{L}\p{N}%]+/gu, ' ')} `;
  // "Kế hoạch đặt mục tiêu … đạt bao nhiêu %?" asks the target.
  return ACHIEVED_ASKED.test(sentence) && !setsTarget(question)
    ? { ...figure, achieved: true }
    : figure;
}

/**
 * What was achieved, asked, folded: "đạt bao nhiêu", "đạt được bao nhiêu", "được bao nhiêu" ("đc
 * bn"), "thực tế".
 */
const ACHIEVED_ASKED = /\s(?:thuc te|thuc dat|(?:dat|dat duoc|duoc|dc)\s(?:bao nhieu|bn))\s/;

/**
 * Whether a sentence sets a target rather than states what was achieved: "Kế hoạch đặt mục tiêu
 * đến năm 2025: kinh tế số chiếm 20% GRDP", "phấn đấu 100% hồ sơ …".
 */
export function setsTarget(sentence: string): boolean {
  return TARGET.test(sentence.normalize('NFC').toLowerCase());
}
const TARGET = /mục tiêu|phấn đấu|chỉ tiêu|đặt ra|hướng tới|định hướng|tầm nhìn|dự kiến|đến năm/u;

/**
 * Who signed, asked of the document the conversation is about ("ai ký?", "người ký là ai?"
 * after "Nghị định 30/2020 có hiệu lực từ ngày nào?"): the signer of the document the previous
 * question names, if it names one.
 */
export function askedSignerOf(question: string, previousQuestion: string): AskedFigure | undefined {
  const sentence = ` ${foldDiacritics(question).replace(/[^\p{L}\p{N}%]+/gu, ' ')} `;
  if (!WHO_SIGNED.test(sentence)) return undefined;
  const figure = askedFigure(`${previousQuestion} ${question}`);
  return figure?.kind === 'signer' ? figure : undefined;
}

function figureAsked(question: string): AskedFigure | undefined {
  // Every asking phrase has one of these letters' words: most questions stop here, unfolded.
  if (!ASKING_LETTERS.test(question)) return undefined;
  const sentence = ` ${foldDiacritics(question).replace(/[^\p{L}\p{N}%]+/gu, ' ')} `;
  if (WHICH_DOCUMENT.test(sentence)) return { kind: 'document' };
  if (PHONE_ASKED.test(sentence)) return { kind: 'phone' };
  if (WHO_SIGNED.test(sentence) && NAMES_DOCUMENT_KIND.test(sentence)) {
    const [subject] = documentNumbersIn(question);
    return subject ? { kind: 'signer', subject } : { kind: 'signer' };
  }
  if (MENU_ASKED.test(question.normalize('NFC').toLowerCase())) return { kind: 'menu' };
  // A person first: "Ai đạt điểm cao nhất …, người đó công tác ở đơn vị nào?" asks who.
  if (PERSON_ASKED.test(sentence)) {
    const office = OFFICES.exec(sentence)?.[1];
    return office ? { kind: 'person', office } : { kind: 'person' };
  }
  if (ADDRESS_ASKED.test(sentence)) return { kind: 'address' };
  if (FORM_ASKED.test(sentence)) {
    // "màu nào" is a colour: typed with marks, the form is "mẫu".
    const typed = question.normalize('NFC').toLowerCase();
    if (!hasDiacritics(typed) || TYPED_FORM_ASKED.test(typed)) return { kind: 'form' };
  }
  if (COMPANY_ASKED.test(sentence) || BRAND_ASKED.test(question.normalize('NFC').toLowerCase())) {
    return { kind: 'company' };
  }
  const agency = agencyAsked(question, sentence);
  if (agency) return agency;
  // Most questions ask for no figure: only those with an asking word are read word by word.
  if (!MAY_ASK.test(sentence)) return sanctionAsked(question, sentence);
  // NFC, so that a letter and its marks are one character to the tokens.
  const normalized = question.normalize('NFC').toLowerCase();
  const found = [...normalized.matchAll(TOKEN)];
  const typed = found.map((m) => m[0]);
  const folded = typed.map(foldDiacritics);
  for (let i = 0; i < typed.length; i++) {
    if (HOW_LONG.some((p) => wordsAt(folded, i, p))) return { kind: 'duration' };
    if (HOW_FAR.some((p) => wordsAt(folded, i, p)))
      return { kind: 'quantity', units: DISTANCE_UNITS };
    if (WHICH_DATE.some((p) => wordsAt(folded, i, p))) return { kind: 'date' };
    if (WHICH_RANK.some((p) => wordsAt(folded, i, p)) && isRankWord(typed[i]!, typed[i + 1])) {
      return { kind: 'rank' };
    }
    const much = HOW_MUCH.find((p) => wordsAt(folded, i, p));
    const many = !much && isHowMany(typed[i]!) && !isIndefinite(normalized, found[i]!.index);
    if (!much && !many) continue;
    // "xếp hạng bao nhiêu", "đứng thứ bao nhiêu": a place in a ranking.
    const prev = folded[i - 1];
    if (much && (prev === 'hang' || prev === 'thu') && isRankWord(typed[i - 1]!, 'mấy')) {
      return { kind: 'rank' };
    }
    const after = i + (much ? much.length : 1);
    const unit = unitFigure(typed[after], typed[after + 1], typed[i] === 'may');
    if (unit?.kind === 'duration') {
      // "bao nhiêu ngày … một lần": how often, which "ngay" (at once) does not answer.
      if (asksHowOften(folded, after + 1)) return { kind: 'duration', often: true };
      return { kind: 'duration', units: durationUnits(folded[after]!) };
    }
    if (unit) return unit;
    if (many || much!.length === 1) continue;
    // "… là bao nhiêu?", "phạt tối đa bao nhiêu?": an amount of what the question names.
    // Particles may close it: "… bao nhiêu vậy ạ?".
    let end = after;
    while (typed[end] !== undefined && CLOSING_PARTICLES.has(typed[end]!)) end++;
    const last = found[end - 1]!;
    const rest = normalized.slice(last.index + last[0].length).trimStart();
    if (typed[end] !== undefined && !/^[?.!,;:]/.test(rest)) continue;
    const before = typed.slice(0, i);
    if (before.some((w, j) => isMoneyTopic(w) || isMoneyTopic(`${w} ${before[j + 1]}`))) {
      return { kind: 'money' };
    }
    return { kind: 'quantity' };
  }
  return sanctionAsked(question, sentence);
}

/**
 * A penalty, when the question asks about one ("bị xử phạt như thế nào", "có bị kỷ luật không");
 * `sentence` is its folded words. An amount of it ("phạt bao nhiêu tiền") is a `money` figure,
 * read before this.
 */
function sanctionAsked(question: string, sentence: string): AskedFigure | undefined {
  const asked =
    SANCTION_ASKED.test(sentence) ||
    /(?<![\p{L}])phạt(?![\p{L}])/iu.test(question.normalize('NFC'));
  return asked ? { kind: 'sanction' } : undefined;
}

/**
 * A person's name (two to four capitalised words) right before "ký" ("do Phó Thủ tướng Trần Lưu
 * Quang ký ngày …", "Chủ tịch Quốc hội Trần Thanh Mẫn ký ban hành"), or a capitalised word soon
 * after "người ký là" ("người ký là ông Vương Đình Huệ", "người ký là Thủ tướng …").
 */
const STATES_SIGNER =
  /\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}*){1,3}\s+ký(?![\p{L}])(?!\s+(?:số|hiệu|tên|thay|thừa))|người ký là\s+(?:[\p{Ll}]+\s+){0,3}\p{Lu}/u;
/**
 * A telephone number: a landline or mobile number ("0292 3820 000", "0912345678"), a 1800/1900
 * line, or digits after "gọi", "tổng đài", "đường dây nóng", "hotline" ("gọi 113", "gọi số 111");
 * not after "số" alone, which is as often a year or a count ("… số 2025", "số 120 đơn vị").
 */
const STATES_PHONE =
  /(?<![\p{N}])(?:0\d{2,3}[\s.]?\d{3,4}[\s.]?\d{3,4}|1[89]00[\s.]?\d{3,4})(?![\p{N}])|(?:gọi|tổng đài|đường dây nóng|hotline)\s+(?:số\s+)?\d{3,}(?![\p{N}/])/iu;
/**
 * A person's name: two to four capitalised words after "ông" or "bà" ("ông Trần Việt Trường"), or
 * after a common family name ("Nguyễn Văn A"). Family names that start places' names ("Hồ Chí
 * Minh", "Hà Nội", "Cao Bằng") are left out.
 */
const STATES_PERSON = new RegExp(
  `(?<![\\p{L}])(?:[Ôô]ng|[Bb]à)\\s+\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){1,3}|(?<![\\p{L}])(?:${[
    'Nguyễn',
    'Trần',
    'Lê',
    'Phạm',
    'Hoàng',
    'Huỳnh',
    'Phan',
    'Vũ',
    'Võ',
    'Đặng',
    'Bùi',
    'Đỗ',
    'Ngô',
    'Dương',
    'Trương',
    'Đinh',
    'Trịnh',
    'Đoàn',
    'Lưu',
    'Vương',
    'Lương',
  ].join('|')})(?:\\s+\\p{Lu}\\p{Ll}*){1,3}(?![\\p{L}])`,
  'u',
);
const PERSONS = new RegExp(STATES_PERSON.source, 'gu');
/** After a name: the person signed ("… Trần Việt Trường ký"). */
const SIGNED_AFTER = /^\s*ký(?![\p{L}])/u;
/** Before a name: who signed ("người ký là ông …", "người ký: …"). */
const SIGNER_BEFORE = /người ký(?:\s+là|\s*:)\s*$/iu;

/**
 * Whether `text` names someone other than as the signer of a document: "Chủ tịch UBND thành phố
 * Trần Việt Trường ký" says who signed a letter then, not who holds the office now.
 */
function namesHolder(text: string): boolean {
  for (const m of text.matchAll(PERSONS)) {
    const after = text.slice(m.index + m[0].length);
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    if (!SIGNED_AFTER.test(after) && !SIGNER_BEFORE.test(before)) return true;
  }
  return false;
}
/**
 * An item of a program to choose: "chọn chức năng ký số", "bấm nút Gửi", "vào mục "Cài đặt"",
 * "Tệp → Lưu dưới dạng".
 */
const STATES_MENU =
  /(?<![\p{L}])(?:chọn|bấm|nhấn|vào|mở|dùng|bật)\s+(?:mục|menu|thẻ|tab|nút|chức năng|biểu tượng|tùy chọn|tuỳ chọn)\s+["“]?\p{L}|(?<![\p{L}])(?:chọn|bấm|nhấn|vào)\s+["“][^"”]+["”]|\S\s*[→»]\s*\S/iu;
/**
 * An address asked, folded: "địa chỉ nào", "địa chỉ ở đâu", "địa chỉ đó là gì", "địa chỉ (trang
 * web|website|cổng …) … là gì", "nằm ở đường nào"; not "để địa chỉ ở ô nào" (a field of an e-mail), nor "Địa chỉ IP
 * là gì?" (a definition).
 */
const ADDRESS_ASKED =
  /(?:^|\s)(?:dia chi (?:nao|o dau|(?:do|nay) la gi|(?:trang|website|web|cong|tru so|email|thu dien tu)(?: \S+){0,10}? (?:la gi|la bao nhieu|nao))|(?:nam o|o|tai) duong nao)(?=\s|$)/;
/** An address stated: a web or e-mail address, or a street address. */
const STATES_ADDRESS =
  /(?<![\p{L}\d])(?:https?:\/\/|www\.)\S+|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:gov\.vn|com\.vn|org\.vn|vn|com|org)(?![\p{L}\d])|(?<![\p{L}])[Ss]ố \d+[A-Za-z]?(?:\/\d+)?,? (?:đường|phố)\s+\p{Lu}|(?<![\p{L}])(?:đường|phố) \p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+)*, (?:phường|xã|quận)/u;
/** A form asked, folded: "theo mẫu nào", "mẫu số mấy", "biểu mẫu nào", "mẫu số bao nhiêu". */
const FORM_ASKED = /(?:^|\s)(?:bieu )?mau (?:so )?(?:nao|may|bao nhieu|bn)(?=\s|$)/;
/** The same, typed with marks. */
const TYPED_FORM_ASKED = /(?<![\p{L}])mẫu\s+(?:số\s+)?(?:nào|mấy|bao nhiêu|bn)(?![\p{L}])/u;
/** A form stated: "Mẫu số 01", "mẫu 02/ĐK", "mẫu tại Phụ lục II". */
const STATES_FORM =
  /(?<![\p{L}])[Mm]ẫu(?: số)? (?:\d|[A-ZĐ]{1,3}\d)|(?<![\p{L}])[Mm]ẫu (?:tại|ở|theo) [Pp]hụ lục/u;
/**
 * A business asked, folded: "doanh nghiệp nào", "công ty nào", "nhà cung cấp nào", "nhà thầu
 * nào", "cty nào"; "hãng nào" only with its marks ("hạng nào" is a rank, "hàng nào" goods).
 */
const COMPANY_ASKED =
  /(?:^|\s)(?:doanh nghiep|cong ty|cty|tap doan|nha cung cap|nha thau|nha san xuat)(?: \S+){0,2}? nao(?=\s|$)/;
const BRAND_ASKED = /(?<![\p{L}])hãng(?:\s+\S+){0,2}?\s+nào(?![\p{L}])/u;
/** A business named: "Công ty …", "Tập đoàn …", "Tổng công ty …", or its legal form. */
const STATES_COMPANY =
  /(?<![\p{L}])(?:[Cc]ông ty|[Tt]ập đoàn|[Tt]ổng công ty|[Dd]oanh nghiệp tư nhân|[Hh]ợp tác xã)\s+(?:[\p{Lu}\d]|cổ phần|trách nhiệm|TNHH|CP)|(?<![\p{L}])(?:TNHH|JSC|Corp|Ltd)(?![\p{L}])/u;
/**
 * An agency asked, folded: "cơ quan nào", "bộ nào", "sở nào", "đơn vị nào", "tổ chức nào", "ban
 * nào", "cục nào", then what it does ("… nào thẩm định", "… nào làm đầu mối"). Not "những/các
 * cơ quan nào" (kinds of agencies).
 */
const AGENCY_ASKED =
  /(?:^|\s)(nhung |cac )?(?:co quan|bo|so|don vi|to chuc|ban|cuc) nao((?: \S+){0,5})(?=\s|$)/;
/**
 * Words that only carry the action after them, folded ("… nào làm đầu mối", "… nào có thẩm quyền
 * quyết định", "… nào chịu trách nhiệm …"), longest first.
 */
const LIGHT_PHRASES = [
  'co tham quyen',
  'co quyen',
  'co trach nhiem',
  'chiu trach nhiem',
  'co nhiem vu',
  'duoc giao',
  'lam',
  'duoc',
  'la',
  'se',
  'phai',
  'da',
  'dang',
  'giu',
].map((p) => p.split(' '));
/** Words that end the clause after "… nào" ("… nào vậy ạ", "… nào thì …"). */
const CLAUSE_WORDS = new Set([
  'thi',
  'va',
  'vay',
  'a',
  'ha',
  'nhi',
  'khong',
  'ko',
  'de',
  'o',
  'cho',
  'trong',
  'tai',
  'cua',
]);

/** The agency's noun as typed with its marks ("bản nào", "số nào" ask no agency). */
const AGENCY_NOUN = /(?<![\p{L}])(?:cơ quan|bộ|sở|đơn vị|tổ chức|ban|cục)\s+nào(?![\p{L}])/u;

function agencyAsked(question: string, sentence: string): AskedFigure | undefined {
  const match = AGENCY_ASKED.exec(sentence);
  // "… cơ quan nào sau đây": which of the answers listed, a contest's choice.
  if (!match || match[1] || /^ sau day(?: |$)/.test(match[2]!)) return undefined;
  const typed = question.normalize('NFC').toLowerCase();
  if (hasDiacritics(typed) && !AGENCY_NOUN.test(typed)) return undefined;
  const after = match[2]!.trim().split(' ').filter(Boolean);
  for (;;) {
    const light = LIGHT_PHRASES.find((p) => p.every((w, j) => after[j] === w));
    if (!light) break;
    after.splice(0, light.length);
  }
  const end = after.findIndex((w) => CLAUSE_WORDS.has(w));
  const action = (end < 0 ? after : after.slice(0, end)).slice(0, 2).join(' ');
  return action ? { kind: 'agency', action } : { kind: 'agency' };
}

/**
 * An agency named ("Bộ Công an", "UBND thành phố", "Chính phủ", "BKHCN") or described ("đơn vị
 * chuyên trách", "chủ quản hệ thống", "bộ có thẩm quyền"): with the action asked, it answers.
 */
const STATES_AGENCY =
  /(?<![\p{L}])(?:Bộ|Sở|Ban|Cục|Tổng cục|Ủy ban|Uỷ ban|UBND|HĐND|Chính phủ|Thủ tướng|Quốc hội|Văn phòng|Trung tâm|Công an|Thanh tra|Viện|Thành ủy|Tỉnh ủy|Hội đồng|B[A-ZĐ]{2,}|[Bb]ộ|[Ss]ở|[Đđ]ơn vị|[Cc]ơ quan|[Tt]ổ chức|[Cc]hủ quản|[Cc]hính quyền)(?![\p{L}])/u;
/** A penalty stated: a fine, a disciplinary measure, criminal liability. */
const STATES_SANCTION = /(?<![\p{L}])(?:phạt|kỷ luật|truy cứu|chế tài|bị xử lý)(?![\p{L}])/iu;

/**
 * Whether `text` names the document numbered `subject` ("46"): as a số hiệu ("46/KH-UBND") or
 * after its kind ("Kế hoạch 46", "QĐ 942").
 */
export function namesDocument(text: string, subject: string): boolean {
  return documentNumbersIn(text).includes(subject);
}

/**
 * "… lần" right after the unit, or "một lần" / "1 lần" later ("bao nhiêu năm thì đánh giá lại một
 * lần"): the unit asks how often, not how long.
 */
function asksHowOften(folded: readonly string[], from: number): boolean {
  if (folded[from] === 'lan') return true;
  for (let i = from; i < folded.length - 1; i++) {
    if ((folded[i] === 'mot' || folded[i] === '1') && folded[i + 1] === 'lan') return true;
  }
  return false;
}

/**
 * The years a question asks its figure for: "Năm 2023, Cần Thơ xếp thứ mấy?", "kỳ thi năm 2025
 * có bao nhiêu thí sinh". Only a year after "năm": one after a law's name is part of the name
 * ("Luật Lưu trữ 2024", "Luật Bảo vệ dữ liệu cá nhân 2025"), and one in a số hiệu or a date is
 * not a year asked about.
 */
export function namedYears(question: string): string[] {
  if (!/(?:19|20)\d\d/.test(question)) return [];
  // Folded as the other readers of the question fold it (the fold of the last text is kept).
  const folded = foldDiacritics(question);
  return [
    ...new Set(
      [...folded.matchAll(/(?<![\p{L}])nam ((?:19|20)\d\d)(?![\d/])/gu)].map((m) => m[1]!),
    ),
  ];
}

/** Whether `text` has the year `year` ("2023"), alone or in a date ("24/6/2023"). */
export function namesYear(text: string, year: string): boolean {
  let at = text.indexOf(year);
  while (at >= 0) {
    if (!/\d/.test(text[at - 1] ?? '') && !/\d/.test(text[at + year.length] ?? '')) return true;
    at = text.indexOf(year, at + 1);
  }
  return false;
}

/** "thứ mấy", "hạng mấy"; not "hãng máy" ("hang may" without marks is taken as asked). */
function isRankWord(first: string, second: string | undefined): boolean {
  if (hasDiacritics(first) && first !== 'thứ' && first !== 'hạng') return false;
  return second !== undefined && isHowMany(second);
}

const NUMBER = /^\d+(?:[.,]\d+)*$/;
const NUMBER_WORDS = new Set([
  ...SPELLED_NUMBERS,
  'tư',
  'trăm',
  'nghìn',
  'ngàn',
  'triệu',
  'tỷ',
  'nửa',
]);
/** Words before a number that make it a reference, not a figure: "Điều 9", "khoản 2", "số 30". */
const REFERENCE_WORDS = new Set([
  'điều',
  'khoản',
  'điểm',
  'chương',
  'mục',
  'lục',
  'số',
  'định',
  'luật',
  'tư',
  'quyết',
  'iso',
  'tcvn',
  'bước',
  'phần',
  'câu',
  'giai',
]);
const DATE = /^\d{1,2}\/\d{1,2}(?:\/\d{2,4})?$/;
const YEAR = /^(?:19|20)\d\d$/;
/** A number out of a total: "hạng 5/63", "434/443 đại biểu". */
const OUT_OF = /^\d+\/\d+$/;

/** Whether the unit `unit` (one word, or several: "thí sinh") starts at `words[i]`. */
function unitAt(words: readonly string[], i: number, unit: string): boolean {
  if (!unit.includes(' ')) return words[i] === unit;
  return unit.split(' ').every((part, j) => words[i + j] === part);
}

/** Kinds stated by a pattern alone. */
const STATED_BY: Partial<Record<FigureKind, RegExp>> = {
  signer: STATES_SIGNER,
  sanction: STATES_SANCTION,
  phone: STATES_PHONE,
  menu: STATES_MENU,
  company: STATES_COMPANY,
  address: STATES_ADDRESS,
  form: STATES_FORM,
};

/** Whether the words of `text`, folded, include the folded words `phrase`. */
function hasFoldedPhrase(text: string, phrase: string): boolean {
  return foldedWords(text).includes(` ${phrase} `);
}

/** Whether `text` states the figure asked (see {@link FigureKind}). */
export function statesFigure(
  text: string,
  { kind, units, office, often, action }: AskedFigure,
): boolean {
  if (kind === 'document') return documentNumbers(text).length > 0 || lawNames(text).length > 0;
  const pattern = STATED_BY[kind];
  if (pattern) return pattern.test(text.normalize('NFC'));
  if (kind === 'agency' || kind === 'person') {
    // Named with what is asked of it: the action an agency does, the office a person holds.
    const nfc = text.normalize('NFC');
    const phrase = kind === 'agency' ? action : office;
    if (phrase !== undefined && !hasFoldedPhrase(nfc, phrase)) return false;
    // Who holds an office is not told by who signed as its holder once.
    if (kind === 'person') return office === undefined ? STATES_PERSON.test(nfc) : namesHolder(nfc);
    return STATES_AGENCY.test(nfc);
  }
  const words = tokens(text);
  const isNumber = (w: string | undefined) =>
    w !== undefined && (NUMBER.test(w) || NUMBER_WORDS.has(w));
  // A number that is not a reference ("Điều 9") nor a year.
  const isFigure = (i: number) =>
    NUMBER.test(words[i]!) && !YEAR.test(words[i]!) && !REFERENCE_WORDS.has(words[i - 1] ?? '');
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const prev = words[i - 1];
    const next = words[i + 1];
    switch (kind) {
      case 'percent':
        if (w === '%' || (w === 'phần' && next === 'trăm')) return true;
        break;
      case 'money':
        if (MONEY_UNITS.has(w) && w !== 'tiền' && isNumber(prev)) return true;
        // "phạt tối đa 5% doanh thu", not the "100%" of a scale.
        if (w === '%' && /^(doanh|tổng|giá)$/.test(next ?? '')) return true;
        // "mức phạt đối với cá nhân bằng một nửa mức phạt đối với tổ chức", "gấp đôi mức phạt":
        // one fine stated as a share of another.
        if (
          (w === 'nửa' || w === 'đôi') &&
          /^(một|gấp)$/.test(prev ?? '') &&
          /^(mức|khoản)$/.test(next ?? '')
        )
          return true;
        // "phạt tiền gấp 10 lần khoản thu có được".
        if (w === 'lần' && isNumber(prev) && /^(khoản|doanh|số|tổng|mức)$/.test(next ?? ''))
          return true;
        break;
      case 'duration':
        if (
          (units ? units.includes(w) : TIME_UNITS.has(w)) &&
          (isNumber(prev) || (prev === 'trong' && !often))
        )
          return true;
        if (w === 'ngay' && !often) return true;
        // How often: an answer to "bao lâu", not to "bao nhiêu ngày".
        if (units) break;
        if (TIME_UNITS.has(w) && /^(hằng|hàng|mỗi)$/.test(prev ?? '')) return true;
        if (w === 'định' && next === 'kỳ') return true;
        break;
      case 'date':
        if (DATE.test(w)) return true;
        if ((w === 'ngày' || w === 'tháng') && isNumber(next) && !YEAR.test(next!)) return true;
        if (w === 'năm' && next !== undefined && YEAR.test(next)) return true;
        if (w === 'từ' && next === 'ngày' && /^(ký|ban|công)$/.test(words[i + 2] ?? ''))
          return true;
        break;
      case 'rank':
        if (
          (w === 'thứ' || w === 'hạng' || w === 'top') &&
          (isNumber(next) || OUT_OF.test(next ?? ''))
        )
          return true;
        if ((w === 'dẫn' || w === 'đứng') && next === 'đầu') return true;
        break;
      case 'quantity':
        if (units) {
          // "khoản 3 Điều 89" refers to an article (numbered after its word), and "có một điều
          // riêng về …" speaks of one: neither is a law's size.
          const part = w === 'điều' || w === 'chương';
          const counted =
            (isNumber(prev) && !(w === 'điều' && isNumber(next)) && !(part && prev === 'một')) ||
            OUT_OF.test(prev ?? '');
          if (counted && units.some((u) => unitAt(words, i, u))) return true;
          break;
        }
        if (w === '%' || (isFigure(i) && !DATE.test(w))) return true;
        if (NUMBER_WORDS.has(w) && w !== 'một' && next !== undefined && !NUMBER_WORDS.has(next)) {
          return true;
        }
        break;
    }
  }
  return false;
}

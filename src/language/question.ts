import { canonicalSyllable, foldDiacritics, foldedWords, hasDiacritics } from './normalize';
import { unifyIY } from './syllable';

/**
 * Phrases that frame a question without saying what it is about ("đúng hay sai", "là gì"). They
 * are removed from queries before retrieval. A syllable typed with diacritics must match exactly
 * ("cơ thể" is not "có thể"); one typed without them matches the folded form.
 */
const QUESTION_FRAMES = [
  'đúng hay sai',
  'có phải',
  'hay không',
  'phải không',
  'được không',
  'có được',
  'theo quy định',
  'quy định',
  'pháp luật',
  'là gì',
  'như thế nào',
  'thế nào',
  'bao nhiêu',
  'cho tôi hỏi',
  'cho em hỏi',
  'cho mình hỏi',
  'tôi muốn hỏi',
  'em muốn hỏi',
  'mình muốn hỏi',
  'cho hỏi',
  'xin hỏi',
  // Courtesy said with the question ("… là gì? Cảm ơn anh nhiều nhé"): not what is asked about.
  'cảm ơn',
  'cám ơn',
  'làm ơn',
  'vậy',
  'ko',
  'khi nào',
  'bao giờ',
  'những gì',
  'gồm những',
  'gồm mấy',
  'ra sao',
  'ở đâu',
  'như nào',
  'được hiểu',
  'gì',
  'nào',
].map((f) => f.split(' ').map(canonical));

function canonical(syllable: string): string {
  return unifyIY(canonicalSyllable(syllable));
}

/** A syllable as listed here, and folded (to match one typed without marks). */
interface ListedWord {
  listed: string;
  folded: string;
}

const listed = (phrase: string): ListedWord[] =>
  phrase.split(' ').map((w) => ({ listed: canonical(w), folded: foldDiacritics(canonical(w)) }));

/** Whether `syllables` has the words of `phrase` at `at` (exactly, or folded when typed so). */
function hasWordsAt(syllables: readonly string[], at: number, phrase: ListedWord[]): boolean {
  if (at < 0 || at + phrase.length > syllables.length) return false;
  // A plain loop: this runs for every question (question frames), no closure per call.
  for (let j = 0; j < phrase.length; j++)
    if (!isListedWord(syllables[at + j]!, phrase[j]!)) return false;
  return true;
}

/** `typed` is `word`: exactly, or folded when typed without marks ("co" is "có", "cơ" is not). */
function isListedWord(typed: string, word: ListedWord): boolean {
  return typed === word.listed || (typed === word.folded && !hasDiacritics(typed));
}

/** Each frame's words, as listed and folded (to match a syllable typed without marks). */
const FRAME_WORDS: ListedWord[][] = QUESTION_FRAMES.map((parts) =>
  parts.map((word) => ({ listed: word, folded: foldDiacritics(word) })),
);

/** Every form a frame's first word can be typed in: no frame starts at any other syllable. */
const FRAME_STARTS = new Set(FRAME_WORDS.flatMap(([first]) => [first!.listed, first!.folded]));

/**
 * The asker's role said before the question, folded: "Là giám đốc sở, …", "Tôi là trưởng phòng
 * …, …", "Với vai trò thủ trưởng đơn vị: …". Up to twelve words, closed by a comma or a colon;
 * "Tôi là văn thư phường." is a story's first sentence, not this.
 */
const ASKER_ROLE =
  /^\s*(?:(?:toi|em|minh) (?:la|dang la|hien la|lam)|la|voi (?:tu cach|vai tro)(?: la)?|o (?:cuong vi|vai tro)(?: la)?) (?:[^\s,:.?!;]+ ){0,11}[^\s,:.?!;]+\s*[,:]\s*/;

/** After the role: the asker ("tôi", "chúng tôi", "em"), or a case ("khi", "nếu", "sau khi"). */
const ASKER_GOES_ON =
  /^(?:(?:khi|neu|sau khi|truoc khi|trong truong hop|truong hop)\s)|(?:^|\s)(?:toi|em|minh|chung toi|chung em)(?=\s|[,.?!:;]|$)/;

/**
 * The question without the asker's role said first ("Là giám đốc sở, tôi muốn hỏi: …"): who asks
 * is not what is asked about, and the documents seldom name that office beside the answer.
 * `question` as normalised; its words are kept when nothing else is left.
 */
export function stripAskerRole(question: string): string {
  const folded = foldDiacritics(question);
  const role = ASKER_ROLE.exec(folded);
  // Folding NFC text keeps its letters one for one, so the match's length is the original's.
  if (!role || folded.length !== question.length) return question;
  // Said without "tôi là", the question goes on with the asker ("…, tôi phải …") or a case
  // ("…, khi …"): "Là cán bộ, công chức thì …" names who the question is about.
  const bare = /^\s*la\s/.test(role[0]);
  if (bare && !ASKER_GOES_ON.test(folded.slice(role[0].length))) return question;
  return question.slice(role[0].length);
}

/** Removes question framing phrases from a list of syllables (whole-syllable matches only). */
export function stripQuestionFrames(syllables: string[]): string[] {
  const n = syllables.length;
  let keep: boolean[] | undefined;
  for (let i = 0; i < n; i++) {
    if (!FRAME_STARTS.has(syllables[i]!)) continue;
    for (const parts of FRAME_WORDS) {
      if (!hasWordsAt(syllables, i, parts)) continue;
      keep ??= syllables.map(() => true);
      for (let j = 0; j < parts.length; j++) keep[i + j] = false;
    }
  }
  if (!keep) return syllables.slice();
  const out = syllables.filter((_, i) => keep[i]);
  return out.length > 0 ? out : syllables;
}

const IS_WHAT = listed('là gì');
const WHAT_IS = listed('thế nào là');
/** "thế nào" after a defining verb: "X được hiểu (như) thế nào?". */
const HOW = listed('thế nào');
const AS = listed('như');
/** Words that open a question asking for a definition ("Khái niệm chữ ký số?"), longest first. */
const DEFINITION_OPENERS = ['hiểu thế nào về', 'định nghĩa', 'khái niệm'].map(listed);
/** Verbs between the term and "là gì" ("X được hiểu là gì?"), longest first. */
const DEFINING_VERBS = ['được định nghĩa', 'được hiểu', 'định nghĩa', 'có nghĩa', 'nghĩa'].map(
  listed,
);
/** Longest term looked for, in syllables ("chữ ký số chuyên dùng công vụ" has seven). */
const MAX_TERM = 8;

/** A term the question asks to define, and on which side of it the question's words are. */
export interface DefinedTerm {
  /** Syllables as typed (canonical), at most {@link MAX_TERM}. */
  syllables: string[];
  /**
   * `end`: the term ends where shown and may start later ("Cho biết chữ ký số là gì?": try
   * "cho biết chữ ký số", then shorter ends); `start`: it starts where shown ("Thế nào là chữ ký
   * số?").
   */
  anchor: 'start' | 'end';
}

/**
 * The terms a question asks to define: "X là gì?" (also "X được hiểu / được định nghĩa / có nghĩa
 * là gì?"), "X được hiểu / được định nghĩa (như) thế nào?", "Thế nào là X?", and a question opening
 * with "Định nghĩa", "Khái niệm" or "Hiểu thế nào về" X. A definition is written "X là …", which
 * is what a retriever can look for.
 */
export function definedTerms(syllables: readonly string[]): DefinedTerm[] {
  const terms: DefinedTerm[] = [];
  const opener = DEFINITION_OPENERS.find((o) => hasWordsAt(syllables, 0, o));
  // "Khái niệm X là gì?" is found by its "là gì" below, with "khái niệm" as the question's words.
  if (opener && !syllables.some((_, i) => hasWordsAt(syllables, i, IS_WHAT))) {
    const term = syllables.slice(opener.length, opener.length + MAX_TERM);
    if (term.length > 0) terms.push({ syllables: term, anchor: 'start' });
  }
  for (let i = 0; i < syllables.length; i++) {
    if (hasWordsAt(syllables, i, WHAT_IS)) {
      const from = i + WHAT_IS.length;
      const term = syllables.slice(from, from + MAX_TERM);
      if (term.length > 0) terms.push({ syllables: term, anchor: 'start' });
    } else if (hasWordsAt(syllables, i, IS_WHAT)) {
      let end = i;
      const verb = DEFINING_VERBS.find((v) => hasWordsAt(syllables, end - v.length, v));
      if (verb) end -= verb.length;
      const term = syllables.slice(Math.max(0, end - MAX_TERM), end);
      if (term.length > 0) terms.push({ syllables: term, anchor: 'end' });
    } else if (hasWordsAt(syllables, i, HOW)) {
      // Only with the verb: "X trình bày thế nào?" asks how, not what X is.
      let end = hasWordsAt(syllables, i - AS.length, AS) ? i - AS.length : i;
      const verb = DEFINING_VERBS.find((v) => hasWordsAt(syllables, end - v.length, v));
      if (!verb) continue;
      end -= verb.length;
      const term = syllables.slice(Math.max(0, end - MAX_TERM), end);
      if (term.length > 0) terms.push({ syllables: term, anchor: 'end' });
    }
  }
  return terms;
}

/**
 * Words that ask rather than name what is asked about: "bao lâu", "khái niệm", "phần trăm". The
 * documents need not contain them for a passage to answer.
 */
const ASKING_PHRASES = [
  'bao lâu',
  'bao nhiêu lâu',
  'bn lâu',
  'bao nhiêu',
  // Chat for "như thế nào".
  'ntn',
  'khái niệm',
  'định nghĩa',
  'phần trăm',
  // Multiple-choice framing, as officials paste contest questions: "Nhận định nào sau đây đúng?"
  'sau đây',
  'dưới đây',
  'nhận định',
  'nhận xét',
  'lời khuyên',
  // "với tần suất nào": how often, as "bao lâu một lần".
  'tần suất',
].map(listed);

/** Which of the syllables belong to an asking phrase ("bao lâu", "khái niệm"). */
export function askingWords(syllables: readonly string[]): boolean[] {
  const out = syllables.map(() => false);
  for (let i = 0; i < syllables.length; i++) {
    for (const phrase of ASKING_PHRASES) {
      if (!hasWordsAt(syllables, i, phrase)) continue;
      for (let j = 0; j < phrase.length; j++) out[i + j] = true;
    }
  }
  return out;
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

/** A question that asks a figure with at most this many words of its own asks it of the last topic. */
const BARE_FIGURE_MAX_WORDS = 1;

/**
 * True for a question that asks a figure and names next to nothing ("ai ký?", "bao lâu làm một
 * lần?"): after another question, it may ask that figure of its topic. Two words of its own
 * ("Phạt bao nhiêu tiền?", "CKS giá bao nhiêu?") name a topic of their own. `asksFigure`: whether
 * the question asks one (see `askedFigure`).
 */
export function asksBareFigure(syllables: readonly string[], asksFigure: boolean): boolean {
  if (!asksFigure) return false;
  const asking = askingWords(syllables);
  const own = syllables.filter((s, i) => !asking[i] && !isFunctionWord(s));
  return own.length <= BARE_FIGURE_MAX_WORDS;
}

/** Words that refer to the document the question before named, folded ("nó", "văn bản này"). */
const DOCUMENT_REFERENCES = [
  'no',
  'van ban nay',
  'van ban do',
  'van ban tren',
  'nghi dinh nay',
  'nghi dinh do',
  'luat nay',
  'luat do',
  'quyet dinh nay',
  'quyet dinh do',
  'thong tu nay',
  'thong tu do',
].map((r) => r.split(' '));

/**
 * The question's syllables without the words that refer to a document named before ("nó quy
 * định những gì?" → "quy định những gì"), or undefined when it has none.
 */
export function withoutDocumentReference(syllables: readonly string[]): string[] | undefined {
  const folded = syllables.map(foldDiacritics);
  for (let i = 0; i < folded.length; i++) {
    const ref = DOCUMENT_REFERENCES.find((r) => r.every((w, j) => folded[i + j] === w));
    if (ref) return [...syllables.slice(0, i), ...syllables.slice(i + ref.length)];
  }
  return undefined;
}

/** Words that ask, folded: a follow-up with one asks a question of its own ("nó quy định gì?"). */
const QUESTION_WORDS = new Set(['gi', 'nao', 'ai', 'dau', 'may', 'bao', 'khong']);

/**
 * Whether a follow-up, its markers ("còn …", "… thì sao") removed, asks a question of its own
 * ("nó quy định những gì?", "văn bản này có hiệu lực không?"), rather than the question before
 * of another thing ("còn cá nhân thì sao?").
 */
export function asksOwnQuestion(syllables: readonly string[]): boolean {
  return stripFollowUpMarkers([...syllables]).some((s) => QUESTION_WORDS.has(foldDiacritics(s)));
}

const FOLLOW_UP_LEAD = ['vay con', 'the con', 'con ve', 'con'];
const FOLLOW_UP_TAIL = ['thi the nao', 'thi sao', 'ra sao'];

/** Closing words of a yes/no question ("… không?", "… ko?"). */
const YES_NO_CLOSE = listed('không ko hông');
/** Particles that may follow the closing word ("… không ạ?", "… không vậy?"). */
const AFTER_CLOSE = listed('ạ nhỉ vậy nhé hả nha');
/** Modal words that open what a yes/no question asks ("có được", "bị", "bắt buộc"). */
const MODALS = listed('có được bị phải cần nên thể phép bắt buộc');
const HAS = listed('có')[0]!;
/** Longest predicate looked for, in content words: a longer one is the whole question. */
const MAX_PREDICATE = 6;

const isAny = (typed: string, words: readonly ListedWord[]): boolean =>
  words.some((w) => isListedWord(typed, w));

/**
 * What a yes/no question asks of its subject, as content syllables (as given): "Chứng thư … có
 * được gia hạn không?" → gia hạn; "Công chức nghỉ hưu có bị thu hồi chứng thư không?" → thu hồi
 * chứng thư; "Văn bản ký số có phải đóng dấu không?" → đóng dấu. The words between the first "có"
 * (or, without one, the first modal: "bị", "được", "phải", "cần", "bắt buộc") and the closing
 * "không" of `syllables`, the question's last clause; undefined for other questions, and when
 * those words are none or more than {@link MAX_PREDICATE}. The sentence with these words is the
 * one that says yes or no.
 */
export function askedPredicate(syllables: readonly string[]): string[] | undefined {
  let end = syllables.length;
  while (end > 0 && isAny(syllables[end - 1]!, AFTER_CLOSE)) end--;
  if (end === 0 || !isAny(syllables[end - 1]!, YES_NO_CLOSE)) return undefined;
  end--;
  // The first "có": "Có cần cho người duyệt biết là có dùng AI không?" asks of "cho người duyệt
  // biết", not of "dùng AI".
  let start = syllables.findIndex((s, i) => i < end && isListedWord(s, HAS));
  if (start < 0) start = syllables.findIndex((s, i) => i < end && isAny(s, MODALS));
  if (start < 0) return undefined;
  // Past the modal words themselves: "có được phép", "có bắt buộc phải".
  while (start < end && isAny(syllables[start]!, MODALS)) start++;
  const predicate = syllables
    .slice(start, end)
    .filter((s) => !isFunctionWord(s) && !isChatParticle(s));
  return predicate.length > 0 && predicate.length <= MAX_PREDICATE ? predicate : undefined;
}

/** Words around a question about the last answer's source that say nothing of it, folded. */
const SOURCE_FILLER =
  /(?:^| )(?:vay|the|a|nhi|nhe|ha|ban oi|cho (?:toi|em|minh) hoi|xin hoi|noi dung|cau tra loi|thong tin|cai|nay|do|tren|vua roi|vua neu|day|kia)(?= |$)/g;
const SOURCE_KINDS = '(?:dieu|khoan|diem|van ban|nghi dinh|luat|quyet dinh|thong tu|tai lieu)';
/**
 * "Điều nào quy định?", "văn bản nào?", "điều mấy?", "quy định ở điều nào?", "theo văn bản nào?",
 * "căn cứ vào đâu?", "nguồn ở đâu?", folded and without filler words.
 */
const SOURCE_QUESTION = new RegExp(
  '^(?:' +
    [
      `${SOURCE_KINDS} (?:nao|may|so may|gi)(?: (?:quy dinh|noi|ghi|neu)(?: ve)?)?`,
      `(?:duoc )?(?:quy dinh|ghi|neu|noi|trich)(?: (?:o|tai|trong|tu))? (?:${SOURCE_KINDS}(?: (?:nao|may))?|dau)`,
      `(?:theo|can cu|can cu vao|dua tren|dua vao) (?:${SOURCE_KINDS}|quy dinh) (?:nao|may)`,
      '(?:can cu|can cu vao|dua vao|trich tu|lay tu|nguon|nguon o) (?:dau|nao)',
      `(?:o|tai) ${SOURCE_KINDS} (?:nao|may)`,
    ].join('|') +
    ')$',
);

/**
 * Whether the whole question asks where the last answer comes from ("điều nào quy định?", "theo
 * văn bản nào?", "điều mấy vậy?"), rather than asking a question of its own ("Văn bản nào quy
 * định về chữ ký số?" names what it is about, and is not this).
 */
export function asksSource(question: string): boolean {
  const folded = foldedWords(question.normalize('NFC').toLowerCase())
    .replace(SOURCE_FILLER, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length > 0 && SOURCE_QUESTION.test(folded);
}

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

/** Grammatical words that say nothing about the topic; ignored when judging coverage. */
const FUNCTION_WORDS = new Set(
  (
    'thì là có được của và các những cho khi rồi với này đó ở trong về để mà hay hoặc bị đã sẽ ' +
    'đang phải không ra vào từ theo tại như nếu một mấy tôi anh chị em bạn ai gì nào thế sao ' +
    'nhé ạ ơi cần nên muốn làm hiện nay lại cũng đều thể cái ' +
    // Spoken particles and chat shorthand: "… luôn hả", "lưu vô đâu", "đc ko".
    'hả hở nhỉ à ư nha nhen nghen hen vô luôn giùm dùm ta mình đc dc ' +
    // "cho rằng", "… nữa", "ở đâu", "một chiếc USB".
    'rằng nữa đâu chiếc'
  )
    .split(' ')
    .map(canonical),
);

/**
 * Southern chat particles, the asker's feelings and the asker himself ("… hông", "nhận ra dậy",
 * "như vầy", "sợ bấm nhầm", "máy hỏng hoài", "chúng tôi", a teacher's "cô", "thầy", "… chứ không"),
 * as typed with their marks only: without them they are other words ("hong" is also "hỏng", "day"
 * is "dây" or "dạy", "so" is "số", "chung" is "chứng", "thay" is "thay thế").
 */
const MARKED_FUNCTION_WORDS = new Set(
  ['hông', 'dậy', 'vầy', 'sợ', 'ngại', 'hoài', 'chúng', 'chứ', 'cô', 'thầy'].map(canonical),
);

/** True for a grammatical word ("thì", "được", "của"), typed with or without diacritics. */
export function isFunctionWord(syllable: string): boolean {
  return (
    FUNCTION_WORDS.has(syllable) ||
    MARKED_FUNCTION_WORDS.has(syllable) ||
    (!hasDiacritics(syllable) && FOLDED_FUNCTION_WORDS.has(syllable))
  );
}

const FOLDED_FUNCTION_WORDS = new Set([...FUNCTION_WORDS].map(foldDiacritics));

/**
 * Particles of speech and chat that formal text never has ("… mạnh ạ", "gửi giùm nhé", "… hông"):
 * typed with their marks, or, for those with no other reading, without.
 */
const CHAT_PARTICLES = new Set(
  ['ạ', 'nhé', 'nhá', 'ơi', 'hả', 'hở', 'nhỉ', 'à', 'ư', 'hông', 'dậy', 'vầy', 'giùm', 'dùm']
    .map(canonical)
    .concat(['nha', 'nhen', 'nghen']),
);

/**
 * True for a particle of speech or chat ("ạ", "nhé", "hả"): no document has a phrase with it, so
 * a pair of words with it says nothing of whether a passage covers the question.
 */
export function isChatParticle(syllable: string): boolean {
  return CHAT_PARTICLES.has(syllable);
}

/**
 * The closing question of a contest scenario, folded: "… Việc nên làm là gì?", "Việc làm đúng là
 * gì?", "… cách xử lý đúng là gì?", "… cần làm gì?", "… xử lý thế nào?".
 */
const SCENARIO_CLOSE =
  /(?:^|\s)(?:(?:viec|cach)(?: \S+){0,4}? (?:lam|xu ly)(?: \S+){0,4}? la gi|(?:nen|can|phai) (?:lam gi|lam sao|xu ly (?:the nao|nhu the nao|ra sao))|xu ly (?:the nao|nhu the nao|ra sao)|(?:lam|noi|nhu) (?:vay|the)(?: \S+){0,2}? co (?:dung|duoc|on|sai)(?: \S+){0,3}? (?:khong|ko|k))\s*[?.]?\s*$/;
/** A scenario tells a situation first: at least this many words before its closing question. */
const SCENARIO_MIN_WORDS = 12;

/**
 * True for a contest-style scenario: a situation, then what to do about it ("Anh/chị nhận được
 * e-mail … yêu cầu mua gấp thẻ cào điện thoại. Việc nên làm là gì?"). Its words are mostly the
 * situation's details (a time of day, a sender, a device), which the passage that answers need
 * not have.
 */
export function isScenario(question: string): boolean {
  // A situation of SCENARIO_MIN_WORDS words and a closing question take at least this many letters.
  if (question.length < 40) return false;
  const folded = foldDiacritics(question).replace(/\s+/g, ' ').trim();
  const close = SCENARIO_CLOSE.exec(folded);
  if (close) {
    const situation = folded.slice(0, close.index).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (situation.length >= SCENARIO_MIN_WORDS) return true;
  }
  return isStory(folded);
}

/** The sentences of a question that have words, as its punctuation ends them ("." "?" "!" ";"). */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/** The asker in his own story: "tôi", "mình", "em", "chúng tôi", "phòng mình", folded. */
const FIRST_PERSON = /(?:^|\s)(?:toi|minh|em)(?=\s|$)/;
/** A story takes at least this many words before its question. */
const STORY_MIN_WORDS = 10;

/**
 * An official's own situation told before the question, in sentences of their own: "Chị phó
 * phòng đang đi công tác, nhắn tôi chèn ảnh chữ ký scan của chị vào công văn rồi phát hành cho
 * kịp. Làm như vậy có được coi là văn bản đã ký số không?". Like a contest scenario, its words
 * are mostly the story's details.
 */
function isStory(folded: string): boolean {
  const story = situationWords(folded);
  return story.length >= STORY_MIN_WORDS && FIRST_PERSON.test(` ${story.join(' ')} `);
}

/** The words of the sentences before a question's last one (none for a single sentence). */
function situationWords(text: string): string[] {
  const sentences = sentencesOf(text);
  if (sentences.length < 2) return [];
  return (
    sentences
      .slice(0, -1)
      .join(' ')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * True for a situation told in sentences of their own before the question, by anyone ("Cổng dịch
 * vụ công của sở đang lưu … Hệ thống này phải xếp cấp độ mấy?"): its last sentence is the
 * question. Unlike a story in the first person or a contest scenario (`isScenario`), its other
 * words still count: a third person's situation is as often the subject asked about.
 */
export function tellsSituation(question: string): boolean {
  return situationWords(question).length >= STORY_MIN_WORDS;
}

/**
 * "Cách …", "hướng dẫn …", "làm sao để …", "các bước …", "chỉ em từng bước", "cài … thế nào" (or
 * "ntn", chat for "như thế nào"): the steps of a task.
 */
const HOW_TO =
  /(?:^|\s)(?:cach|huong dan|lam sao de|lam the nao de|the nao de|cac buoc|tung buoc)\s|(?:^|\s)(?:cai|cai dat|thiet lap)\s(?:.*\s)?(?:the nao|nhu the nao|ntn|ra sao)(?:\s|$)/;

/**
 * True for a question asking how to do a task ("Hướng dẫn cài đặt để ký số file PDF bằng Adobe
 * Acrobat Reader?", "cài VPN lên điện thoại android thế nào"), whose steps depend on the product
 * it names; not for what to do about a situation ("lỗi font thì làm sao") nor whether something
 * is allowed ("cài extension lên chrome được không").
 */
export function asksHowTo(question: string): boolean {
  // Folded as the other readers of the question fold it (the fold of the last text is kept).
  return HOW_TO.test(foldedWords(question));
}

/**
 * Words that name a level or version by the number after them: "mức 2", "mức độ 4", "cấp độ 3",
 * "bậc 3", "phiên bản 1.4", "Windows 11", "ISO 9001" (folded, longest first).
 */
const LEVEL_WORDS = [
  'muc do',
  'cap do',
  'phien ban',
  'muc',
  'bac',
  'windows',
  'iso',
  'android',
  'ios',
];
const LEVEL = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${LEVEL_WORDS.join('|')})\\s+(\\d+(?:[.,]\\d+)?)(?![\\p{L}\\p{N}])`,
  'gu',
);

/** The level words as written with their marks. */
const LEVEL_MARKED: Record<string, string> = Object.fromEntries(
  ['mức độ', 'cấp độ', 'phiên bản', 'mức', 'bậc'].map((w) => [
    foldDiacritics(w),
    w.split(' ').map(canonical).join(' '),
  ]),
);

/** A level or version a question names: the words as typed, and how to find it in a text. */
export interface NamedLevel {
  typed: string;
  /** Folded level word(s) and number: `muc 2`. */
  key: string;
}

/**
 * The levels and versions a question names ("tài khoản định danh mức 2", "Windows 11"). A passage
 * about that thing at another level, or with none, does not answer it. Not those of a word named
 * at two levels ("một thành phần cấp độ 3, các thành phần khác cấp độ 2"): such a question asks
 * how levels combine or differ, which a text may state without naming either.
 */
export function namedLevels(question: string): NamedLevel[] {
  if (!/\d/.test(question)) return [];
  const found = levelsIn(question);
  return found.filter((l) => found.every((o) => o.key === l.key || levelWord(o) !== levelWord(l)));
}

/**
 * The levels a question compares: those of one word named at two levels or more ("mức 2 với
 * mức 3 khác nhau ở chỗ nào?"), which {@link namedLevels} leaves out. An answer shows each.
 */
export function comparedLevels(question: string): NamedLevel[] {
  if (!/\d/.test(question)) return [];
  const found = levelsIn(question);
  const compared = found.filter((l) =>
    found.some((o) => o.key !== l.key && levelWord(o) === levelWord(l)),
  );
  return compared.filter((l, i) => compared.findIndex((o) => o.key === l.key) === i);
}

/**
 * Whether the question asks how things differ, folded: "khác nhau", "khác gì", "khác … ở chỗ/điểm
 * nào", "so với", "phân biệt", "giống … không".
 */
export function asksDifference(question: string): boolean {
  return DIFFERENCE.test(foldedWords(question));
}
const DIFFERENCE =
  / (?:khac nhau|khac gi|khac(?: \S+){0,6}? (?:o|cho|diem) (?:nao|gi)|so voi|phan biet|giong nhau|giong(?: \S+){0,6}? khong) /;

/** Whether `text` opens with the level, as a list of levels gives each: "Mức 2: nhắc và …". */
export function opensWithLevel(text: string, level: NamedLevel): boolean {
  const opening = text.trimStart().slice(0, level.key.length + 8);
  return namesLevel(opening, level) && levelsIn(opening)[0]?.key === level.key;
}

/** Every level a text names ("Hệ thống cấp độ 1 và cấp độ 2 …": cấp độ 1, cấp độ 2). */
export function levelsOf(text: string): NamedLevel[] {
  return /\d/.test(text) ? levelsIn(text) : [];
}

/** The level `text` opens with, as a list of levels gives each ("Mức 4: như mức 3 …"), if any. */
export function openingLevel(text: string): NamedLevel | undefined {
  const [first] = levelsIn(text.trimStart().slice(0, 20));
  return first && opensWithLevel(text, first) ? first : undefined;
}

/** A level's word, "mức độ" read as "mức": "muc 2" → "muc". */
function levelWord(level: NamedLevel): string {
  return level.key.slice(0, level.key.lastIndexOf(' ')).replace(/ do$/, '');
}

function levelsIn(question: string): NamedLevel[] {
  const folded = foldDiacritics(question);
  const found: NamedLevel[] = [];
  for (const m of folded.matchAll(LEVEL)) {
    const start = m.index + m[0].indexOf(m[1]!);
    const typed = question.normalize('NFC').slice(start, m.index + m[0].length);
    // Typed with marks, the word must be the one listed: "mục 2" (a section) is not "mức 2".
    const word = typed.slice(0, m[1]!.length).toLowerCase();
    const listed = LEVEL_MARKED[m[1]!];
    if (listed && hasDiacritics(word) && canonical(word) !== listed) continue;
    found.push({ typed: typed.replace(/\s+/g, ' '), key: `${m[1]} ${m[2]}` });
  }
  return found;
}

/** Whether `text` names the level: "mức 2", also written "mức độ 2" (and the other way round). */
export function namesLevel(text: string, level: NamedLevel): boolean {
  const folded = ` ${foldDiacritics(text).replace(/[^\p{L}\p{N}.,]+/gu, ' ')} `;
  const [word, number] = [
    level.key.slice(0, level.key.lastIndexOf(' ')),
    level.key.slice(level.key.lastIndexOf(' ') + 1),
  ];
  // "mức 2" is also written "mức độ 2", "cấp độ 3" also "cấp 3".
  const forms = LEVEL_MARKED[word]
    ? new Set([word.replace(/ do$/, ''), `${word.replace(/ do$/, '')} do`])
    : [word];
  return [...forms].some((w) =>
    new RegExp(` ${w} ${number.replace('.', '\\.')}(?![\\p{N}])`, 'u').test(folded),
  );
}

import { foldDiacritics, hasDiacritics } from './normalize';

/** A document a question names: how it was typed, and the key to look it up by. */
export interface DocumentReference {
  /** As typed: "Luật Cán bộ, công chức", "Nghị định 100/2019/NĐ-CP". */
  text: string;
  kind: 'name' | 'number' | 'project';
  /**
   * `name`: the folded words after "Luật" ("can bo cong chuc"); `number`: the first two parts of
   * the số hiệu, folded and lowercased ("100/2019", "2629/qd"); `project`: the number a project
   * ("Đề án 06") goes by, its approving decision's, without leading zeros ("6").
   */
  key: string;
}

/** "Luật" or "Bộ luật" followed by a capitalised word, as a law's name is written. */
const LAW_START = /(?<![\p{L}\p{N}])(?:Bộ luật|Luật)\s+(?=\p{Lu})/gu;
/** A word, or a punctuation mark that may end a name. */
const NAME_TOKEN = /[\p{L}\p{N}&]+|[^\s\p{L}\p{N}&]/gu;
/** Words (folded) that follow a law's name rather than belong to it: "Luật Lưu trữ năm 2024 quy định…". */
const AFTER_NAME = new Set(
  (
    'năm số quy có thì về được là đã mới hiện sửa theo không ko gì nào bao này đó của cho tại từ ' +
    'hay nếu khi áp ban thay còn nói'
  ).split(' '),
);
/** The same, folded, for a word typed without marks (folded, "vệ" would be "về"). */
const AFTER_NAME_FOLDED = new Set([...AFTER_NAME].map(foldDiacritics));
const MAX_NAME_WORDS = 8;

/**
 * Laws named in a question ("Luật Cán bộ, công chức năm 2025 …" → "Luật Cán bộ, công chức"). Only
 * a capitalised name counts ("luật sư" is no law); the name runs to a number, to punctuation other
 * than a comma before a lowercase word, or to a word that follows names ("năm", "quy định", "có").
 */
export function lawNames(text: string): DocumentReference[] {
  const found: DocumentReference[] = [];
  for (const start of text.matchAll(LAW_START)) {
    const from = start.index + start[0].length;
    const words: string[] = [];
    let end = from;
    NAME_TOKEN.lastIndex = from;
    for (let m = NAME_TOKEN.exec(text); m !== null; m = NAME_TOKEN.exec(text)) {
      const token = m[0];
      if (token === ',') {
        const next = /^\s*(\p{Ll})/u.exec(text.slice(m.index + 1));
        if (next && words.length > 0) continue;
        break;
      }
      if (!/[\p{L}]/u.test(token) || /\d/.test(token)) break;
      const lower = token.normalize('NFC').toLowerCase();
      const folded = foldDiacritics(lower);
      const follows = hasDiacritics(lower) ? AFTER_NAME.has(lower) : AFTER_NAME_FOLDED.has(folded);
      if (words.length > 0 && follows) break;
      words.push(folded);
      end = m.index + token.length;
      if (words.length >= MAX_NAME_WORDS) break;
    }
    if (words.length === 0) continue;
    found.push({
      text: text.slice(start.index, end).replace(/\s+/g, ' '),
      kind: 'name',
      key: words.join(' '),
    });
  }
  return found;
}

/** A kind of document before its number: "Nghị định 100/2019", "NĐ 30/2020", "Thông tư số 01/2011". */
const KIND_THEN_NUMBER =
  /(?<![\p{L}\p{N}])(Nghị định|Nghị quyết|Thông tư|Quyết định|Chỉ thị|Luật|NĐ|NQ|TT|QĐ|CT)\s+(?:số\s+)?\d{1,4}\s*\/\s*[\p{L}\p{N}]+(?:[/-][\p{L}\p{N}-]+)*/giu;
/** The kinds in the Party's số hiệu: "57-NQ/TW", "05-CT/TW", "02-QĐ/TU". */
const PARTY_KINDS = 'NQ|CT|QĐ';
/**
 * A số hiệu with its kind after the year: "100/2019/NĐ-CP", "01/2011/TT-BNV", "2629/QĐ-TTg"; or,
 * as the Party numbers its documents, before the issuer: "57-NQ/TW", "02-NQ/TU".
 */
const NUMBER_WITH_KIND = new RegExp(
  String.raw`(?<![\p{L}\p{N}/])\d{1,4}(?:\/(?:\d{4}\/(?:NĐ|NQ|TT|QĐ|QH|CT)[\p{L}\p{N}-]*|(?:NĐ|NQ|TT|QĐ|CT)-[\p{L}\p{N}-]+)|-(?:${PARTY_KINDS})\/\p{Lu}+)`,
  'gu',
);

/**
 * Documents named by number in a question: a kind word before the number ("Nghị định 100/2019")
 * or a kind in the number ("100/2019/NĐ-CP", "2629/QĐ-TTg"). A bare "7/2026" is a month, not a
 * document, and is not taken.
 */
export function documentNumbers(text: string): DocumentReference[] {
  const found: DocumentReference[] = [];
  const seen = new Set<string>();
  const add = (typed: string, kind?: string) => {
    const key = documentNumberKey(typed.slice(typed.search(/\d/)), kind);
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    found.push({ text: typed.trim(), kind: 'number', key });
  };
  for (const m of text.matchAll(KIND_THEN_NUMBER)) add(m[0], kindCode(m[1]!));
  for (const m of text.matchAll(NUMBER_WITH_KIND)) add(m[0]);
  return found;
}

const NUMBER_KEY = /^(\d{1,4})\s*\/\s*([\p{L}\p{N}]+)(?:\s*\/\s*(\p{L}+))?/u;
const PARTY_NUMBER = new RegExp(String.raw`^(\d{1,4})-(${PARTY_KINDS})\/\p{Lu}+`, 'u');

/**
 * The kinds of legal document: the code a số hiệu carries for it (folded: "NĐ" → `nd`; a law's
 * "QH"), and the words, folded, that name the kind before a number ("nghị định 30", "NĐ 30",
 * "Luật 20/2023").
 */
export const DOCUMENT_KINDS: readonly { code: string; words: readonly string[] }[] = [
  { code: 'nd', words: ['nghi dinh', 'nd'] },
  { code: 'qd', words: ['quyet dinh', 'qd'] },
  { code: 'nq', words: ['nghi quyet', 'nq'] },
  { code: 'tt', words: ['thong tu', 'tt'] },
  { code: 'ct', words: ['chi thi', 'ct'] },
  { code: 'qh', words: ['luat'] },
];

/** Kind word or code, folded → code. */
const KIND_CODES = new Map(
  DOCUMENT_KINDS.flatMap(({ code, words }) => [
    [code, code] as const,
    ...words.map((w) => [w, code] as const),
  ]),
);

function kindCode(word: string): string | undefined {
  return KIND_CODES.get(foldDiacritics(word).replace(/\s+/g, ' '));
}

/**
 * The lookup key of a số hiệu: number, year and kind ("68/2024/NĐ-CP" → "68/2024/nd",
 * "20/2023/QH15" → "20/2023/qh"; `kind` when the number has none, as in "Nghị định 68/2024"), or
 * number and kind ("2629/QĐ-TTg" → "2629/qd"); undefined for one that does not start that way.
 * The kind tells "Thông tư 01/2011/TT-BNV" from "Luật Lưu trữ số 01/2011/QH13".
 */
export function documentNumberKey(number: string, kind?: string): string | undefined {
  // "57-NQ/TW" → "57/nq", as "2629/QĐ-TTg" → "2629/qd".
  const party = PARTY_NUMBER.exec(number);
  if (party) return `${party[1]}/${kindCode(party[2]!)}`;
  const m = NUMBER_KEY.exec(number);
  if (!m) return undefined;
  const second = foldDiacritics(m[2]!.toLowerCase());
  if (!/^\d+$/.test(second)) return `${m[1]}/${kindCode(second) ?? second}`;
  const code = (m[3] !== undefined ? kindCode(m[3]) : undefined) ?? kind ?? '';
  return `${m[1]}/${second}/${code}`;
}

/** "Điều 9", "Điều 9a": an article by its number. */
const ARTICLE = /(?<![\p{L}])Điều\s+(\d{1,4}[a-zđ]?)(?![\p{L}\p{N}])/gu;
/** After an article: a range's end ("– 33", "đến Điều 33"). */
const RANGE_END = /^\s*(?:–|-|đến)\s*(?:Điều\s+)?(\d{1,4})(?![\p{N}/])/u;
/** After an article: one more of a list ("Điều 14 và 15", "các Điều 6, 7 và 9"). */
const LIST_NEXT = /^\s*(?:,|và)\s*(?:Điều\s+)?(\d{1,4}[a-zđ]?)(?![\p{L}\p{N}/])/u;
/** A range longer than this is read as its two ends only. */
const MAX_RANGE = 50;

/** An appendix, by its roman numeral: "Phụ lục I", "theo Phụ lục II", "Phụ lục I, mục II.8b". */
const APPENDIX = /(?<![\p{L}])Phụ lục ([IVX]+)(?![\p{L}])/gu;

/**
 * The parts of a document a text cites, as section labels start: articles ("Điều 9") alone
 * ("khoản 2 Điều 9"), in a range ("Các Điều 30 đến Điều 33", "Điều 77–79": every article from the
 * first to the last) or in a list ("các Điều 14 và 15"), and appendices ("Phụ lục I"). A section's
 * label is such a text: "Phụ lục I, mục II.8b" is part of Phụ lục I.
 */
export function citedParts(text: string): string[] {
  const found = new Set<string>();
  const nfc = text.normalize('NFC');
  for (const m of nfc.matchAll(APPENDIX)) found.add(`Phụ lục ${m[1]}`);
  for (const m of nfc.matchAll(ARTICLE)) {
    found.add(`Điều ${m[1]}`);
    let rest = nfc.slice(m.index + m[0].length);
    for (;;) {
      const range = RANGE_END.exec(rest);
      if (range) {
        const from = parseInt(m[1]!, 10);
        const to = parseInt(range[1]!, 10);
        if (to > from && to - from <= MAX_RANGE) {
          for (let n = from + 1; n < to; n++) found.add(`Điều ${n}`);
        }
        found.add(`Điều ${range[1]}`);
        rest = rest.slice(range[0].length);
        continue;
      }
      const next = LIST_NEXT.exec(rest);
      if (!next) break;
      found.add(`Điều ${next[1]}`);
      rest = rest.slice(next[0].length);
    }
  }
  return [...found];
}

/** "Đề án 06", "de an so 06", folded: a project by its approving decision's number. */
const PROJECT_NUMBER = /(?<![\p{L}\p{N}])de an\s+(?:so\s+)?(\d{1,4})(?![\p{N}/])/gu;

/**
 * Projects named by number in a text ("Đề án 06 của Thủ tướng"), which officials call by the
 * number of the decision that approved them.
 */
export function projectNumbers(text: string): DocumentReference[] {
  const nfc = text.normalize('NFC');
  const folded = foldDiacritics(nfc);
  const found: DocumentReference[] = [];
  for (const m of folded.matchAll(PROJECT_NUMBER)) {
    const key = String(parseInt(m[1]!, 10));
    if (found.some((r) => r.key === key)) continue;
    const typed = folded.length === nfc.length ? nfc.slice(m.index, m.index + m[0].length) : m[0];
    found.push({ text: typed, kind: 'project', key });
  }
  return found;
}

import {
  documentNumberKey,
  mentionsPlace,
  namedPlaces,
  namesDocument,
  namesLevel,
  namesYear,
  placeText,
  setsTarget,
  statesFigure,
  type AskedFigure,
  type NamedLevel,
  type NamedPlace,
  type VietnameseAnalyzer,
} from '../language';
import type { Passage } from './retriever';
import type { Section } from './types';

/** Whether a text states each figure asked so far, by its {@link figureKey}. */
type FigureCache = Map<string, boolean>;

/** A sentence of a section, analyzed once and kept with the section. */
export interface AnalyzedSentence {
  text: string;
  terms: Set<string>;
  figures?: FigureCache;
  /** Its words, lowercased, and the numbers among them (see {@link restates}). */
  words?: { all: Set<string>; numbers: Set<string> };
}

/** A section's terms and sentences, and what it was found to state, analyzed once. */
export interface AnalyzedSection {
  terms: Set<string>;
  sentences: AnalyzedSentence[];
  figures?: FigureCache;
  /** Whether the section names each level asked so far, by its key ("muc 2"). */
  levels?: Map<string, boolean>;
  /** The places its document's title and its heading name, and its words for finding others. */
  places?: { about: NamedPlace[]; text: string };
}

/** Share of words two sentences must have in common for one to restate the other. */
const RESTATED = 0.7;

/**
 * What the answerer needs to know of a section (its terms, its sentences, whether it states a
 * figure or names a level), worked out on first use and kept with the section.
 */
export class SectionAnalysis {
  private readonly cache = new WeakMap<Section, AnalyzedSection>();

  constructor(private readonly analyzer: VietnameseAnalyzer) {}

  of(passage: Passage): AnalyzedSection {
    let found = this.cache.get(passage.section);
    if (!found) {
      const { analyzer } = this;
      const { section, document } = passage;
      found = {
        terms: new Set(
          analyzer.terms(`${section.heading}. ${document.title} ${document.number}. ${section.text}`),
        ),
        sentences: splitSentences(section.text).map((text) => ({
          text,
          terms: new Set(analyzer.terms(text)),
        })),
      };
      this.cache.set(section, found);
    }
    return found;
  }

  /**
   * Whether the passage states the figure asked; for the document that rules something, a legal
   * document's own passage does (its citation names it). With `years` (the figure asked for
   * those years), a sentence must state it and name one of them, or its section's heading must:
   * "Cần Thơ xếp hạng 5/63 … năm 2022" does not answer "Năm 2023, Cần Thơ xếp thứ mấy?". The
   * signer of a document asked by number is stated by that document's own passage, or by a
   * sentence that names the number: "Kế hoạch 46/KH-UBND … do ai ký?" is not answered by the
   * signer of Nghị quyết 57 in the next sentence.
   */
  statesFigure(passage: Passage, figure: AskedFigure, years?: readonly string[]): boolean {
    if (figure.kind === 'document' && passage.document.number) return true;
    if (!cachedFigure(this.of(passage), passage.section.text, figure)) return false;
    if (
      !years?.length &&
      !this.needsSubject(passage, figure) &&
      !figure.office &&
      !figure.achieved &&
      !figure.action
    ) {
      return true;
    }
    return this.of(passage).sentences.some((s) => this.sentenceStates(passage, s, figure, years));
  }

  /** Whether the sentence of the passage states the figure (for one of `years`, if any). */
  sentenceStates(
    passage: Passage,
    sentence: AnalyzedSentence,
    figure: AskedFigure,
    years?: readonly string[],
  ): boolean {
    if (!sentenceStates(sentence, figure)) return false;
    // What was achieved is not stated by a target for it, in the sentence or the section's
    // heading ("Điều 1. … mục tiêu đến năm 2025").
    if (figure.achieved && (setsTarget(sentence.text) || setsTarget(passage.section.heading))) {
      return false;
    }
    if (this.needsSubject(passage, figure) && !namesDocument(sentence.text, figure.subject!)) {
      return false;
    }
    if (!years?.length) return true;
    return years.some((y) => namesYear(sentence.text, y) || namesYear(passage.section.heading, y));
  }

  /** Whether the figure is about a document by number other than the passage's own. */
  private needsSubject(passage: Passage, { subject }: AskedFigure): boolean {
    if (subject === undefined) return false;
    const own = documentNumberKey(passage.document.number);
    return own === undefined || own.split('/')[0] !== subject;
  }

  /**
   * Whether the passage can answer for the places asked about: it is about no place in particular
   * (its document's title and its heading name none: a law, a guide), or it speaks of each of
   * them, being about it or mentioning it ("TP Cần Thơ mới gồm Cần Thơ, Sóc Trăng và Hậu Giang
   * cũ"). A page about TP Cần Thơ does not answer for An Giang, nor how Đà Nẵng ranks against Cần
   * Thơ. What a place's own body issued ("Nghị quyết … của Tỉnh ủy Vĩnh Long") is answered only by
   * a page about that place.
   */
  fitsPlaces(passage: Passage, places: readonly NamedPlace[]): boolean {
    const analyzed = this.of(passage);
    if (!analyzed.places) {
      const { section, document } = passage;
      analyzed.places = {
        about: namedPlaces(`${document.title}. ${section.heading}`),
        text: placeText(`${document.title}. ${section.heading}. ${section.text}`),
      };
    }
    const { about, text } = analyzed.places;
    if (places.some((p) => p.body)) {
      return places.some((p) => p.body && about.some((a) => a.key === p.key));
    }
    return about.length === 0 || places.every((p) => mentionsPlace(text, p));
  }

  /** Whether the passage (its heading, document title or text) names the level. */
  namesLevel(passage: Passage, level: NamedLevel): boolean {
    const analyzed = this.of(passage);
    analyzed.levels ??= new Map();
    let names = analyzed.levels.get(level.key);
    if (names === undefined) {
      const { section, document } = passage;
      names = namesLevel(`${section.heading}. ${document.title}. ${section.text}`, level);
      analyzed.levels.set(level.key, names);
    }
    return names;
  }
}

/** Whether the sentence states the figure asked. */
export function sentenceStates(sentence: AnalyzedSentence, figure: AskedFigure): boolean {
  return cachedFigure(sentence, sentence.text, figure);
}

/**
 * Whether `b` says what `a` says: most of their words shared (Jaccard ≥ {@link RESTATED}), as a
 * guide restates an article ("(khoản 1 Điều 5)" against "(khoản 1 Điều 5 Nghị định 30/2020/NĐ-CP)"),
 * and no number of one missing from the other unless all of its numbers are in the other: "dưới
 * 10.000 … cấp độ 2" does not restate "từ 10.000 … cấp độ 3".
 */
export function restates(a: AnalyzedSentence, b: AnalyzedSentence): boolean {
  const x = wordsOf(a);
  const y = wordsOf(b);
  let shared = 0;
  for (const w of y.all) if (x.all.has(w)) shared++;
  if (shared / (x.all.size + y.all.size - shared) < RESTATED) return false;
  const within = (p: Set<string>, q: Set<string>) => [...p].every((n) => q.has(n));
  return within(x.numbers, y.numbers) || within(y.numbers, x.numbers);
}

/**
 * A bracketed reference to where a sentence comes from ("(khoản 3 Điều 13)", "(Phụ lục I, mục II.7b
 * Nghị định 30/2020/NĐ-CP)": a reference word and a number): a guide that restates an article adds
 * it, which says nothing else. "(nếu không xác định được khoản thu …)" is none.
 */
const SOURCE_REFERENCE =
  /\((?:[^()]*\s)?(?:Điều|khoản|Phụ lục|Nghị định|Luật|Quyết định|Thông tư|NĐ|QĐ)\s[\dIVX][^()]*\)/gu;

function wordsOf(sentence: AnalyzedSentence): { all: Set<string>; numbers: Set<string> } {
  if (!sentence.words) {
    const text = sentence.text.replace(SOURCE_REFERENCE, ' ').toLowerCase();
    const all = new Set(text.match(/[\p{L}\p{N}]+/gu) ?? []);
    const numbers = new Set([...all].filter((w) => /^\d/.test(w)));
    sentence.words = { all, numbers };
  }
  return sentence.words;
}

function figureKey({ kind, units, office, often, action }: AskedFigure): string {
  if (office) return `${kind}:${office}`;
  if (action) return `${kind}:${action}`;
  if (often) return `${kind}:often`;
  return units ? `${kind}:${units.join(',')}` : kind;
}

/** `statesFigure(text, figure)`, remembered in `holder` (a section or a sentence, analyzed once). */
function cachedFigure(holder: { figures?: FigureCache }, text: string, figure: AskedFigure): boolean {
  holder.figures ??= new Map();
  const key = figureKey(figure);
  let states = holder.figures.get(key);
  if (states === undefined) {
    states = statesFigure(text, figure);
    holder.figures.set(key, states);
  }
  return states;
}

/** Splits a section into sentences and list items, without Markdown markers. */
export function splitSentences(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap(splitLine)
    .map((s) =>
      s
        .replace(/^\s*(?:[-*+]|\d+[.)])\s+/, '')
        .replace(/\*\*|__|\u0060/g, '')
        .trim(),
    )
    .filter((s) => /[\p{L}\p{N}]/u.test(s) && !/^#/.test(s));
}

/** What may start a sentence: a capital, a digit, a quote or a bracket. */
const SENTENCE_START = /[\p{Lu}\d\u0022“(]/u;
/** An inline list's numbering: "(a)", "(1)". */
const ITEM_NUMBER = /^\((?:\p{L}{1,2}|\d{1,2})\)/u;

/** An abbreviation in capitals before its expansion: "TM. (thay mặt)", "KT. (ký thay)". */
const ABBREVIATION_BEFORE = /(?:^|[\s(,;:])\p{Lu}{1,4}$/u;

/**
 * The sentences of one line: it ends one at ". " / "! " / "? ", and at "; " between clauses, before
 * a capital. Never inside brackets ("(tại thời điểm ban hành là Bộ Thông tin và Truyền thông; Bộ
 * Quốc phòng, …)") nor quotes (an example prompt 'Ví dụ: "Bạn là chuyên viên. Hãy tóm tắt …"'
 * ends where its quote closes), nor after an abbreviation followed by its expansion ("TM. (thay
 * mặt), KT. (ký thay)"); a ";" does not end a list that a ":" opened in the same sentence ("Căn
 * cứ: Nghị định 30/2020/NĐ-CP …; Quyết định 19/2014/QĐ-TTg; …") nor an inline numbered list
 * ("gồm bốn bước: (1) xây dựng; (2) áp dụng; …"): its items are not sentences of their own.
 */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let start = 0;
  let depth = 0;
  let quoted = false;
  let curly = 0;
  let listOpen = false;
  // A bracket or quote left open ("Mở ngoặc (xem phụ lục. Câu hai.") would hold the rest of the
  // line together: they count only when they pair up.
  const paired = count(line, '(') === count(line, ')') && count(line, '[') === count(line, ']');
  const straightPaired = count(line, '"') % 2 === 0;
  const curlyPaired = count(line, '“') === count(line, '”');
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    let closesQuote = false;
    if (paired && (c === '(' || c === '[')) depth++;
    else if (paired && (c === ')' || c === ']') && depth > 0) depth--;
    else if (straightPaired && c === '"') {
      closesQuote = quoted;
      quoted = !quoted;
    } else if (curlyPaired && c === '“') curly++;
    else if (curlyPaired && c === '”' && curly > 0) closesQuote = --curly === 0;
    if (depth > 0 || quoted || curly > 0) continue;
    // A list's colon is followed by a space: not "9:00", "ISO 9001:2015" nor an address.
    if (c === ':' && /\s/.test(line[i + 1] ?? '')) listOpen = true;
    // A quote closing on its own sentence's end ('… văn phong hành chính." Nên …') ends one too.
    const endsQuoted = closesQuote && /[.!?]/.test(line[i - 1] ?? '');
    const ends = c === '.' || c === '!' || c === '?' || (c === ';' && !listOpen) || endsQuoted;
    if (!ends || !/\s/.test(line[i + 1] ?? '')) continue;
    // "2. Mục hai": a numbered item's number, not a sentence.
    if (c === '.' && /^\s*\d+$/.test(line.slice(start, i))) continue;
    let next = i + 1;
    while (next < line.length && /\s/.test(line[next]!)) next++;
    const rest = line.slice(next);
    if (!SENTENCE_START.test(rest[0] ?? '')) continue;
    if (c === ';' && ITEM_NUMBER.test(rest)) continue;
    if (c === '.' && rest[0] === '(' && ABBREVIATION_BEFORE.test(line.slice(start, i))) continue;
    out.push(line.slice(start, i + 1));
    start = next;
    listOpen = false;
  }
  out.push(line.slice(start));
  return out;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

import { abbreviationKey, EMPTY_GLOSSARY, type Glossary } from './glossary';
import { memoize } from './memo';
import { canonicalSyllable, foldDiacritics, hasDiacritics, stripControls } from './normalize';
import { isFunctionWord } from './question';
import { hasImpossibleMarks, isVietnameseSyllable, unifyIY } from './syllable';

/** Prefix of folded (diacritic-free) terms, so `~chu` (from chữ) never collides with `chu`. */
export const FOLDED_PREFIX = '~';
const WORD = /[\p{L}\p{N}]+(?:[&.][\p{L}\p{N}]+)*/gu;
const JOINER = /[&.]/;
/** A time written with "h" for giờ: "72h", "8h30". */
const HOURS = /^(\d{1,3})[hH](\d{2})?$/;

/** True when the text between two words holds punctuation that ends a phrase. */
function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (BREAK_CHARS.has(text.charCodeAt(i))) return true;
  return false;
}
const BREAK_CHARS = new Set([...'.,;:!?()[]{}"“”\n'].map((c) => c.charCodeAt(0)));

/** `~` + folded form of a syllable: shared strings, so maps hash each once. */
export const foldedTerm = memoize((syllable) => FOLDED_PREFIX + foldDiacritics(syllable));

/** The bigram term of two consecutive terms, both accented or both folded (`~chu_ky`). */
export function bigramTerm(prev: string, next: string): string {
  return prev + '_' + (next.startsWith(FOLDED_PREFIX) ? next.slice(1) : next);
}

/** What one word of a text contributes: its syllables and any glossary expansions. */
interface WordAnalysis {
  syllables: string[];
  expansions: string[][] | undefined;
}

/** Bound on the per-analyzer word cache (distinct words; dropped when full). */
const WORD_CACHE_LIMIT = 200_000;

/** One run of letters/digits in NFC, without control characters: what analysis keeps as it is. */
const isPlainWord = (() => {
  const plain = memoize((word) =>
    /^[\p{L}\p{N}]+$/u.test(word) && stripControls(word.normalize('NFC')) === word ? '1' : '',
  );
  return (word: string) => plain(word) === '1';
})();

/** Canonical lowercase syllable of one run of letters/digits: tone placed, i/y unified. */
const syllableOf = memoize((part) => unifyIY(canonicalSyllable(part).toLowerCase()));

export interface AnalyzeOptions {
  /**
   * Query side: accented terms are emitted only when the text carries diacritics (a query typed
   * without them must not be judged on accented terms it could never match), and synonym groups
   * from the glossary are expanded.
   */
  query?: boolean;
}

/**
 * The Vietnamese analyzer shared by indexing and querying: NFC and canonical tone placement,
 * i/y unification, lowercase syllables plus syllable bigrams, each in an accented form and a
 * folded form (`~`-prefixed), and abbreviation expansion from the glossary.
 */
export class VietnameseAnalyzer {
  private readonly abbreviations = new Map<string, string[][]>();
  /**
   * Each glossary phrase (folded syllables, and as listed) with the other phrasings of its group.
   */
  private readonly synonyms: { words: string[]; listed: string[]; others: string[][] }[] = [];
  /** Folded first syllable → positions in `synonyms` of the phrases starting with it. */
  private readonly synonymStarts = new Map<string, number[]>();
  /** Word as matched → its analysis: one lookup per word instead of one per step. */
  private words = new Map<string, WordAnalysis>();

  constructor(glossary: Glossary = EMPTY_GLOSSARY) {
    for (const { abbr, full } of glossary.abbreviations) {
      const key = abbreviationKey(abbr);
      const list = this.abbreviations.get(key) ?? [];
      list.push(this.syllables(full));
      this.abbreviations.set(key, list);
    }
    for (const group of glossary.synonyms) {
      const phrases = group.map((p) => this.syllables(p)).filter((p) => p.length > 0);
      for (const phrase of phrases) {
        const folded = phrase.map(foldDiacritics);
        const starts = this.synonymStarts.get(folded[0]!) ?? [];
        starts.push(this.synonyms.length);
        this.synonymStarts.set(folded[0]!, starts);
        this.synonyms.push({
          words: folded,
          listed: phrase,
          others: phrases.filter((p) => p !== phrase),
        });
      }
    }
  }

  /** The text's phrases (broken at punctuation) as lowercase canonical syllables; no expansions. */
  phraseSyllables(text: string): string[][] {
    return this.phrases(text).main;
  }

  /** Lowercase canonical syllables of a text, in order. */
  syllables(text: string): string[] {
    return this.phrases(text).main.flat();
  }

  /**
   * The phrases whose terms `terms(text)` emits on the index side (the text's phrases, then the
   * glossary expansions of its abbreviations): lets an index encode syllables and bigrams by id
   * without building each term string again. `terms(text)` is, in order, for each phrase, each
   * syllable `s` (after the first: preceded by the previous one `p`) giving `s`, `foldedTerm(s)`,
   * `bigramTerm(p, s)`, `bigramTerm(foldedTerm(p), foldedTerm(s))`.
   */
  indexPhrases(text: string): string[][] {
    const { main, expansions } = this.phrases(text);
    for (const e of expansions) main.push(e);
    return main;
  }

  /** Index or query terms of a text (with repeats, in order: callers count frequencies). */
  terms(text: string, options: AnalyzeOptions = {}): string[] {
    const { main, expansions } = this.phrases(text);
    if (options.query) expansions.push(...this.synonymsIn(main.flat()));
    const accented = !options.query || hasDiacritics(text);
    const out: string[] = [];
    const push = (term: string) => out.push(term);
    for (const phrase of main) emitPhrase(phrase, accented, push);
    for (const phrase of expansions) emitPhrase(phrase, accented, push);
    return out;
  }

  /**
   * Query terms with weights: the words as typed count fully, grammatical words ("thì", "của")
   * and glossary expansions count less, so that they help recall without steering the ranking.
   */
  weightedTerms(
    text: string,
    weights: { functionWord: number; expansion: number },
  ): Map<string, number> {
    const { main, expansions } = this.phrases(text);
    return this.weigh(main, expansions, hasDiacritics(text), weights);
  }

  /**
   * `weightedTerms(syllables.join(' '), weights)` for syllables from `syllables()`, without
   * analysing their text again: each syllable is one word, looked up in the word cache.
   */
  weightedSyllableTerms(
    syllables: readonly string[],
    weights: { functionWord: number; expansion: number },
  ): Map<string, number> {
    const phrase: string[] = [];
    const expansions: string[][] = [];
    let accented = false;
    for (const syllable of syllables) {
      // Only text that analysis would leave as it is can skip it; a space changes nothing there,
      // so the joined text qualifies exactly when each syllable does.
      if (!isPlainWord(syllable)) return this.weightedTerms(syllables.join(' '), weights);
      accented ||= hasDiacritics(syllable);
      const analysis = this.word(syllable);
      if (analysis.expansions) expansions.push(...analysis.expansions);
      for (const s of analysis.syllables) phrase.push(s);
    }
    return this.weigh(phrase.length > 0 ? [phrase] : [], expansions, accented, weights);
  }

  private weigh(
    main: string[][],
    expansions: string[][],
    accented: boolean,
    weights: { functionWord: number; expansion: number },
  ): Map<string, number> {
    expansions.push(...this.synonymsIn(main.flat()));
    const out = new Map<string, number>();
    // The terms of `emitPhrase`, in its order; a bigram is grammatical when both its words are.
    for (const phrase of main) {
      let prev = '';
      let prevFolded = '';
      let prevWeak = false;
      for (let i = 0; i < phrase.length; i++) {
        const s = phrase[i]!;
        const f = foldedTerm(s);
        const weak = isFunctionWord(s);
        const w = weak ? weights.functionWord : 1;
        if (accented) putMax(out, s, w);
        putMax(out, f, w);
        if (i > 0) {
          const bw = weak && prevWeak ? weights.functionWord : 1;
          if (accented) putMax(out, bigramTerm(prev, s), bw);
          putMax(out, bigramTerm(prevFolded, f), bw);
        }
        prev = s;
        prevFolded = f;
        prevWeak = weak;
      }
    }
    for (const phrase of expansions) {
      emitPhrase(phrase, accented, (term) => putMax(out, term, weights.expansion));
    }
    return out;
  }

  /** Splits a text into phrases of syllables (broken at punctuation) plus abbreviation expansions. */
  private phrases(text: string): { main: string[][]; expansions: string[][] } {
    const clean = stripControls(text.normalize('NFC'));
    const main: string[][] = [];
    const expansions: string[][] = [];
    let current: string[] = [];
    let last = 0;
    // `exec` on the shared global regex (nothing below runs another match on it): no iterator
    // and no regex copy per call, as `matchAll` makes.
    WORD.lastIndex = 0;
    for (let m = WORD.exec(clean); m !== null; m = WORD.exec(clean)) {
      const word = m[0];
      const at = m.index;
      if (current.length > 0 && hasBreak(clean, last, at)) {
        main.push(current);
        current = [];
      }
      last = at + word.length;
      const analysis = this.word(word);
      if (analysis.expansions) expansions.push(...analysis.expansions);
      const syllables = analysis.syllables;
      for (let i = 0; i < syllables.length; i++) current.push(syllables[i]!);
    }
    if (current.length > 0) main.push(current);
    return { main, expansions };
  }

  private word(word: string): WordAnalysis {
    let found = this.words.get(word);
    if (found === undefined) {
      const syllables: string[] = [];
      const hours = HOURS.exec(word);
      if (hours) {
        // "72h", "8h30": hours as chat writes them, "72 giờ" as the documents do.
        syllables.push(hours[1]!, 'giờ');
        if (hours[2]) syllables.push(hours[2]);
      } else if (JOINER.test(word)) {
        for (const part of word.split(JOINER)) if (part) syllables.push(syllableOf(part));
      } else {
        syllables.push(syllableOf(word));
      }
      found = { syllables, expansions: this.expansionsOf(word) };
      if (this.words.size >= WORD_CACHE_LIMIT) this.words = new Map();
      this.words.set(word, found);
    }
    return found;
  }

  private expansionsOf(word: string): string[][] | undefined {
    if (this.abbreviations.size === 0 || word.length > 12) return undefined;
    const list = this.abbreviations.get(abbreviationKey(word));
    if (!list) return undefined;
    // A lowercase word that is also an ordinary syllable ("ca", "tu") is not an abbreviation.
    const capitals = word.replace(/[^\p{Lu}]/gu, '').length;
    if (capitals < 2 && isVietnameseSyllable(word)) return undefined;
    return list;
  }

  /**
   * The glossary's expansions of a word typed as an abbreviation ("CĐS", or "cđs" as a syllable),
   * as syllables; looked up in the word cache.
   */
  abbreviationExpansions(word: string): string[][] | undefined {
    return this.word(word).expansions;
  }

  /**
   * Where the syllables have a phrase the glossary lists with other phrasings ("scan" of "scan" /
   * "quét"), with those other phrasings (as syllables). Such a word may be absent from the
   * documents as typed and still be known to them, as may an abbreviation
   * ({@link abbreviationExpansions}).
   */
  synonymMatches(
    syllables: readonly string[],
  ): { start: number; length: number; others: string[][] }[] {
    return this.findSynonyms(syllables).map(({ start, group }) => {
      const { words, others } = this.synonyms[group]!;
      return { start, length: words.length, others };
    });
  }

  /** The other phrasings of every glossary phrase in the syllables, in glossary order, once each. */
  private synonymsIn(syllables: string[]): string[][] {
    const found = new Set(this.findSynonyms(syllables).map((m) => m.group));
    return [...found].sort((a, b) => a - b).flatMap((k) => this.synonyms[k]!.others);
  }

  /**
   * Where the syllables hold a glossary phrase: its start and its position in `synonyms`. A phrase
   * can only start at one of its first syllable's occurrences, so only those are checked.
   */
  private findSynonyms(syllables: readonly string[]): { start: number; group: number }[] {
    if (this.synonyms.length === 0) return [];
    const folded = syllables.map(foldDiacritics);
    const found: { start: number; group: number }[] = [];
    for (let i = 0; i < folded.length; i++) {
      const starts = this.synonymStarts.get(folded[i]!);
      if (!starts) continue;
      for (const group of starts) {
        const { words, listed } = this.synonyms[group]!;
        let matches = true;
        for (let j = 0; j < words.length && matches; j++) {
          const typed = syllables[i + j];
          // A syllable typed with its marks must be the one listed ("lễ" is not "lẹ"); one typed
          // without them, or with marks that cannot be right, matches by its folded form.
          matches = folded[i + j] === words[j] && (typed === listed[j] || matchesFolded(typed!));
        }
        if (matches) found.push({ start: i, group });
      }
    }
    return found;
  }
}

/** Whether a typed syllable is matched by its folded form: typed without marks, or with wrong ones. */
const foldedMatch = memoize((syllable) =>
  !hasDiacritics(syllable) || hasImpossibleMarks(syllable) ? '1' : '',
);
const matchesFolded = (syllable: string): boolean => foldedMatch(syllable) === '1';

/** Keeps the highest weight of a term; a new term goes last. */
function putMax(out: Map<string, number>, term: string, weight: number): void {
  const known = out.get(term);
  out.set(term, Math.max(known ?? 0, weight));
}

/** Emits, for each syllable in order, its terms and then the bigram with the previous one. */
function emitPhrase(
  syllables: string[],
  accented: boolean,
  emit: (term: string, index: number, bigram: boolean) => void,
): void {
  let prev: string | undefined;
  let prevFolded = '';
  syllables.forEach((s, i) => {
    const f = foldedTerm(s);
    if (accented) emit(s, i, false);
    emit(f, i, false);
    if (prev !== undefined) {
      if (accented) emit(bigramTerm(prev, s), i, true);
      emit(bigramTerm(prevFolded, f), i, true);
    }
    prev = s;
    prevFolded = f;
  });
}

import { memoize } from './memo';

/**
 * Unicode and orthography normalisation for Vietnamese text.
 *
 * Input arrives in NFC and NFD, and legacy text places tone marks in the old style (hòa, thúy)
 * or the new style (hoà, thuý). Every syllable is rewritten with its tone mark on one canonical
 * vowel, so both spellings compare equal. This module is pure: no I/O.
 */

const TONE_MARKS = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
/** Combining marks that change the vowel itself (not the tone): circumflex, breve, horn. */
const QUALITY_MARKS = new Set(['\u0302', '\u0306', '\u031b']);
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);
// Control characters except tab and line breaks, plus zero-width and BOM characters.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/g;

/** NFC, control characters removed, whitespace collapsed, tone marks in canonical position. */
export function normalizeText(input: string): string {
  const cleaned = stripControls(input.normalize('NFC'));
  // Without a tone mark there is nothing to move: ASCII text skips the per-word pass.
  return (isAscii(cleaned) ? cleaned : cleaned.replace(/\p{L}+/gu, cachedCanonical))
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** Replaces control, zero-width and BOM characters with spaces. */
export function stripControls(input: string): string {
  return input.replace(CONTROL, ' ');
}

const cachedCanonical = memoize((word) => canonicalSyllable(word));

interface Letter {
  base: string;
  quality: string;
  upper: boolean;
}

/**
 * Rewrites one run of letters with its tone mark on the canonical vowel. Runs that are not a
 * single Vietnamese-looking syllable (no tone mark, or foreign words) come back unchanged.
 */
export function canonicalSyllable(word: string): string {
  const decomposed = word.normalize('NFD');
  let tone = '';
  const letters: Letter[] = [];
  for (const ch of decomposed) {
    if (TONE_MARKS.has(ch)) {
      if (tone && tone !== ch) return word; // two different tones: not one syllable
      tone = ch;
    } else if (QUALITY_MARKS.has(ch)) {
      const last = letters[letters.length - 1];
      if (!last) return word;
      last.quality += ch;
    } else if (/\p{M}/u.test(ch)) {
      return word;
    } else {
      letters.push({ base: ch.toLowerCase(), quality: '', upper: ch !== ch.toLowerCase() });
    }
  }
  if (!tone) return word;
  const target = toneVowelIndex(letters);
  if (target < 0) return word;
  let out = '';
  letters.forEach((l, i) => {
    const ch = l.upper ? l.base.toUpperCase() : l.base;
    out += ch + l.quality + (i === target ? tone : '');
  });
  return out.normalize('NFC');
}

/** Index of the vowel that carries the tone in the canonical (new-style) placement. */
function toneVowelIndex(letters: Letter[]): number {
  const bases = letters.map((l) => l.base).join('');
  let start = 0;
  // "qu" and "gi" (before another vowel) are onsets: their u/i is not part of the nucleus.
  if (bases.startsWith('qu')) start = 2;
  else if (bases.startsWith('gi') && letters.length > 2 && VOWELS.has(bases[2] ?? '')) start = 2;
  while (start < letters.length && !VOWELS.has(letters[start]!.base)) start++;
  let end = start;
  while (end < letters.length && VOWELS.has(letters[end]!.base)) end++;
  if (start >= letters.length) {
    // "gì", "quý" style words whose only vowel sits in the onset.
    for (let i = letters.length - 1; i >= 0; i--) if (VOWELS.has(letters[i]!.base)) return i;
    return -1;
  }
  const nucleus = letters.slice(start, end);
  for (let i = nucleus.length - 1; i >= 0; i--) {
    if (nucleus[i]!.quality) return start + i;
  }
  if (nucleus.length === 1) return start;
  const closed = end < letters.length; // a final consonant follows
  const pair = nucleus[0]!.base + nucleus[1]!.base;
  if (closed) return end - 1;
  if (nucleus.length === 3) return start + 1;
  if (pair === 'oa' || pair === 'oe' || pair === 'uy') return start + 1;
  return start;
}

/** Removes every diacritic, maps đ→d and lowercases: `Chữ ký số` → `chu ky so`. */
export function foldDiacritics(input: string): string {
  if (input.length <= 12) return cachedFold(input);
  // A question is folded by several readers in turn (figures, levels, scenarios): keep the last.
  if (input !== lastFolded.input) lastFolded = { input, output: fold(input) };
  return lastFolded.output;
}

const cachedFold = memoize((word) => fold(word));
let lastFolded = { input: '', output: '' };

function fold(input: string): string {
  return input.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** True when the text carries at least one Vietnamese diacritic (or đ). */
export function hasDiacritics(input: string): boolean {
  if (isAscii(input)) return false;
  return input.length <= 12 ? cachedHasDiacritics(input) === '1' : diacriticsIn(input);
}

function isAscii(input: string): boolean {
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) > 0x7f) return false;
  return true;
}

function diacriticsIn(input: string): boolean {
  return /[\u0300-\u036f]|[đĐ]/.test(input.normalize('NFD'));
}

const cachedHasDiacritics = memoize((word) => (diacriticsIn(word) ? '1' : ''));

/** Words listed with their marks, and the same words folded (see {@link isListed}). */
export interface WordList {
  readonly marked: ReadonlySet<string>;
  readonly folded: ReadonlySet<string>;
}

export function wordList(words: Iterable<string>): WordList {
  const marked = new Set(words);
  return { marked, folded: new Set([...marked].map(foldDiacritics)) };
}

/**
 * Whether the syllable or phrase is in the list: as listed when typed with marks, folded when
 * typed without any ("phat" is "phạt"; "phát" is not).
 */
export function isListed(typed: string, list: WordList): boolean {
  return hasDiacritics(typed) ? list.marked.has(typed) : list.folded.has(typed);
}

/**
 * The text folded (see {@link foldDiacritics}), its words separated by single spaces and padded by
 * one on each side, so that a phrase is found by `includes(' phrase ')` or a pattern of words.
 */
export function foldedWords(text: string): string {
  return ` ${foldDiacritics(text).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
}

/** Whether `phrase` stands in `words` from position `i`, word for word (both folded, say). */
export function wordsAt(words: readonly string[], i: number, phrase: readonly string[]): boolean {
  return phrase.every((w, j) => words[i + j] === w);
}

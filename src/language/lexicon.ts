import { syllableOf } from './analyzer';
import { foldDiacritics } from './normalize';

/**
 * The two-syllable words of Vietnamese ("phụ cấp", "máy in"), from a word list: tells a compound
 * of a question from two neighbouring syllables that only happen to be adjacent ("hồ sơ cấp xã"
 * holds "hồ sơ", not "sơ cấp" the word). Longer words are not kept: the checks that use this look
 * at pairs.
 */
const SEPARATOR = /[\s-]/;
/** One syllable: letters only (in NFC or NFD, so marks too). */
const LETTERS = /^[\p{L}\p{M}]+$/u;

export class Lexicon {
  /** Words of one syllable, canonical lowercase. */
  private readonly single = new Set<string>();
  /** `first second`, canonical lowercase syllables. */
  private readonly exact = new Set<string>();
  /** The same without diacritics. */
  private readonly folded = new Set<string>();

  /**
   * `words`: one word or phrase per entry, as a dictionary writes it (syllables separated by a
   * space or a hyphen, NFC or NFD, any tone placement).
   */
  constructor(words: Iterable<string>) {
    for (const entry of words) {
      const word = entry.trim();
      const gap = word.search(SEPARATOR);
      if (gap < 0) {
        if (LETTERS.test(word)) this.single.add(syllableOf(word.normalize('NFC')));
        continue;
      }
      const first = word.slice(0, gap);
      const second = word.slice(gap + 1);
      if (!LETTERS.test(first) || !LETTERS.test(second)) continue;
      const a = syllableOf(first.normalize('NFC'));
      const b = syllableOf(second.normalize('NFC'));
      this.exact.add(a + ' ' + b);
      this.folded.add(foldDiacritics(a) + ' ' + foldDiacritics(b));
    }
  }

  get size(): number {
    return this.exact.size;
  }

  /** Whether a canonical syllable, with its marks, is a word by itself ("diệt"; not "bảm"). */
  isSyllableWord(syllable: string): boolean {
    return this.single.has(syllable);
  }

  /** Whether two canonical syllables form a word, compared with their marks when `marked`. */
  isWord(first: string, second: string, marked: boolean): boolean {
    return marked
      ? this.exact.has(`${first} ${second}`)
      : this.folded.has(`${foldDiacritics(first)} ${foldDiacritics(second)}`);
  }
}

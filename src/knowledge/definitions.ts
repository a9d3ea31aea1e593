import { foldDiacritics, hasDiacritics, type DefinedTerm, type VietnameseAnalyzer } from '../language';

/** The copula of a definition, and its folded form. */
const IS = 'là';
const IS_FOLDED = 'la';

/** What a defining text says, as `| syllables là ` to find in a text's phrases (see {@link phraseText}). */
export interface DefinitionPhrase {
  phrase: string;
  /** Whether to look for it in the folded phrases (a syllable was typed without marks). */
  folded: boolean;
}

/** A text's phrases, joined as `| a b | c d |`, as typed (canonical) and folded. */
export interface PhraseText {
  exact: string;
  folded: string;
}

/**
 * What a defining text says of the term: the term at the start of a phrase ("1. Chuyển đổi số là
 * …", "Theo Luật này, chữ ký số là …"; not "… mua, bán dữ liệu cá nhân là 10 lần …"), followed by
 * "là". A term that may carry the question's words before it ("cho biết chữ ký số") or after it
 * is also tried by its shorter ends or starts, down to two syllables (one alone, "số", defines too
 * little). Folded when a syllable was typed without marks.
 */
export function definitionPhrases(term: DefinedTerm): DefinitionPhrase[] {
  const { syllables, anchor } = term;
  const out: DefinitionPhrase[] = [];
  const shortest = Math.min(2, syllables.length);
  for (let n = syllables.length; n >= shortest; n--) {
    const words = anchor === 'end' ? syllables.slice(-n) : syllables.slice(0, n);
    const folded = !words.every(hasDiacritics);
    const phrase = folded
      ? `| ${words.map(foldDiacritics).join(' ')} ${IS_FOLDED} `
      : `| ${words.join(' ')} ${IS} `;
    out.push({ phrase, folded });
  }
  return out;
}

/** The text's phrases, for {@link defines}. */
export function phraseText(analyzer: VietnameseAnalyzer, text: string): PhraseText {
  const phrases = analyzer.phraseSyllables(text);
  const exact = `| ${phrases.map((p) => p.join(' ')).join(' | ')} |`;
  return { exact, folded: foldDiacritics(exact) };
}

/** Whether the text says one of the definitions ({@link definitionPhrases}). */
export function defines(text: PhraseText, wanted: readonly DefinitionPhrase[]): boolean {
  return wanted.some((w) => (w.folded ? text.folded : text.exact).includes(w.phrase));
}

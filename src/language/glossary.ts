import { memoize } from './memo';
import { foldDiacritics, normalizeText } from './normalize';

/** An abbreviation and its expansion, e.g. `CĐS` → `chuyển đổi số`. */
export interface GlossaryEntry {
  abbr: string;
  full: string;
}

/** Abbreviations and groups of interchangeable phrasings, from `knowledge/glossary.yaml`. */
export interface Glossary {
  abbreviations: GlossaryEntry[];
  synonyms: string[][];
}

export const EMPTY_GLOSSARY: Glossary = { abbreviations: [], synonyms: [] };

/** The lookup key of an abbreviation as typed: folded, with `&`, `.`, `-` and spaces dropped. */
export const abbreviationKey = memoize((word: string): string =>
  foldDiacritics(normalizeText(word)).replace(/[&.\-\s/]/g, ''),
);

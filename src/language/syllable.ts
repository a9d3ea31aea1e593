import { foldDiacritics, hasDiacritics } from './normalize';

const ONSET = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?';
const NUCLEUS = '[aeiouy]{1,3}';
const CODA = '(?:ch|ng|nh|c|m|n|p|t)?';
const SYLLABLE = new RegExp(`^${ONSET}${NUCLEUS}${CODA}$`);

/** True when a (folded or accented) word could be one Vietnamese syllable. */
export function isVietnameseSyllable(word: string): boolean {
  return SYLLABLE.test(foldDiacritics(word));
}

// consonant onset followed by a lone y carrying any tone: ký, lý, mỹ, quy, tỷ …
const LONE_Y = /^(ngh|ng|nh|ch|gh|kh|ph|qu|th|tr|[bcdđghklmnprstvx])([yýỳỷỹỵ])$/;
const Y_TO_I: Record<string, string> = { y: 'i', ý: 'í', ỳ: 'ì', ỷ: 'ỉ', ỹ: 'ĩ', ỵ: 'ị' };

/** Treats the i/y spellings alike (`ký`/`kí`, `quy`/`qui`, `tỷ`/`tỉ`) by rewriting to i. */
export function unifyIY(syllable: string): string {
  const m = LONE_Y.exec(syllable);
  if (!m) return syllable;
  return m[1] + (Y_TO_I[m[2]!] ?? m[2]!);
}

/** A stop final (c, ch, p, t): the syllable can only carry the sắc or nặng tone. */
const STOP_FINAL = /(?:c|ch|p|t)$/;
const SAC_OR_NANG = /[\u0301\u0323]/;

/**
 * True when a syllable typed with marks has a tone its final forbids: a syllable ending in c, ch,
 * p or t takes only sắc or nặng ("luật", "lực"), so "luât" or "lưc" is a mistyped mark, not a
 * word. Such a syllable is better matched as if typed without marks.
 */
export function hasImpossibleTone(syllable: string): boolean {
  if (!hasDiacritics(syllable) || !STOP_FINAL.test(foldDiacritics(syllable))) return false;
  return !SAC_OR_NANG.test(syllable.normalize('NFD'));
}

/** "ư" before an "o" without its horn: the pair is always written "ươ" ("người", not "ngừoi"). */
const HALF_HORN = /[ưừứửữự][oóòỏõọ]/;

/**
 * True when a syllable's marks cannot be right: a tone its final forbids ({@link hasImpossibleTone})
 * or "ư" before an "o" without its horn ("ngừoi" for "người"). Such a syllable is a typo and is
 * better matched as if typed without marks.
 */
export function hasImpossibleMarks(syllable: string): boolean {
  return hasImpossibleTone(syllable) || HALF_HORN.test(syllable.normalize('NFC').toLowerCase());
}

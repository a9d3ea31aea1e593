import { foldDiacritics } from './normalize';

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

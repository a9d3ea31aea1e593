import { foldDiacritics } from './normalize';

/**
 * Provinces and centrally run cities named in a text: "Tỉnh An Giang xếp hạng DTI thứ mấy?" asks
 * about An Giang, and a page about TP Cần Thơ does not answer it. This module is pure: no I/O.
 *
 * The names are those of the 63 provinces and cities before the 2025 merger, which include the
 * 34 after it (Huế also alone), so that a question naming either finds its place.
 */
const PROVINCE_NAMES = [
  'An Giang',
  'Bà Rịa - Vũng Tàu',
  'Bắc Giang',
  'Bắc Kạn',
  'Bạc Liêu',
  'Bắc Ninh',
  'Bến Tre',
  'Bình Định',
  'Bình Dương',
  'Bình Phước',
  'Bình Thuận',
  'Cà Mau',
  'Cần Thơ',
  'Cao Bằng',
  'Đà Nẵng',
  'Đắk Lắk',
  'Đắk Nông',
  'Điện Biên',
  'Đồng Nai',
  'Đồng Tháp',
  'Gia Lai',
  'Hà Giang',
  'Hà Nam',
  'Hà Nội',
  'Hà Tĩnh',
  'Hải Dương',
  'Hải Phòng',
  'Hậu Giang',
  'Hồ Chí Minh',
  'Hòa Bình',
  'Huế',
  'Hưng Yên',
  'Khánh Hòa',
  'Kiên Giang',
  'Kon Tum',
  'Lai Châu',
  'Lâm Đồng',
  'Lạng Sơn',
  'Lào Cai',
  'Long An',
  'Nam Định',
  'Nghệ An',
  'Ninh Bình',
  'Ninh Thuận',
  'Phú Thọ',
  'Phú Yên',
  'Quảng Bình',
  'Quảng Nam',
  'Quảng Ngãi',
  'Quảng Ninh',
  'Quảng Trị',
  'Sóc Trăng',
  'Sơn La',
  'Tây Ninh',
  'Thái Bình',
  'Thái Nguyên',
  'Thanh Hóa',
  'Thừa Thiên Huế',
  'Tiền Giang',
  'Trà Vinh',
  'Tuyên Quang',
  'Vĩnh Long',
  'Vĩnh Phúc',
  'Yên Bái',
];

/**
 * A place named in a text: `key` folded ("an giang"), `typed` as written ("An Giang"); `body`
 * when named as the seat of a local body ("Tỉnh ủy Vĩnh Long", "UBND tỉnh An Giang"): what that
 * body issued is the province's own, which no law or guide about no place states.
 */
export interface NamedPlace {
  key: string;
  typed: string;
  body?: true;
}

const folded = (name: string) => foldDiacritics(name).replace(/\s*-\s*/g, ' ');

/** Names that are also people's ("Chủ tịch Hồ Chí Minh", "ông Nguyễn Hòa Bình"): after a place word only. */
const ALSO_PEOPLE = new Set(['ho chi minh', 'hoa binh']);
/** One-word forms of a name: "TP.HCM", "TPHCM". */
const ALIASES = new Map([
  ['tp.hcm', 'ho chi minh'],
  ['tphcm', 'ho chi minh'],
  ['hcm', 'ho chi minh'],
]);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Every name and alias in folded text, longest first ("thua thien hue" before "hue"), its words
 * apart by spaces or a dash ("ba ria - vung tau").
 */
const NAME_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...PROVINCE_NAMES.map(folded), ...ALIASES.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => escape(n).replace(/ /g, '[\\s-]+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'gu',
);
/** A place word just before a name: "tỉnh An Giang", "TP. Đà Nẵng", "thanh pho da nang". */
const AFTER_PLACE_WORD = /(?:^|[^\p{L}\p{N}])(?:tinh|thanh pho|tp)\.?\s*$/u;
/**
 * A local body just before a name, folded: "Tỉnh ủy", "Thành ủy", "UBND (tỉnh|TP)", "HĐND
 * (tỉnh|thành phố)", "Ủy ban nhân dân tỉnh".
 */
const AFTER_BODY =
  /(?:^|[^\p{L}\p{N}])(?:tinh uy|thanh uy|(?:ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan)(?:\s+(?:tinh|thanh pho|tp)\.?)?)\s*$/u;

/**
 * The provinces named in `text`: a name written with its capitals ("An Giang", "Đà Nẵng"), or in
 * any form after "tỉnh", "thành phố" or "TP" ("tinh an giang"). Bare lowercase words are not a
 * name ("an giang" may be other words; "hòa bình" is peace).
 */
export function namedPlaces(text: string): NamedPlace[] {
  const original = text.normalize('NFC');
  const foldedText = foldDiacritics(original);
  // Folding keeps a Vietnamese text's length, so that a match's place is the same in both.
  if (foldedText.length !== original.length) return [];
  const found = new Map<string, NamedPlace>();
  for (const m of foldedText.matchAll(NAME_PATTERN)) {
    const typed = original.slice(m.index, m.index + m[0].length);
    const words = m[0].split(/[\s-]+/);
    const alias = ALIASES.get(m[0]);
    const key = alias ?? words.join(' ');
    if (!alias) {
      const afterPlaceWord = AFTER_PLACE_WORD.test(
        foldedText.slice(Math.max(0, m.index - 12), m.index),
      );
      const capitalised = typed.split(/[\s-]+/).every((w) => /^\p{Lu}/u.test(w));
      if (!afterPlaceWord && (!capitalised || ALSO_PEOPLE.has(key))) continue;
    }
    const body = AFTER_BODY.test(foldedText.slice(Math.max(0, m.index - 30), m.index));
    const place: NamedPlace = { key, typed: typed.replace(/\s*-\s*|\s+/g, ' ') };
    if (body) place.body = true;
    const seen = found.get(key);
    if (!seen) found.set(key, place);
    else if (body) seen.body = true;
  }
  return [...found.values()];
}

/**
 * `text` as its words folded and spaced (" tp can tho moi gom "), for {@link mentionsPlace}; worth
 * keeping for a text asked about often.
 */
export function placeText(text: string): string {
  const words = folded(text.normalize('NFC')).match(/[\p{L}\p{N}]+/gu) ?? [];
  return ` ${words.join(' ')} `;
}

/** Whether the text (as {@link placeText} gives it) mentions the place in any form. */
export function mentionsPlace(text: string, place: NamedPlace): boolean {
  return text.includes(` ${place.key} `);
}

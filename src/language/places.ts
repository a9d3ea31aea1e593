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

/** A place named in a text: `key` folded ("an giang"), `typed` as written ("An Giang"). */
export interface NamedPlace {
  key: string;
  typed: string;
}

/** Words that say a place's name follows: "tỉnh An Giang", "TP. Đà Nẵng", "thanh pho da nang". */
const PLACE_WORD = /^(?:tinh|thanh pho|tp\.?)$/;

const folded = (name: string) =>
  foldDiacritics(name)
    .toLowerCase()
    .replace(/\s*-\s*/g, ' ');
/** Folded names, longest first ("thua thien hue" before "hue"), each as its words. */
const NAMES = PROVINCE_NAMES.map((name) => ({
  key: folded(name),
  words: folded(name).split(' '),
})).sort((a, b) => b.words.length - a.words.length);

const WORD = /[\p{L}\p{N}.]+/gu;
/** Names that are also people's ("Chủ tịch Hồ Chí Minh", "ông Nguyễn Hòa Bình"): after a place word only. */
const ALSO_PEOPLE = new Set(['ho chi minh', 'hoa binh']);
/** One-word forms of a name: "TP.HCM", "TPHCM". */
const ALIASES = new Map([
  ['tp.hcm', 'ho chi minh'],
  ['tphcm', 'ho chi minh'],
  ['hcm', 'ho chi minh'],
]);

/**
 * The provinces named in `text`: a name written with its capitals ("An Giang", "Đà Nẵng"), or in
 * any form after "tỉnh", "thành phố" or "TP" ("tinh an giang"). Bare lowercase words are not a
 * name ("an giang" may be other words; "hòa bình" is peace).
 */
export function namedPlaces(text: string): NamedPlace[] {
  if (!/\p{Lu}|t[iỉ]nh|th[aà]nh ph|tp/iu.test(text)) return [];
  const tokens = [...text.normalize('NFC').matchAll(WORD)].map((m) => m[0].replace(/\.$/, ''));
  const keys = tokens.map((t) => folded(t));
  const found = new Map<string, NamedPlace>();
  for (let i = 0; i < tokens.length; i++) {
    const alias = ALIASES.get(keys[i]!);
    if (alias) {
      if (!found.has(alias)) found.set(alias, { key: alias, typed: tokens[i]! });
      continue;
    }
    for (const { key, words } of NAMES) {
      if (!words.every((w, j) => keys[i + j] === w)) continue;
      const typed = tokens.slice(i, i + words.length);
      const before = [keys[i - 2], keys[i - 1]].filter(Boolean).join(' ');
      const afterPlaceWord =
        PLACE_WORD.test(keys[i - 1] ?? '') || PLACE_WORD.test(before) || keys[i - 1] === 'tp.';
      const capitalised = typed.every((t) => /^\p{Lu}/u.test(t));
      if (afterPlaceWord || (capitalised && !ALSO_PEOPLE.has(key))) {
        if (!found.has(key)) found.set(key, { key, typed: typed.join(' ') });
        i += words.length - 1;
        break;
      }
    }
  }
  return [...found.values()];
}

/**
 * `text` as its words folded and spaced (" tp can tho moi gom "), for {@link mentionsPlace}; worth
 * keeping for a text asked about often.
 */
export function placeText(text: string): string {
  const keys = [...text.normalize('NFC').matchAll(WORD)].map((m) =>
    folded(m[0].replace(/\.$/, '')),
  );
  return ` ${keys.join(' ')} `;
}

/** Whether the text (as {@link placeText} gives it) mentions the place in any form. */
export function mentionsPlace(text: string, place: NamedPlace): boolean {
  return text.includes(` ${place.key} `);
}

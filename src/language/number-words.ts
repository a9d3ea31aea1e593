/** Numbers as words, with their marks ("năm", also "year", and "tư" are left to each reader). */
export const SPELLED_NUMBERS: readonly string[] = [
  'một',
  'hai',
  'ba',
  'bốn',
  'sáu',
  'bảy',
  'tám',
  'chín',
  'mười',
  'mươi',
];

/** Orders of magnitude, with their marks. */
export const MAGNITUDES: readonly string[] = [
  'chục',
  'trăm',
  'nghìn',
  'ngàn',
  'vạn',
  'triệu',
  'tỷ',
  'tỉ',
];

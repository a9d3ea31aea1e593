import { Lexicon } from '../../../src/language';

describe('Lexicon', () => {
  const lexicon = new Lexicon([
    'phụ cấp',
    'máy-in',
    // NFD input and the old tone placement ("hòa" for "hoà") are read as the canonical syllables.
    'hòa giải'.normalize('NFD'),
    'diệt',
    'Kĩ thuật',
    'ba chân bốn cẳng',
    'e-mail2',
    '',
  ]);

  it('keeps the entries of one and two syllables, and no others', () => {
    expect(lexicon.size).toBe(4);
    expect(lexicon.isSyllableWord('diệt')).toBe(true);
    expect(lexicon.isSyllableWord('bảm')).toBe(false);
    expect(lexicon.isWord('ba', 'chân', true)).toBe(false);
  });

  it.each([
    ['phụ', 'cấp', true, true],
    ['máy', 'in', true, true],
    ['hoà', 'giải', true, true],
    // Capitals and i/y spelling are folded as the analyzer folds them ("kỹ" → "kĩ").
    ['kĩ', 'thuật', true, true],
    // With marks, the marks must match: "phú cấp" is not a word.
    ['phú', 'cấp', true, false],
    // Typed without marks, the word is found by its folded form.
    ['phu', 'cap', false, true],
    ['cấp', 'phụ', true, false],
  ])('isWord(%p, %p, marked %p) is %p', (first, second, marked, expected) => {
    expect(lexicon.isWord(first, second, marked)).toBe(expected);
  });
});

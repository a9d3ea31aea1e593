import { VietnameseAnalyzer } from '../../../src/language';
import { TermDictionary } from '../../../src/knowledge/term-dictionary';

const analyzer = new VietnameseAnalyzer({
  abbreviations: [{ abbr: 'CĐS', full: 'chuyển đổi số' }],
  synonyms: [],
});

describe('TermDictionary.encodePhrases', () => {
  it.each([
    'Chữ ký số có giá trị pháp lý như chữ ký tay.',
    'CĐS, hoà hợp; thuý KÝ: quy-trình ISO 9001:2015 và R&D, a.b.c',
    'chu ky so chu ky so',
    '',
    '!!!',
  ])('gives the ids of exactly the terms the analyzer emits for %p', (text) => {
    const dictionary = new TermDictionary();
    // Twice: the second pass runs from the id shortcuts filled by the first.
    for (let i = 0; i < 2; i++) {
      const ids = dictionary.encodePhrases(analyzer.indexPhrases(text));
      expect(Array.from(ids, (id) => dictionary.terms[id])).toEqual(analyzer.terms(text));
    }
  });
});

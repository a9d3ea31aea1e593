import { VietnameseAnalyzer } from '../../../src/language';
import { definitionPhrases, defines, phraseText } from '../../../src/knowledge/definitions';

const analyzer = new VietnameseAnalyzer();
const says = (text: string, syllables: string[], anchor: 'start' | 'end' = 'end') =>
  defines(phraseText(analyzer, text), definitionPhrases({ syllables, anchor }));

describe('definitions', () => {
  it('finds the term at the start of a phrase, followed by "là"', () => {
    expect(says('Theo Luật này, chữ ký số là chữ ký điện tử …', ['chữ', 'kí', 'số'])).toBe(true);
    expect(says('1. Chuyển đổi số là quá trình …', ['chuyển', 'đổi', 'số'])).toBe(true);
    // Inside a phrase it is not a definition.
    expect(says('Mua, bán dữ liệu cá nhân là vi phạm.', ['dữ', 'liệu', 'cá', 'nhân'])).toBe(false);
  });

  it('tries the shorter ends of a term that carries the question words', () => {
    expect(says('Chữ ký số là …', ['cho', 'biết', 'chữ', 'kí', 'số'])).toBe(true);
    expect(says('Chữ ký số là …', ['chữ', 'kí', 'số', 'ấy'], 'start')).toBe(true);
  });

  it('matches folded when the term was typed without marks', () => {
    expect(says('Chữ ký số là …', ['chu', 'ki', 'so'])).toBe(true);
  });
});

import { looksLikeChoice, parseTypedAnswer, parseTypedNumber } from '../../../src/quiz';

describe('parseTypedAnswer (4 options)', () => {
  it.each([
    ['A', 0],
    ['a', 0],
    ['b', 1],
    ['C', 2],
    ['c.', 2],
    ['d)', 3],
    ['(b)', 1],
    ['  D  ', 3],
    ['1', 0],
    ['3', 2],
    ['4.', 3],
    ['Ｂ', 1],
    ['đáp án B', 1],
    ['Đáp án: c', 2],
    ['chọn 2', 1],
    ['dap an d', 3],
  ])('%p → %p', (text, index) => {
    expect(parseTypedAnswer(text, 4)).toBe(index);
  });

  it.each(['E', 'e', '0', '5', '99', '', '   ', 'ab', 'A B', '-1', '1.5', 'Câu 3', 'không biết'])(
    '%p → undefined',
    (text) => {
      expect(parseTypedAnswer(text, 4)).toBeUndefined();
    },
  );

  it('depends on the number of options', () => {
    expect(parseTypedAnswer('E', 5)).toBe(4);
    expect(parseTypedAnswer('c', 2)).toBeUndefined();
    expect(parseTypedAnswer('a', 0)).toBeUndefined();
  });
});

describe('looksLikeChoice', () => {
  it.each(['A', 'E', 'z', '0', '5', '99', 'đáp án 0', '(e)', 'c.'])('%p → true', (text) => {
    expect(looksLikeChoice(text)).toBe(true);
  });

  it.each(['', 'ab', 'A B', '-1', '1.5', '100', 'Câu 3', 'không biết'])('%p → false', (text) => {
    expect(looksLikeChoice(text)).toBe(false);
  });
});

describe('parseTypedNumber', () => {
  it.each([
    ['1234', 1234],
    ['0', 0],
    ['1.234', 1234],
    ['1 234', 1234],
    ['1,234', 1234],
    ['1.234.567', 1234567],
    ['1.500 người', 1500],
    [' 250 ', 250],
  ])('%p → %p', (text, value) => {
    expect(parseTypedNumber(text)).toBe(value);
  });

  it.each(['', 'abc', '-3', '1.5', '1,5', '12.34', '1.234,5', '12345678901234', 'khoảng 100'])(
    '%p → undefined',
    (text) => {
      expect(parseTypedNumber(text)).toBeUndefined();
    },
  );
});

import { classifyText, courtesyOf, normalizeText } from '../../../src/bot';

describe('normalizeText', () => {
  it('composes to NFC, drops control and format characters, collapses spaces', () => {
    const decomposed = 'Chu\u031b\u0303 ky\u0301 so\u0302\u0301';
    expect(normalizeText(decomposed)).toBe('Chữ ký số');
    expect(normalizeText('  Chữ\u0000ký\u200bsố \n\n là gì?\u0007 ')).toBe('Chữ ký số là gì?');
  });
});

describe('courtesyOf', () => {
  it.each([
    ['xin chào', 'greeting'],
    ['Xin chào!', 'greeting'],
    ['xin chao', 'greeting'],
    ['Chào bạn ạ', 'greeting'],
    ['Chào buổi sáng', 'greeting'],
    ['hi', 'greeting'],
    ['cảm ơn', 'thanks'],
    ['Cám ơn nhiều nhé!', 'thanks'],
    ['cam on 🙏', 'thanks'],
    ['ok cảm ơn ạ', 'thanks'],
    ['Thanks!', 'thanks'],
    // Anything more than a greeting or thanks is a question.
    ['xin chào, chữ ký số là gì?', undefined],
    ['cảm ơn, còn chữ ký số công cộng thì sao?', undefined],
    ['chào mừng ngày chuyển đổi số', undefined],
    ['ạ', undefined],
    ['a', undefined],
  ])('%j → %j', (text, expected) => {
    expect(courtesyOf(text)).toBe(expected);
  });
});

describe('classifyText', () => {
  it.each([
    [undefined, { kind: 'empty' }],
    ['', { kind: 'empty' }],
    ['  \n\t ', { kind: 'empty' }],
    ['😀🎉👍', { kind: 'unreadable' }],
    ['???!!! ...', { kind: 'unreadable' }],
    ['\u0000\u0001\u0002', { kind: 'unreadable' }],
    ['ab\u0000\u0001\u0002\u0003\u0004\ufffd\ufffd', { kind: 'unreadable' }],
    ['/help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['help!', { kind: 'help' }],
    ['  Trợ giúp ', { kind: 'help' }],
    ['HƯỚNG DẪN', { kind: 'help' }],
    ['ISO 9001', { kind: 'question', text: 'ISO 9001' }],
    ['2024', { kind: 'question', text: '2024' }],
    ['trợ giúp tôi với chữ ký số', { kind: 'question', text: 'trợ giúp tôi với chữ ký số' }],
  ])('%j → %j', (raw, expected) => {
    expect(classifyText(raw, 100)).toEqual(expected);
  });

  it('counts length in characters, not UTF-16 units, after normalisation', () => {
    expect(classifyText('ữ'.repeat(100), 100)).toEqual({ kind: 'question', text: 'ữ'.repeat(100) });
    expect(classifyText('ữ'.repeat(101), 100)).toEqual({ kind: 'too-long', chars: 101 });
    expect(classifyText('𝐀'.repeat(100), 100).kind).toBe('question');
  });
});

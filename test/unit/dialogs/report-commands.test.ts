import { parseReportCommand } from '../../../dialogs';

describe('parseReportCommand', () => {
  it.each([
    ['/baocao', { kind: 'summary', args: [] }],
    ['/BAOCAO CT-SNV', { kind: 'summary', args: ['CT-SNV'] }],
    ['/báo cáo đơn vị CT-SNV thi-2026', { kind: 'summary', args: ['CT-SNV', 'thi-2026'] }],
    ['  /thongke   ct-snv  ', { kind: 'summary', args: ['ct-snv'] }],
    ['/chuathi CT', { kind: 'not-taken', args: ['CT'] }],
    ['/ai chưa thi', { kind: 'not-taken', args: [] }],
    ['/xuatexcel CT thi-2026', { kind: 'export', args: ['CT', 'thi-2026'] }],
    ['/xuất excel', { kind: 'export', args: [] }],
    ['/xephang thi-2026', { kind: 'ranking', args: ['thi-2026'] }],
    ['Báo cáo đơn vị', { kind: 'summary', args: [] }],
    ['bao cao don vi!', { kind: 'summary', args: [] }],
    ['THỐNG KÊ', { kind: 'summary', args: [] }],
    ['ai chưa thi?', { kind: 'not-taken', args: [] }],
    ['xuat excel', { kind: 'export', args: [] }],
    ['Xếp hạng', { kind: 'ranking', args: [] }],
  ])('%p', (text, expected) => {
    expect(parseReportCommand(text)).toEqual(expected);
  });

  it('keeps the case of codes (they are case-sensitive)', () => {
    expect(parseReportCommand('/baocao Ct-Snv')?.args).toEqual(['Ct-Snv']);
  });

  it.each([
    ['/baocao a b c', 'too-many-args'],
    ['/xephang a b', 'too-many-args'],
    ['/baocao <b>', 'bad-arg'],
    ['/baocao a/b', 'bad-arg'],
    [`/baocao ${'x'.repeat(65)}`, 'bad-arg'],
  ])('%p has a problem: %s', (text, problem) => {
    expect(parseReportCommand(text)?.problem).toBe(problem);
  });

  it.each([
    'báo cáo đơn vị gồm những gì?',
    'thống kê số liệu chuyển đổi số năm 2024',
    '/thi',
    '/ketqua',
    '/baocaoxyz',
    'chưa thi',
    '',
  ])('%p is not a report command', (text) => {
    expect(parseReportCommand(text)).toBeUndefined();
  });
});

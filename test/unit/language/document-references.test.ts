import { documentNumberKey, documentNumbers, lawNames, citedParts } from '../../../src/language';

describe('lawNames', () => {
  it.each([
    [
      'Luật Cán bộ, công chức năm 2025 có hiệu lực từ ngày nào?',
      'Luật Cán bộ, công chức',
      'can bo cong chuc',
    ],
    [
      'Theo Luật Tổ chức chính quyền địa phương 2025, HĐND cấp xã có bao nhiêu đại biểu?',
      'Luật Tổ chức chính quyền địa phương',
      'to chuc chinh quyen dia phuong',
    ],
    // "vệ" folds to "ve" like "về", which ends a name: the marks decide.
    [
      'Luật Bảo vệ bí mật nhà nước quy định gì?',
      'Luật Bảo vệ bí mật nhà nước',
      'bao ve bi mat nha nuoc',
    ],
    ['Bộ luật Hình sự quy định tội tham ô thế nào?', 'Bộ luật Hình sự', 'hinh su'],
    ['Luật Hôn nhân và gia đình năm 2014', 'Luật Hôn nhân và gia đình', 'hon nhan va gia dinh'],
    ['Luật CĐS có hiệu lực khi nào?', 'Luật CĐS', 'cds'],
  ])('finds the law named in %p', (question, text, key) => {
    expect(lawNames(question)).toEqual([{ text, kind: 'name', key }]);
  });

  it('takes only a capitalised name: "luật sư" and "theo luật" name no law', () => {
    expect(lawNames('luật sư là gì, theo luật thì sao?')).toEqual([]);
    expect(lawNames('Luật')).toEqual([]);
  });
});

describe('documentNumbers', () => {
  it.each([
    ['Nghị định 100/2019/NĐ-CP phạt thế nào?', 'Nghị định 100/2019/NĐ-CP', '100/2019/nd'],
    ['NĐ 30/2020 quy định gì?', 'NĐ 30/2020', '30/2020/nd'],
    ['theo 13/2023/NĐ-CP thì sao', '13/2023/NĐ-CP', '13/2023/nd'],
    ['Quyết định 2629/QĐ-TTg đặt mục tiêu gì?', 'Quyết định 2629/QĐ-TTg', '2629/qd'],
    ['Thông tư số 01/2011/TT-BNV', 'Thông tư số 01/2011/TT-BNV', '01/2011/tt'],
    ['Thông tư 01/2011 còn hiệu lực không?', 'Thông tư 01/2011', '01/2011/tt'],
    ['Luật Lưu trữ số 01/2011/QH13', '01/2011/QH13', '01/2011/qh'],
    ['Nghị quyết 18-NQ/TW đặt mục tiêu gì?', '18-NQ/TW', '18/nq'],
  ])('finds the số hiệu in %p', (question, text, key) => {
    expect(documentNumbers(question)).toEqual([{ text, kind: 'number', key }]);
  });

  it.each([
    ['20/2023/QH15', '20/2023/qh'],
    ['68/2024/NĐ-CP', '68/2024/nd'],
    ['2629/QĐ-TTg', '2629/qd'],
    // The Party's numbering: number, kind, issuer.
    ['02-NQ/TU', '02/nq'],
    ['57-NQ/TW', '57/nq'],
  ])('keys the số hiệu %p by number, year and kind: %p', (number, key) => {
    expect(documentNumberKey(number)).toBe(key);
  });

  it('does not take a date or a month for a document', () => {
    expect(documentNumbers('Từ ngày 01/7/2026, tháng 7/2026 thì sao?')).toEqual([]);
    expect(documentNumbers('Họp ngày 18-10, phòng 2-NQ')).toEqual([]);
  });
});

describe('citedParts', () => {
  it.each([
    ['theo khoản 2 Điều 9 và điểm a khoản 1 Điều 23', ['Điều 9', 'Điều 23']],
    ['Các Điều 30 đến Điều 33 còn quy định', ['Điều 30', 'Điều 31', 'Điều 32', 'Điều 33']],
    ['(Điều 77–79)', ['Điều 77', 'Điều 78', 'Điều 79']],
    ['các Điều 14 và 15', ['Điều 14', 'Điều 15']],
    ['các Điều 6, 7 và Điều 9a', ['Điều 6', 'Điều 7', 'Điều 9a']],
    // A range too long to be one is its two ends.
    ['Điều 1 đến Điều 200', ['Điều 1', 'Điều 200']],
    // "điều kiện" is no article; a số hiệu after "và" is no article either.
    ['đủ điều kiện theo Điều 5 và 30/2020/NĐ-CP', ['Điều 5']],
    // Appendices, in a text or a section's label.
    ['theo Phụ lục I và Phụ lục III', ['Phụ lục I', 'Phụ lục III']],
    ['Phụ lục I, mục II.8b', ['Phụ lục I']],
    ['', []],
  ])('finds in %p the articles %p', (text, articles) => {
    expect(citedParts(text).sort()).toEqual([...articles].sort());
  });
});

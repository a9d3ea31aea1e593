import { mentionsPlace, namedPlaces, placeText } from '../../../src/language';

describe('namedPlaces', () => {
  it.each([
    ['Tỉnh An Giang xếp hạng DTI thứ mấy?', ['An Giang']],
    ['TP Đà Nẵng đặt mục tiêu gì?', ['Đà Nẵng']],
    ['Ở Đà Nẵng thì sao?', ['Đà Nẵng']],
    // Without marks or capitals, only after a place word.
    ['tinh an giang xep hang dti thu may', ['an giang']],
    ['TP.HCM có bao nhiêu xã?', ['TP.HCM']],
    ['em trai làm việc ở TP Hồ Chí Minh', ['Hồ Chí Minh']],
    ['Bà Rịa - Vũng Tàu và Thừa Thiên Huế', ['Bà Rịa Vũng Tàu', 'Thừa Thiên Huế']],
    [
      'TP Cần Thơ mới gồm Cần Thơ, Sóc Trăng và Hậu Giang cũ',
      ['Cần Thơ', 'Sóc Trăng', 'Hậu Giang'],
    ],
  ])('finds in %p the places %p', (text, typed) => {
    expect(namedPlaces(text).map((p) => p.typed)).toEqual(typed);
  });

  it.each([
    // Lowercase words that could be other words; names that are also people's.
    'an giang xep hang the nao',
    'Giữ gìn hòa bình và ổn định',
    'Văn bản do Phó Thủ tướng Nguyễn Hòa Bình ký',
    'Học tập và làm theo tư tưởng Hồ Chí Minh',
    'Chữ ký số có giá trị như chữ ký tay không?',
  ])('finds no place in %p', (text) => {
    expect(namedPlaces(text)).toEqual([]);
  });

  it.each([
    ['Nghị quyết của Tỉnh ủy Vĩnh Long về chuyển đổi số', true],
    ['Kế hoạch của UBND tỉnh An Giang', true],
    ['ke hoach cua ubnd tp can tho', true],
    ['Thành ủy Cần Thơ ban hành nghị quyết', true],
    // A place, not its body: "tỉnh An Giang xếp hạng", "ở Đà Nẵng".
    ['Tỉnh An Giang xếp hạng DTI thứ mấy?', false],
    ['UBND phường ở Đà Nẵng', false],
  ])('in %p, names the place as the seat of a local body: %p', (text, body) => {
    expect(namedPlaces(text)[0]?.body ?? false).toBe(body);
  });

  it('tells whether a text mentions a place in any form', () => {
    const [soc] = namedPlaces('tỉnh Sóc Trăng');
    expect(mentionsPlace(placeText('gồm Cần Thơ, Sóc Trăng và Hậu Giang cũ'), soc!)).toBe(true);
    expect(mentionsPlace(placeText('gom can tho, soc trang'), soc!)).toBe(true);
    expect(mentionsPlace(placeText('Sóc Trăng Xanh'), soc!)).toBe(true);
    expect(mentionsPlace(placeText('gồm Cần Thơ và Hậu Giang'), soc!)).toBe(false);
  });
});

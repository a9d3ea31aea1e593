import { splitSentences } from '../../../src/knowledge/section-analysis';

describe('splitSentences', () => {
  it('ends sentences at full stops and at "; " between clauses, before a capital', () => {
    expect(
      splitSentences('Luật gồm 4 chương, 44 điều; Nghị định có hiệu lực ngay. Còn gì nữa? Hết!'),
    ).toEqual(['Luật gồm 4 chương, 44 điều;', 'Nghị định có hiệu lực ngay.', 'Còn gì nữa?', 'Hết!']);
  });

  it('never ends one inside brackets', () => {
    expect(
      splitSentences(
        'Cấp độ 4 do bộ thẩm định (khi đó là Bộ A; Bộ B, Bộ C đối với hệ thống của mình); Thủ tướng phê duyệt danh mục.',
      ),
    ).toEqual([
      'Cấp độ 4 do bộ thẩm định (khi đó là Bộ A; Bộ B, Bộ C đối với hệ thống của mình);',
      'Thủ tướng phê duyệt danh mục.',
    ]);
  });

  it('keeps the items of a list a colon opens in its sentence, and ends it at its full stop', () => {
    expect(
      splitSentences(
        'Căn cứ: Nghị định 30/2020/NĐ-CP về văn thư; Quyết định 19/2014/QĐ-TTg; quyết định công bố. Sau đó; Không tách.',
      ),
    ).toEqual([
      'Căn cứ: Nghị định 30/2020/NĐ-CP về văn thư; Quyết định 19/2014/QĐ-TTg; quyết định công bố.',
      'Sau đó;',
      'Không tách.',
    ]);
    expect(splitSentences('Gồm bốn bước: (1) xây dựng; (2) áp dụng; (3) duy trì.')).toHaveLength(1);
  });

  it('takes each line and list item apart, without Markdown markers', () => {
    expect(splitSentences('- Mục **một**\n2. Mục `hai`\n\n# Tiêu đề')).toEqual(['Mục một', 'Mục hai']);
  });
});

describe('splitSentences on odd lines', () => {
  it('ignores a bracket left open, and a colon that opens no list', () => {
    expect(splitSentences('Mở ngoặc (xem phụ lục. Câu hai. Câu ba.')).toEqual([
      'Mở ngoặc (xem phụ lục.',
      'Câu hai.',
      'Câu ba.',
    ]);
    expect(splitSentences('Họp lúc 9:00; Sau đó nghỉ.')).toEqual(['Họp lúc 9:00;', 'Sau đó nghỉ.']);
  });
});

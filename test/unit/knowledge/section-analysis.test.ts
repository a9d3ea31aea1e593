import {
  restates,
  splitSentences,
  type AnalyzedSentence,
} from '../../../src/knowledge/section-analysis';

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

  it('never ends one after an abbreviation followed by its expansion', () => {
    expect(
      splitSentences(
        'Chữ viết tắt in hoa, đậm: TM. (thay mặt), Q. (quyền), KT. (ký thay), TUQ. (thừa ủy quyền). Không ghi học vị.',
      ),
    ).toEqual([
      'Chữ viết tắt in hoa, đậm: TM. (thay mặt), Q. (quyền), KT. (ký thay), TUQ. (thừa ủy quyền).',
      'Không ghi học vị.',
    ]);
    // A sentence ending with a capitalised word is still a sentence.
    expect(splitSentences('Cơ quan áp dụng ISO. Sau đó công bố.')).toHaveLength(2);
  });

  it('never ends one inside quotes, and ends it where a quote closes on a full stop', () => {
    expect(
      splitSentences(
        'Câu lệnh cần rõ. Ví dụ: "Bạn là chuyên viên. Hãy tóm tắt tài liệu." Nên chia nhỏ. Gõ “Xem. Thêm” rồi.',
      ),
    ).toEqual([
      'Câu lệnh cần rõ.',
      'Ví dụ: "Bạn là chuyên viên. Hãy tóm tắt tài liệu."',
      'Nên chia nhỏ.',
      'Gõ “Xem. Thêm” rồi.',
    ]);
    // An unpaired quote holds nothing together.
    expect(splitSentences('Mở "ngoặc kép. Câu hai.')).toEqual(['Mở "ngoặc kép.', 'Câu hai.']);
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

describe('restates', () => {
  const sentence = (text: string): AnalyzedSentence => ({ text, terms: new Set() });

  it('does not count the reference a guide adds to an article it restates', () => {
    const article = sentence(
      'Quyền hạn của người ký được thể hiện bằng các chữ viết tắt in hoa, đậm: TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh).',
    );
    const guide = sentence(
      'Quyền hạn của người ký được ghi bằng chữ viết tắt in hoa, đậm: TM. (thay mặt), KT. (ký thay), TL. (thừa lệnh) (Phụ lục I, mục II.7b Nghị định 30/2020/NĐ-CP).',
    );
    expect(restates(article, guide)).toBe(true);
  });

  it('counts a bracket that is no reference', () => {
    const a = sentence('Phạt tối đa 10 lần khoản thu (nếu không xác định được khoản thu thì 3 tỷ đồng).');
    const b = sentence('Phạt tối đa 10 lần khoản thu.');
    expect(restates(a, b)).toBe(false);
  });
});

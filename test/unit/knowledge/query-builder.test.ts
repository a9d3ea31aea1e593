import { VietnameseAnalyzer } from '../../../src/language';
import { QueryBuilder } from '../../../src/knowledge/query-builder';

const builder = new QueryBuilder(new VietnameseAnalyzer(), [
  { title: 'Luật Giao dịch điện tử', number: '20/2023/QH15' },
  { title: 'Nghị định quy định về chữ ký số chuyên dùng công vụ', number: '68/2024/NĐ-CP' },
]);

describe('QueryBuilder: articles named in the question', () => {
  it.each([
    ['Điều 22 Luật Giao dịch điện tử quy định gì?', ['Điều 22']],
    ['dieu 9 nghi dinh 68/2024 noi gi', ['Điều 9']],
    ['Theo khoản 3 Điều 2 và điểm a khoản 1 Điều 8, ai phải ký?', ['Điều 2', 'Điều 8']],
    ['ĐIỀU 23 nói gì về chữ ký số?', ['Điều 23']],
  ])('finds the article in %p', (question, labels) => {
    expect(builder.build(question).articles).toEqual(labels);
  });

  it.each(['Điều nào quy định về chữ ký số?', 'Điều kiện cấp chứng thư là gì?', 'chữ ký số 2024'])(
    'finds none in %p',
    (question) => {
      expect(builder.build(question).articles).toBeUndefined();
    },
  );

  it('keeps the reference out of the search terms but the rest of the question in', () => {
    const query = builder.build('Theo khoản 3 Điều 2 Luật Giao dịch điện tử, chữ ký số là gì?');
    const terms = query.terms.map((t) => t.term);
    expect(terms).not.toContain('2');
    expect(terms).not.toContain('khoản');
    expect(terms).toContain('chữ');
    expect(query.documents).toEqual(new Set([0]));
  });
});

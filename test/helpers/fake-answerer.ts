import type {
  AnswerResult,
  AskContext,
  Citation,
  QuestionAnswerer,
} from '../../src/knowledge/types';

export const LUAT_GDDT: Citation = {
  docId: 'luat-giao-dich-dien-tu-2023',
  number: '20/2023/QH15',
  title: 'Luật Giao dịch điện tử',
  section: 'Điều 23',
  status: 'in-force',
  url: 'https://example.gov.vn/luat-20-2023',
};

/**
 * A `QuestionAnswerer` with a tiny fixed "corpus": questions about "chữ ký số" are answered citing
 * 20/2023/QH15; a short "còn … thì sao?" follow-up is searched together with the previous query;
 * anything else is not found. Records every call.
 */
export class FakeAnswerer implements QuestionAnswerer {
  readonly calls: { question: string; context?: AskContext }[] = [];
  /** When set, `ask` rejects with it (turn-error tests). */
  failWith: Error | undefined;

  async ask(question: string, context?: AskContext): Promise<AnswerResult> {
    this.calls.push({ question, context });
    if (this.failWith) throw this.failWith;
    const followUp = /^còn\b.*thì sao\??$/iu.test(question.trim()) && context?.previousQuery;
    const query = followUp ? `${context?.previousQuery} ${question}` : question;
    const answered = /chữ ký số/iu.test(query);
    return {
      question,
      query,
      answered,
      sentences: answered
        ? [{ text: 'Chữ ký số có giá trị pháp lý như chữ ký tay.', citation: 1 }]
        : [],
      citations: answered ? [LUAT_GDDT] : [],
      suggestions: answered ? [] : ['chữ ký số', 'văn bản điện tử'],
      confidence: answered ? 0.9 : 0.1,
    };
  }
}

import {
  answerReply,
  EXAMPLE_QUESTIONS,
  feedbackPayloadSchema,
  helpReply,
  texts,
  welcomeReply,
} from '../../../dialogs';
import type { AnswerResult } from '../../../src/knowledge/types';

const result: AnswerResult = {
  question: 'q',
  query: 'q',
  answered: true,
  sentences: [{ text: 'Có.', citation: 1 }],
  citations: [
    {
      docId: 'd',
      number: '20/2023/QH15',
      title: 'Luật Giao dịch điện tử',
      section: 'Điều 23',
      status: 'in-force',
      url: 'https://example.gov.vn',
    },
  ],
  suggestions: [],
  confidence: 0.9,
};

describe('replies', () => {
  it('welcome and help offer 3-4 example questions as suggested actions', () => {
    for (const reply of [welcomeReply(), helpReply(2000)]) {
      const actions = reply.suggestedActions?.actions ?? [];
      expect(actions.length).toBeGreaterThanOrEqual(3);
      expect(actions.length).toBeLessThanOrEqual(4);
      expect(actions.map((a) => a.value)).toEqual(EXAMPLE_QUESTIONS);
    }
    expect(helpReply(2000).text).toContain('tối đa 2.000 ký tự');
  });

  it('attaches 👍/👎 buttons whose payload carries the answer id and passes validation', () => {
    const reply = answerReply(result, 'answer-42');
    const buttons = (reply.attachments?.[0]?.content as { buttons: { value: unknown }[] }).buttons;
    expect(buttons.map((b) => b.value)).toEqual([
      { type: 'feedback', answerId: 'answer-42', vote: 'up' },
      { type: 'feedback', answerId: 'answer-42', vote: 'down' },
    ]);
    for (const b of buttons) expect(feedbackPayloadSchema.safeParse(b.value).success).toBe(true);
  });

  it('offers topics, not feedback buttons, when nothing was found', () => {
    const reply = answerReply(
      { ...result, answered: false, sentences: [], citations: [], suggestions: ['chữ ký số'] },
      'a1',
    );
    expect(reply.attachments).toBeUndefined();
    expect(reply.suggestedActions?.actions.map((a) => a.value)).toEqual(['chữ ký số']);
  });

  it('keeps Vietnamese texts in NFC with no stray placeholders', () => {
    const all = JSON.stringify({
      ...texts,
      help: texts.help(2000),
      tooLong: texts.tooLong(2000, 3000),
    });
    expect(all).toBe(all.normalize('NFC'));
    expect(all).not.toMatch(/undefined|\$\{|TODO/);
  });
});

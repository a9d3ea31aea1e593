import fc from 'fast-check';
import { parseActivity, parseActivityWithSchema } from '../../../src/server/activity-schema';

const base = () => ({
  type: 'message',
  id: 'a1',
  channelId: 'webchat',
  conversation: { id: 'c1' },
  from: { id: 'u1', name: 'Cán bộ' },
  recipient: { id: 'bot', name: 'Trợ lý CĐS' },
  serviceUrl: 'https://smba.trafficmanager.net/apac/',
  text: 'Chữ ký số là gì?',
  timestamp: '2026-01-02T03:04:05.000Z',
});

describe('parseActivity', () => {
  it('accepts a plain activity, keeps its fields and turns the timestamp into a Date', () => {
    const parsed = parseActivity(base());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.activity).toMatchObject({ type: 'message', text: 'Chữ ký số là gì?' });
    expect(parsed.activity.timestamp).toEqual(new Date('2026-01-02T03:04:05.000Z'));
    expect((parsed.activity as unknown as { rawTimestamp: string }).rawTimestamp).toBe(
      '2026-01-02T03:04:05.000Z',
    );
  });

  it('trims ids with surrounding spaces, as before', () => {
    const parsed = parseActivity({ ...base(), channelId: ' webchat ', from: { id: ' u1 ' } });
    expect(parsed.ok && [parsed.activity.channelId, parsed.activity.from.id]).toEqual([
      'webchat',
      'u1',
    ]);
  });

  it.each([
    ['conversation.id', { conversation: { id: '   ' } }],
    ['serviceUrl', { serviceUrl: 'ftp://example.com' }],
    ['serviceUrl', { serviceUrl: undefined }],
    ['from', { from: [] }],
    ['attachments.0.contentType', { attachments: [{ contentType: 1 }] }],
    ['type', { type: 'x'.repeat(65) }],
  ])('names the bad field %s', (field, change) => {
    const parsed = parseActivity({ ...base(), ...change });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.message).toContain(field);
  });

  it('accepts expectReplies without a serviceUrl', () => {
    expect(
      parseActivity({ ...base(), serviceUrl: undefined, deliveryMode: 'expectReplies' }).ok,
    ).toBe(true);
  });

  // The fast path must agree with the schema on every input: same verdict, same activity.
  it('gives the same result as the schema alone on arbitrary activities', () => {
    const str = fc.oneof(
      fc.constantFrom('', ' ', 'x', ' x', 'message', 'expectReplies', 'http://h', 'https://a.b/c'),
      fc.string({ maxLength: 5 }),
      fc.string({ minLength: 60, maxLength: 70 }),
    );
    const maybe = <T>(arb: fc.Arbitrary<T>) =>
      fc.option(fc.oneof(arb, fc.constant(null), fc.integer() as fc.Arbitrary<unknown>), {
        nil: undefined,
      });
    const account = fc.oneof(
      fc.record({ id: str, name: maybe(str) }, { requiredKeys: ['id'] }),
      fc.constant([]),
      fc.constant(null),
    );
    const activity = fc.record(
      {
        type: maybe(str),
        id: maybe(str),
        channelId: maybe(str),
        conversation: fc.oneof(fc.record({ id: maybe(str) }), fc.constant(null)),
        from: account,
        recipient: maybe(account),
        serviceUrl: maybe(str),
        deliveryMode: maybe(fc.constantFrom('expectReplies', 'normal', '')),
        text: maybe(str),
        name: maybe(str),
        attachments: maybe(fc.array(fc.record({ contentType: maybe(str) }), { maxLength: 2 })),
        entities: maybe(fc.array(fc.record({ type: maybe(str) }), { maxLength: 2 })),
        membersAdded: maybe(fc.array(account, { maxLength: 2 })),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(activity, (a) => {
        const json = JSON.stringify(a);
        const fast = parseActivity(JSON.parse(json));
        const schemaOnly = parseActivityWithSchema(JSON.parse(json));
        expect(fast.ok).toBe(schemaOnly.ok);
        if (fast.ok && schemaOnly.ok) expect(fast.activity).toEqual(schemaOnly.activity);
        if (!fast.ok && !schemaOnly.ok) expect(fast.message).toBe(schemaOnly.message);
      }),
      { numRuns: 3000 },
    );
  });
});

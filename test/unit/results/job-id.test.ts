import { jobIdFor } from '../../../src/results/queue';

describe('jobIdFor', () => {
  it('uses the attempt id itself when BullMQ accepts it', () => {
    expect(jobIdFor('3f2b9c1e-8d7a-4c55-9a0e-0b6a1f2e3d4c')).toBe(
      '3f2b9c1e-8d7a-4c55-9a0e-0b6a1f2e3d4c',
    );
    expect(jobIdFor('attempt-000001')).toBe('attempt-000001');
  });

  it('encodes ids BullMQ refuses (integers, colons) and ids starting with ~, one-to-one', () => {
    const ids = ['42', 'a:b', '~42', '~~42', '%7E42', '12a', 'attempt-42'];
    const jobIds = ids.map(jobIdFor);
    expect(jobIds).toEqual(['~42', '~a%3Ab', '~~42', '~~~42', '%7E42', '12a', 'attempt-42']);
    expect(new Set(jobIds).size).toBe(ids.length);
    for (const id of jobIds) {
      expect(id).not.toContain(':');
      expect(`${parseInt(id, 10)}`).not.toBe(id);
    }
  });
});

import {
  checkContestStart,
  contestPhase,
  reviewAllowed,
  type ContestCandidate,
} from '../../../src/quiz';
import { makeContest, MINUTE, T0 } from './fixtures';

// Unit tree: CT (province) → STTTT (department) → PCDS (division); CT → UBX (commune).
const official: ContestCandidate = {
  userId: 'u-1',
  unitCode: 'PCDS',
  role: 'official',
  unitAncestors: ['STTTT', 'CT'],
};
const commune: ContestCandidate = {
  userId: 'u-2',
  unitCode: 'UBX',
  role: 'manager',
  unitAncestors: ['CT'],
};
const open = T0 + MINUTE;

describe('checkContestStart', () => {
  const contest = makeContest({ maxAttempts: 2 });

  it('lets a person of the directory start an open contest', () => {
    expect(checkContestStart({ contest, person: official, now: open, attemptsUsed: 0 })).toEqual({
      ok: true,
      attemptsLeft: 2,
    });
    expect(checkContestStart({ contest, person: official, now: open, attemptsUsed: 1 })).toEqual({
      ok: true,
      attemptsLeft: 1,
    });
  });

  it.each([
    ['not-in-directory', { person: undefined }],
    ['not-open-yet', { now: T0 - 1 }],
    ['closed', { now: contest.closesAt }],
    ['closed', { now: contest.closesAt + 1 }],
    ['no-attempts-left', { attemptsUsed: 2 }],
    ['no-attempts-left', { attemptsUsed: 5 }],
    ['not-in-directory', { person: undefined, now: T0 - 1, attemptsUsed: 9 }],
  ])('refuses %s (%#)', (reason, overrides) => {
    expect(
      checkContestStart({ contest, person: official, now: open, attemptsUsed: 0, ...overrides }),
    ).toEqual({ ok: false, reason });
  });

  it('opens exactly at opensAt', () => {
    expect(checkContestStart({ contest, person: official, now: T0, attemptsUsed: 0 }).ok).toBe(
      true,
    );
  });

  describe('audience', () => {
    const check = (units: string[], roles: ContestCandidate['role'][], person: ContestCandidate) =>
      checkContestStart({
        contest: makeContest({ audience: { units, roles } }),
        person,
        now: open,
        attemptsUsed: 0,
      });

    it('includes sub-units of a listed unit, at any depth', () => {
      expect(check(['STTTT'], [], official).ok).toBe(true);
      expect(check(['CT'], [], official).ok).toBe(true);
      expect(check(['PCDS'], [], official).ok).toBe(true);
      expect(check(['CT'], [], commune).ok).toBe(true);
    });

    it('excludes units outside the listed subtrees', () => {
      expect(check(['STTTT'], [], commune)).toEqual({ ok: false, reason: 'not-in-audience' });
      // A parent is not inside its child's subtree.
      expect(
        check(['PCDS'], [], { ...official, unitCode: 'STTTT', unitAncestors: ['CT'] }),
      ).toEqual({
        ok: false,
        reason: 'not-in-audience',
      });
    });

    it('restricts by role, and needs both unit and role when both are listed', () => {
      expect(check([], ['manager', 'admin'], official)).toEqual({
        ok: false,
        reason: 'not-in-audience',
      });
      expect(check([], ['manager'], commune).ok).toBe(true);
      expect(check(['STTTT'], ['manager'], commune).ok).toBe(false);
      expect(check(['CT'], ['official'], official).ok).toBe(true);
    });

    it('checks the window before the audience and the audience before attempts', () => {
      const contestFor = makeContest({ audience: { units: ['STTTT'], roles: [] } });
      expect(
        checkContestStart({ contest: contestFor, person: commune, now: T0 - 1, attemptsUsed: 0 }),
      ).toEqual({ ok: false, reason: 'not-open-yet' });
      expect(
        checkContestStart({ contest: contestFor, person: commune, now: open, attemptsUsed: 9 }),
      ).toEqual({ ok: false, reason: 'not-in-audience' });
    });
  });
});

describe('contestPhase', () => {
  it('is not-open-yet, open, then closed', () => {
    const contest = makeContest();
    expect(contestPhase(contest, T0 - 1)).toBe('not-open-yet');
    expect(contestPhase(contest, T0)).toBe('open');
    expect(contestPhase(contest, contest.closesAt - 1)).toBe('open');
    expect(contestPhase(contest, contest.closesAt)).toBe('closed');
  });
});

describe('reviewAllowed', () => {
  const before = T0 + MINUTE;
  it.each([
    ['after-submit', true, true],
    ['after-close', false, true],
    ['never', false, false],
  ] as const)('%s: %p before close, %p after', (review, whileOpen, afterClose) => {
    const contest = makeContest({ review });
    expect(reviewAllowed(contest, before)).toBe(whileOpen);
    expect(reviewAllowed(contest, contest.closesAt)).toBe(afterClose);
  });
});

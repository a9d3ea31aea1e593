import type { Person, UnitTree } from '../directory';
import type {
  ContestAudience,
  ContestReviewPolicy,
  ContestTiebreak,
  PersonRole,
} from './contest-schema';

/**
 * A contest as the engine uses it: the validated file with its instants converted to epoch
 * milliseconds. Produced by `loadContests`, or by `contestFromFile` in tests.
 */
export interface Contest {
  readonly id: string;
  readonly title: string;
  /** First instant the contest can be started (epoch ms, inclusive). */
  readonly opensAt: number;
  /** Instant the contest closes (epoch ms, exclusive); no attempt runs past it. */
  readonly closesAt: number;
  /** Topic id → number of questions drawn from it. */
  readonly questionsPerTopic: Readonly<Record<string, number>>;
  /** Sum of `questionsPerTopic`. */
  readonly questionCount: number;
  readonly timeLimitMinutes: number;
  /** Minimum score (of 100) to pass. */
  readonly passMark: number;
  readonly maxAttempts: number;
  readonly audience: Readonly<ContestAudience>;
  readonly review: ContestReviewPolicy;
  readonly tiebreak?: Readonly<ContestTiebreak>;
  /** `contests/<file>.yaml:<line>` of the definition, for messages. */
  readonly location: string;
}

/** What the engine needs to know about a person from the directory. */
export interface ContestCandidate {
  readonly userId: string;
  readonly unitCode: string;
  readonly role: PersonRole;
  /** Codes of every unit above the person's unit, up to the root (order irrelevant). */
  readonly unitAncestors: readonly string[];
}

/** A person of the directory as a candidate: his unit's ancestors from the tree (none if unknown). */
export function contestCandidate(
  person: Pick<Person, 'userId' | 'unitCode' | 'role'>,
  tree: Pick<UnitTree, 'has' | 'ancestors'>,
): ContestCandidate {
  return {
    userId: person.userId,
    unitCode: person.unitCode,
    role: person.role,
    unitAncestors: tree.has(person.unitCode)
      ? tree.ancestors(person.unitCode).map((u) => u.code)
      : [],
  };
}

export type ContestStartRejection =
  'not-in-directory' | 'not-open-yet' | 'closed' | 'not-in-audience' | 'no-attempts-left';

export type ContestStartCheck =
  | { readonly ok: true; readonly attemptsLeft: number }
  | { readonly ok: false; readonly reason: ContestStartRejection };

export interface ContestStartInput {
  readonly contest: Contest;
  /** The person from the directory; `undefined` when the user is not in it. */
  readonly person: ContestCandidate | undefined;
  /** Epoch ms. */
  readonly now: number;
  /** Attempts this person has already started on this contest, on any channel. */
  readonly attemptsUsed: number;
}

/** Where `now` falls relative to the contest's opening window `[opensAt, closesAt)`. */
export function contestPhase(contest: Contest, now: number): 'not-open-yet' | 'open' | 'closed' {
  if (now < contest.opensAt) return 'not-open-yet';
  return now < contest.closesAt ? 'open' : 'closed';
}

/**
 * Whether `person` belongs to `audience`: an empty `units` (or `roles`) list does not restrict;
 * otherwise the person's unit or one of its ancestors must be listed (a unit includes its
 * sub-units) and his role must be listed.
 */
export function isInAudience(audience: ContestAudience, person: ContestCandidate): boolean {
  const unitOk =
    audience.units.length === 0 ||
    audience.units.includes(person.unitCode) ||
    person.unitAncestors.some((u) => audience.units.includes(u));
  const roleOk = audience.roles.length === 0 || audience.roles.includes(person.role);
  return unitOk && roleOk;
}

/**
 * May this person start a (new) attempt at this contest now? Checks, in this order: the person is
 * in the directory, the contest is open (`opensAt ≤ now < closesAt`), the person is in the
 * audience, and fewer than `maxAttempts` attempts were used. The first failing check is the
 * reason. On success, `attemptsLeft` counts the attempt about to start.
 */
export function checkContestStart(input: ContestStartInput): ContestStartCheck {
  const { contest, person, now, attemptsUsed } = input;
  if (!person) return { ok: false, reason: 'not-in-directory' };
  const phase = contestPhase(contest, now);
  if (phase !== 'open') return { ok: false, reason: phase };
  if (!isInAudience(contest.audience, person)) return { ok: false, reason: 'not-in-audience' };
  const attemptsLeft = contest.maxAttempts - Math.max(0, attemptsUsed);
  if (attemptsLeft <= 0) return { ok: false, reason: 'no-attempts-left' };
  return { ok: true, attemptsLeft };
}

/**
 * May a submitted attempt of this contest be reviewed (right answers, explanations) at `now`?
 * `after-submit`: always; `after-close`: once `now ≥ closesAt`; `never`: no. Callers must not
 * show a review of an attempt that is still in progress.
 */
export function reviewAllowed(contest: Contest, now: number): boolean {
  switch (contest.review) {
    case 'after-submit':
      return true;
    case 'after-close':
      return now >= contest.closesAt;
    case 'never':
      return false;
  }
}

import type { Contest, ContestAudience } from '../quiz';

/*
 * Which contest a report is about when none is named, and which earlier contest it is compared
 * with. Pure functions of the loaded contests and the time.
 */

/**
 * The default contest of a report: the one opened most recently (`opensAt ≤ now`, open or
 * closed); ties: the later `closesAt`, then the smaller id. Undefined when none has opened.
 */
export function defaultContest(contests: readonly Contest[], now: number): Contest | undefined {
  let best: Contest | undefined;
  for (const c of contests) {
    if (c.opensAt > now) continue;
    if (
      !best ||
      c.opensAt > best.opensAt ||
      (c.opensAt === best.opensAt &&
        (c.closesAt > best.closesAt || (c.closesAt === best.closesAt && c.id < best.id)))
    ) {
      best = c;
    }
  }
  return best;
}

/**
 * Whether a contest is meant for anyone in a unit's subtree: its audience names no unit, or names
 * the unit, one above it (`ancestors`) or one below it (`codes`: the unit and its descendants).
 * Roles are not considered: a unit's report covers whoever of it may sit the contest.
 */
export function audienceReaches(
  audience: ContestAudience,
  codes: readonly string[],
  ancestors: readonly string[],
): boolean {
  return (
    audience.units.length === 0 ||
    audience.units.some((u) => codes.includes(u) || ancestors.includes(u))
  );
}

/** Whether two contests have the same audience: equal unit codes and equal roles, as sets. */
export function sameAudience(a: Contest, b: Contest): boolean {
  return sameSet(a.audience.units, b.audience.units) && sameSet(a.audience.roles, b.audience.roles);
}

/**
 * The contest a report compares with: among contests for the same audience that closed no later
 * than `contest` opened, the one that closed last (ties: the later `opensAt`, then the smaller id).
 */
export function previousContest(
  contests: readonly Contest[],
  contest: Contest,
): Contest | undefined {
  let best: Contest | undefined;
  for (const c of contests) {
    if (c.id === contest.id || c.closesAt > contest.opensAt || !sameAudience(c, contest)) continue;
    if (
      !best ||
      c.closesAt > best.closesAt ||
      (c.closesAt === best.closesAt &&
        (c.opensAt > best.opensAt || (c.opensAt === best.opensAt && c.id < best.id)))
    ) {
      best = c;
    }
  }
  return best;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const setA = new Set(a);
  const setB = new Set(b);
  return setA.size === setB.size && [...setA].every((x) => setB.has(x));
}

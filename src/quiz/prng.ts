import { InvalidInputError } from '../errors';

/** A source of numbers uniformly distributed in [0, 1), like `Math.random` but reproducible. */
export type Rng = () => number;

/** Largest valid seed: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffff_ffff;

/**
 * Throws `InvalidInputError` unless `seed` is an integer in `0..MAX_SEED`. Callers pick seeds
 * with a real random source outside the domain, e.g. `crypto.randomInt(MAX_SEED + 1)`, and store
 * them with the attempt so that its draw can be replayed.
 */
export function assertSeed(seed: number): void {
  if (!Number.isInteger(seed) || seed < 0 || seed > MAX_SEED) {
    throw new InvalidInputError(`seed must be an integer in 0..${MAX_SEED}, got ${seed}`);
  }
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state advanced by a Weyl sequence and
 * mixed with two multiply-xorshift rounds. Full period 2^32, passes gjrand/PractRand for far more
 * numbers than a quiz draw needs, and is bit-for-bit identical on every JavaScript engine because
 * it uses only `Math.imul` and 32-bit integer operators. It is NOT cryptographic: anyone who
 * knows a seed knows the draw, so seeds stay on the server.
 */
export function createRng(seed: number): Rng {
  assertSeed(seed);
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A uniform integer in `0..n-1` (`n` ≥ 1). */
export function randomIndex(rng: Rng, n: number): number {
  return Math.floor(rng() * n);
}

/** Shuffles `items` in place (Fisher–Yates) and returns it. */
export function shuffleInPlace<T>(items: T[], rng: Rng): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = randomIndex(rng, i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}

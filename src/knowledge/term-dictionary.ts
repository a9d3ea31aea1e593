/**
 * Maps terms to dense integer ids. Indexes store ids, not strings: each term string is hashed once
 * when a unit is encoded, and postings, counting and scoring work on integers.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];

  constructor(terms: readonly string[] = []) {
    for (const t of terms) this.id(t);
  }

  get size(): number {
    return this.terms.length;
  }

  /** The id of a term, adding it when new. */
  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The id of a known term, or undefined. */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  encode(terms: readonly string[]): Int32Array {
    const out = new Int32Array(terms.length);
    for (let i = 0; i < terms.length; i++) out[i] = this.id(terms[i]!);
    return out;
  }
}

/** Joins term-id arrays into one (the same array when there is only one). */
export function concatTerms(parts: readonly Int32Array[]): Int32Array {
  if (parts.length === 1) return parts[0]!;
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

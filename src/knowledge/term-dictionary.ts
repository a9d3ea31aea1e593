import { bigramTerm, foldedTerm } from '../language';

/**
 * Maps terms to dense integer ids. Indexes store ids, not strings: each term string is hashed once
 * when a unit is encoded, and postings, counting and scoring work on integers.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  readonly terms: string[] = [];
  /** Build-time shortcuts: syllable id → its folded term's id; (id, id) → their bigram's id. */
  private readonly foldedIds: number[] = [];
  private readonly bigramIds: (Map<number, number> | undefined)[] = [];

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

  /**
   * Ids of the terms `VietnameseAnalyzer.terms` emits for these phrases (from `indexPhrases`), in
   * the same order. A syllable's folded form and a pair's bigram are looked up by id, so the
   * term strings are built once per distinct term, not once per occurrence.
   */
  encodePhrases(phrases: readonly (readonly string[])[]): Int32Array {
    let n = 0;
    for (const p of phrases) if (p.length > 0) n += 4 * p.length - 2;
    const out = new Int32Array(n);
    let k = 0;
    for (const phrase of phrases) {
      let prev = -1;
      let prevFolded = -1;
      for (const syllable of phrase) {
        const id = this.id(syllable);
        let folded = this.foldedIds[id];
        if (folded === undefined) {
          folded = this.id(foldedTerm(syllable));
          this.foldedIds[id] = folded;
        }
        out[k++] = id;
        out[k++] = folded;
        if (prev >= 0) {
          out[k++] = this.bigram(prev, id);
          out[k++] = this.bigram(prevFolded, folded);
        }
        prev = id;
        prevFolded = folded;
      }
    }
    return out;
  }

  private bigram(first: number, second: number): number {
    let next = this.bigramIds[first];
    if (next === undefined) {
      next = new Map();
      this.bigramIds[first] = next;
    }
    let id = next.get(second);
    if (id === undefined) {
      id = this.id(bigramTerm(this.terms[first]!, this.terms[second]!));
      next.set(second, id);
    }
    return id;
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

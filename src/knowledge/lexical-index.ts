/**
 * In-memory BM25F index over analyzer terms: two fields (body, title) scored with BM25 each and
 * summed with field weights, plus an optional per-group prior (a section's document). Terms are
 * integer ids from a `TermDictionary`. Pure data structure: no I/O. Chosen over FTS5/MiniSearch
 * after the ALQAC comparison in bench/README.md.
 */
import type { NumericArray } from './index-codec';
import type { TermDictionary } from './term-dictionary';

export interface LexicalIndexParams {
  k1: number;
  b: number;
  /** Weight of the title field relative to the body. */
  titleWeight: number;
  /** Weight of syllable bigrams relative to single syllables. */
  bigramWeight: number;
}

export const DEFAULT_LEXICAL_PARAMS: LexicalIndexParams = {
  k1: 1.2,
  b: 0.75,
  titleWeight: 0.3,
  bigramWeight: 1,
};

/** One unit to index: term ids per field and the group (document) it belongs to. */
export interface IndexInput {
  body: Int32Array;
  title: Int32Array;
  group: number;
}

export interface WeightedTerm {
  term: string;
  weight: number;
}

export interface SearchHit {
  /** Position of the unit in the build input. */
  index: number;
  score: number;
}

export interface SearchOptions {
  limit: number;
  /** Only units of these groups are returned. */
  groups?: ReadonlySet<number>;
  /** Multiplies each unit's score by `1 + groupPriorWeight * prior[group]` (prior in 0..1). */
  groupPrior?: Float64Array;
  groupPriorWeight?: number;
}

/**
 * Postings in compressed sparse rows: term t's units are `units[offsets[t] .. offsets[t + 1])`,
 * in increasing order, with their term frequencies in `tfs` at the same positions.
 */
interface Field {
  offsets: Int32Array;
  units: Int32Array;
  tfs: Int32Array;
  lengths: Float64Array;
  avgLength: number;
}

/** Serialized form, for the content-hash cache (the dictionary is stored by the owner). */
export interface LexicalIndexParts {
  params: LexicalIndexParams;
  /** Group of each unit, then offsets, units, tfs and lengths of body, title and group fields. */
  arrays: NumericArray[];
}

/**
 * A query's terms looked up in a dictionary once, for several searches of the indexes that share
 * it (see `LexicalIndex.resolve`).
 */
export class ResolvedQuery {
  constructor(
    readonly dictionary: TermDictionary,
    readonly ids: readonly number[],
    readonly weights: readonly number[],
    readonly bigrams: readonly boolean[],
  ) {}
}

export class LexicalIndex {
  private constructor(
    readonly params: LexicalIndexParams,
    private readonly dictionary: TermDictionary,
    private readonly groupOf: Int32Array,
    private readonly body: Field,
    private readonly title: Field,
    /** The same statistics with every unit of a group merged: scores groups for the prior. */
    private readonly groupField: Field,
  ) {}

  get size(): number {
    return this.groupOf.length;
  }

  /** Terms (with repeats) over all bodies. */
  get totalBodyTerms(): number {
    let n = 0;
    for (const l of this.body.lengths) n += l;
    return n;
  }

  /** Number of distinct terms in the body field. */
  get vocabularySize(): number {
    let n = 0;
    const o = this.body.offsets;
    for (let t = 0; t + 1 < o.length; t++) if (o[t + 1]! > o[t]!) n++;
    return n;
  }

  /**
   * Builds an index. `groupStatistics: false` skips the merged per-group field (no prior).
   */
  static build(
    inputs: IndexInput[],
    dictionary: TermDictionary,
    params: LexicalIndexParams = DEFAULT_LEXICAL_PARAMS,
    options: { groupStatistics?: boolean } = {},
  ): LexicalIndex {
    const withGroups = options.groupStatistics !== false;
    const groupOf = Int32Array.from(inputs.map((i) => i.group));
    const groupCount = inputs.reduce((m, i) => Math.max(m, i.group + 1), 0);
    // Pairs never outnumber terms: sized once, the pair arrays are never copied to grow.
    let bodyTerms = 0;
    let titleTerms = 0;
    for (const input of inputs) {
      bodyTerms += input.body.length;
      titleTerms += input.title.length;
    }
    const body = new FieldBuilder(inputs.length, dictionary.size, bodyTerms);
    const title = new FieldBuilder(inputs.length, dictionary.size, titleTerms);
    const groups = new FieldBuilder(
      withGroups ? groupCount : 0,
      dictionary.size,
      withGroups ? bodyTerms : 0,
    );
    const groupTerms: Int32Array[][] = withGroups ? Array.from({ length: groupCount }, () => []) : [];
    for (let id = 0; id < inputs.length; id++) {
      const input = inputs[id]!;
      body.add(id, [input.body]);
      title.add(id, [input.title]);
      if (withGroups) groupTerms[input.group]!.push(input.body);
    }
    for (let g = 0; g < groupTerms.length; g++) groups.add(g, groupTerms[g]!);
    return new LexicalIndex(params, dictionary, groupOf, body.done(), title.done(), groups.done());
  }

  static fromParts(parts: LexicalIndexParts, dictionary: TermDictionary): LexicalIndex {
    const a = parts.arrays;
    if (a.length !== 13) throw new Error('malformed lexical index');
    const field = (i: number) => fieldFromArrays(a[i]!, a[i + 1]!, a[i + 2]!, a[i + 3]!);
    return new LexicalIndex(
      parts.params,
      dictionary,
      a[0] as Int32Array,
      field(1),
      field(5),
      field(9),
    );
  }

  toParts(): LexicalIndexParts {
    const arrays: NumericArray[] = [this.groupOf];
    for (const f of [this.body, this.title, this.groupField]) {
      arrays.push(f.offsets, f.units, f.tfs, f.lengths);
    }
    return { params: this.params, arrays };
  }

  /** Document frequency of a term in the body field (0 when unknown). */
  documentFrequency(term: string): number {
    const id = this.dictionary.find(term);
    return id === undefined ? 0 : documentFrequency(this.body, id);
  }

  /** The query's terms looked up once; pass the result to searches of indexes sharing the dictionary. */
  resolve(query: WeightedTerm[] | ResolvedQuery): ResolvedQuery {
    if (query instanceof ResolvedQuery && query.dictionary === this.dictionary) return query;
    const terms = query instanceof ResolvedQuery ? this.unresolve(query) : query;
    const ids: number[] = [];
    const weights: number[] = [];
    const bigrams: boolean[] = [];
    for (const { term, weight } of terms) {
      const id = this.dictionary.find(term);
      if (id === undefined) continue;
      ids.push(id);
      weights.push(weight);
      bigrams.push(term.includes('_'));
    }
    return new ResolvedQuery(this.dictionary, ids, weights, bigrams);
  }

  /**
   * BM25 score of every group for the query, scaled to 0..1 by the best group (0 for groups that
   * do not match), indexed by group.
   */
  scoreGroups(query: WeightedTerm[] | ResolvedQuery): Float64Array {
    const scores = new Float64Array(this.groupField.lengths.length);
    this.accumulate(this.groupField, this.resolve(query), 1, scores);
    let max = 0;
    for (const s of scores) max = Math.max(max, s);
    if (max <= 0) return scores.fill(0);
    for (let g = 0; g < scores.length; g++) if (scores[g]! > 0) scores[g] = scores[g]! / max;
    return scores;
  }

  /** The `limit` best units, best first (ties: lower position first). */
  search(query: WeightedTerm[] | ResolvedQuery, options: SearchOptions): SearchHit[] {
    return this.select(this.scoreUnits(query), options);
  }

  /** `search` with each of several options (other groups, say), the units scored once. */
  searchEach(query: WeightedTerm[] | ResolvedQuery, options: SearchOptions[]): SearchHit[][] {
    const scores = this.scoreUnits(query);
    return options.map((o) => this.select(scores, o));
  }

  private select(scores: Float64Array, options: SearchOptions): SearchHit[] {
    const prior = options.groupPrior;
    const priorWeight = options.groupPriorWeight ?? 0;
    const limit = options.limit;
    if (limit <= 0) return [];
    // Top-k by insertion into a short sorted list (typed arrays, no per-unit objects): most units
    // fall below the k-th score.
    const top = this.topK(limit);
    const topScores = top.scores;
    const topUnits = top.units;
    let size = 0;
    for (let i = 0; i < scores.length; i++) {
      let s = scores[i]!;
      if (s <= 0) continue;
      const group = this.groupOf[i]!;
      if (options.groups && !options.groups.has(group)) continue;
      if (prior && priorWeight > 0) s *= 1 + priorWeight * prior[group]!;
      // Units come in increasing order, so an equal score never goes before an earlier unit.
      if (size === limit && s <= topScores[limit - 1]!) continue;
      let lo = 0;
      let hi = size;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (topScores[mid]! >= s) lo = mid + 1;
        else hi = mid;
      }
      // Shift the worse ones down by one (the last falls off when the list is full).
      for (let k = size < limit ? size++ : limit - 1; k > lo; k--) {
        topScores[k] = topScores[k - 1]!;
        topUnits[k] = topUnits[k - 1]!;
      }
      topScores[lo] = s;
      topUnits[lo] = i;
    }
    const hits: SearchHit[] = [];
    for (let k = 0; k < size; k++) hits.push({ index: topUnits[k]!, score: topScores[k]! });
    return hits;
  }

  /** Best unit score per group, for the given groups only (no sorting, no per-hit objects). */
  maxScoreByGroup(
    query: WeightedTerm[] | ResolvedQuery,
    groups: Iterable<number>,
  ): Map<number, number> {
    const scores = this.scoreUnits(query);
    const wanted = new Uint8Array(this.groupCount);
    for (const g of groups) if (g >= 0 && g < wanted.length) wanted[g] = 1;
    const best = new Map<number, number>();
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      if (s <= 0) continue;
      const group = this.groupOf[i]!;
      if (wanted[group] !== 1) continue;
      if (s > (best.get(group) ?? 0)) best.set(group, s);
    }
    return best;
  }

  /** Number of groups (one past the highest group of any unit). */
  private get groupCount(): number {
    if (this.groups === undefined) {
      let n = 0;
      for (const g of this.groupOf) n = Math.max(n, g + 1);
      this.groups = n;
    }
    return this.groups;
  }

  private groups: number | undefined;
  /** Reused score buffer: searches are synchronous, and callers read it before the next one. */
  private scratch: Float64Array | undefined;
  /** Reused top-k list of `select`, for the same reason (each selection copies its hits out). */
  private top: { scores: Float64Array; units: Int32Array } | undefined;

  private topK(limit: number): { scores: Float64Array; units: Int32Array } {
    if (!this.top || this.top.scores.length < limit) {
      this.top = { scores: new Float64Array(limit), units: new Int32Array(limit) };
    }
    return this.top;
  }

  private scoreUnits(query: WeightedTerm[] | ResolvedQuery): Float64Array {
    const resolved = this.resolve(query);
    const scores = (this.scratch ??= new Float64Array(this.size));
    scores.fill(0);
    this.accumulate(this.body, resolved, 1, scores);
    if (this.params.titleWeight > 0) {
      this.accumulate(this.title, resolved, this.params.titleWeight, scores);
    }
    return scores;
  }

  private unresolve(query: ResolvedQuery): WeightedTerm[] {
    return query.ids.map((id, i) => ({ term: query.dictionary.terms[id]!, weight: query.weights[i]! }));
  }

  /** Each unit's length normalisation `k1 (1 - b + b len / avg)` of a field, computed once. */
  private norms(field: Field): Float64Array {
    let norms = this.normsOf.get(field);
    if (!norms) {
      const { k1, b } = this.params;
      const avg = field.avgLength || 1;
      norms = new Float64Array(field.lengths.length);
      for (let u = 0; u < norms.length; u++) norms[u] = k1 * (1 - b + (b * field.lengths[u]!) / avg);
      this.normsOf.set(field, norms);
    }
    return norms;
  }

  private readonly normsOf = new Map<Field, Float64Array>();

  private accumulate(field: Field, query: ResolvedQuery, fieldWeight: number, out: Float64Array) {
    const { k1, bigramWeight } = this.params;
    const n = field.lengths.length;
    const norms = this.norms(field);
    const k1plus1 = k1 + 1;
    const { offsets, units, tfs } = field;
    const { ids, weights, bigrams } = query;
    for (let q = 0; q < ids.length; q++) {
      const id = ids[q]!;
      const df = documentFrequency(field, id);
      if (df === 0) continue;
      const weight = weights[q]! * (bigrams[q] ? bigramWeight : 1);
      const w = fieldWeight * weight * idf(n, df);
      const end = offsets[id + 1]!;
      for (let j = offsets[id]!; j < end; j++) {
        const unit = units[j]!;
        const tf = tfs[j]!;
        out[unit]! += (w * (tf * k1plus1)) / (tf + norms[unit]!);
      }
    }
  }
}

function documentFrequency(field: Field, id: number): number {
  return id + 1 < field.offsets.length ? field.offsets[id + 1]! - field.offsets[id]! : 0;
}

function idf(n: number, df: number): number {
  return df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
}


/**
 * Builds a field in two passes: each unit's terms are counted in a dense array indexed by term id
 * (no hashing, no sorting) into (term, unit, tf) triples, then the triples are laid out per term
 * (counting sort), so each term's units come out in increasing order.
 */
class FieldBuilder {
  private readonly lengths: Float64Array;
  private readonly counts: Int32Array;
  private touched = new Int32Array(1024);
  private terms: Int32Array;
  private units: Int32Array;
  private tfs: Int32Array;
  private pairs = 0;

  /** `capacity`: expected number of (term, unit) pairs; the arrays grow past it if needed. */
  constructor(
    units: number,
    private readonly vocabulary: number,
    capacity = 1024,
  ) {
    this.lengths = new Float64Array(units);
    this.counts = new Int32Array(units > 0 ? vocabulary : 0);
    this.terms = new Int32Array(capacity);
    this.units = new Int32Array(capacity);
    this.tfs = new Int32Array(capacity);
  }

  /** Adds one unit whose terms are the concatenation of `parts`. */
  add(unit: number, parts: readonly Int32Array[]): void {
    let length = 0;
    for (const p of parts) length += p.length;
    this.lengths[unit] = length;
    if (length === 0) return;
    if (this.touched.length < length) this.touched = new Int32Array(Math.max(length, 2 * this.touched.length));
    const { counts, touched } = this;
    let distinct = 0;
    for (const p of parts) {
      for (let i = 0; i < p.length; i++) {
        const t = p[i]!;
        if (counts[t]!++ === 0) touched[distinct++] = t;
      }
    }
    this.reserve(distinct);
    for (let i = 0; i < distinct; i++) {
      const t = touched[i]!;
      this.terms[this.pairs] = t;
      this.units[this.pairs] = unit;
      this.tfs[this.pairs] = counts[t]!;
      this.pairs++;
      counts[t] = 0;
    }
  }

  done(): Field {
    const offsets = new Int32Array(this.vocabulary + 1);
    for (let i = 0; i < this.pairs; i++) offsets[this.terms[i]! + 1]!++;
    for (let t = 0; t < this.vocabulary; t++) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, this.vocabulary);
    const units = new Int32Array(this.pairs);
    const tfs = new Int32Array(this.pairs);
    for (let i = 0; i < this.pairs; i++) {
      const at = next[this.terms[i]!]!++;
      units[at] = this.units[i]!;
      tfs[at] = this.tfs[i]!;
    }
    return fieldFromArrays(offsets, units, tfs, this.lengths);
  }

  private reserve(extra: number): void {
    if (this.pairs + extra <= this.terms.length) return;
    const size = Math.max(this.terms.length * 2, this.pairs + extra, 1024);
    const grow = (a: Int32Array) => {
      const b = new Int32Array(size);
      b.set(a.subarray(0, this.pairs));
      return b;
    };
    this.terms = grow(this.terms);
    this.units = grow(this.units);
    this.tfs = grow(this.tfs);
  }
}

function fieldFromArrays(
  offsets: NumericArray,
  units: NumericArray,
  tfs: NumericArray,
  lengths: NumericArray,
): Field {
  if (
    !(offsets instanceof Int32Array) ||
    !(units instanceof Int32Array) ||
    !(tfs instanceof Int32Array) ||
    !(lengths instanceof Float64Array)
  ) {
    throw new Error('malformed lexical index field');
  }
  let total = 0;
  for (let i = 0; i < lengths.length; i++) total += lengths[i]!;
  const n = lengths.length;
  return { offsets, units, tfs, lengths, avgLength: n ? total / n : 0 };
}

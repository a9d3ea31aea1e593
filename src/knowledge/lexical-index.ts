/**
 * In-memory BM25F index over analyzer terms: two fields (body, title) scored with BM25 each and
 * summed with field weights, plus an optional per-group prior (a section's document). Pure data
 * structure: no I/O. Chosen over FTS5/MiniSearch after the ALQAC comparison in bench/README.md.
 */

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

/** One unit to index: its terms per field and the group (document) it belongs to. */
export interface IndexInput {
  body: string[];
  title: string[];
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
  /** Multiplies each unit's score by `1 + groupPriorWeight * prior(group)` (prior in 0..1). */
  groupPrior?: ReadonlyMap<number, number>;
  groupPriorWeight?: number;
}

interface Postings {
  ids: number[];
  tfs: number[];
}

interface Field {
  postings: Map<string, Postings>;
  lengths: Float64Array;
  avgLength: number;
}

/** Serialized form, for the content-hash cache. */
export interface LexicalIndexJson {
  params: LexicalIndexParams;
  groups: number[];
  fields: { name: string; lengths: number[]; postings: [string, number[], number[]][] }[];
  groupField: { lengths: number[]; postings: [string, number[], number[]][] };
}

export class LexicalIndex {
  private constructor(
    readonly params: LexicalIndexParams,
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
    return this.body.postings.size;
  }

  static build(inputs: IndexInput[], params: LexicalIndexParams = DEFAULT_LEXICAL_PARAMS): LexicalIndex {
    const groupOf = Int32Array.from(inputs.map((i) => i.group));
    const groupCount = inputs.reduce((m, i) => Math.max(m, i.group + 1), 0);
    const groupTerms: string[][] = Array.from({ length: groupCount }, () => []);
    for (const input of inputs) {
      const bucket = groupTerms[input.group]!;
      for (const t of input.body) bucket.push(t);
    }
    return new LexicalIndex(
      params,
      groupOf,
      buildField(inputs.map((i) => i.body)),
      buildField(inputs.map((i) => i.title)),
      buildField(groupTerms),
    );
  }

  static fromJSON(json: LexicalIndexJson): LexicalIndex {
    const [body, title] = json.fields.map(fieldFromJson);
    return new LexicalIndex(
      json.params,
      Int32Array.from(json.groups),
      body!,
      title!,
      fieldFromJson(json.groupField),
    );
  }

  toJSON(): LexicalIndexJson {
    return {
      params: this.params,
      groups: Array.from(this.groupOf),
      fields: [
        { name: 'body', ...fieldToJson(this.body) },
        { name: 'title', ...fieldToJson(this.title) },
      ],
      groupField: fieldToJson(this.groupField),
    };
  }

  /** Document frequency of a term in the body field (0 when unknown). */
  documentFrequency(term: string): number {
    return this.body.postings.get(term)?.ids.length ?? 0;
  }

  /** Inverse document frequency as used by the scorer. */
  idf(term: string): number {
    return idf(this.size, this.documentFrequency(term));
  }

  /** BM25 score of every group for the query, scaled to 0..1 by the best group. */
  scoreGroups(query: WeightedTerm[]): Map<number, number> {
    const scores = new Float64Array(this.groupField.lengths.length);
    this.accumulate(this.groupField, query, 1, scores);
    let max = 0;
    for (const s of scores) max = Math.max(max, s);
    const out = new Map<number, number>();
    if (max <= 0) return out;
    scores.forEach((s, g) => {
      if (s > 0) out.set(g, s / max);
    });
    return out;
  }

  search(query: WeightedTerm[], options: SearchOptions): SearchHit[] {
    const scores = new Float64Array(this.size);
    this.accumulate(this.body, query, 1, scores);
    if (this.params.titleWeight > 0) this.accumulate(this.title, query, this.params.titleWeight, scores);
    const prior = options.groupPrior;
    const priorWeight = options.groupPriorWeight ?? 0;
    const hits: SearchHit[] = [];
    for (let i = 0; i < scores.length; i++) {
      let s = scores[i]!;
      if (s <= 0) continue;
      const group = this.groupOf[i]!;
      if (options.groups && !options.groups.has(group)) continue;
      if (prior && priorWeight > 0) s *= 1 + priorWeight * (prior.get(group) ?? 0);
      hits.push({ index: i, score: s });
    }
    hits.sort((a, b) => b.score - a.score || a.index - b.index);
    return hits.slice(0, options.limit);
  }

  /** Best unit score per group, for the given groups only (no sorting, no per-hit objects). */
  maxScoreByGroup(query: WeightedTerm[], groups: ReadonlySet<number>): Map<number, number> {
    const scores = new Float64Array(this.size);
    this.accumulate(this.body, query, 1, scores);
    if (this.params.titleWeight > 0) this.accumulate(this.title, query, this.params.titleWeight, scores);
    const best = new Map<number, number>();
    for (let i = 0; i < scores.length; i++) {
      const s = scores[i]!;
      if (s <= 0) continue;
      const group = this.groupOf[i]!;
      if (!groups.has(group)) continue;
      if (s > (best.get(group) ?? 0)) best.set(group, s);
    }
    return best;
  }

  private accumulate(field: Field, query: WeightedTerm[], fieldWeight: number, out: Float64Array) {
    const { k1, b, bigramWeight } = this.params;
    const n = field.lengths.length;
    const avg = field.avgLength || 1;
    for (const { term, weight } of query) {
      const postings = field.postings.get(term);
      if (!postings) continue;
      const w =
        fieldWeight * weight * (term.includes('_') ? bigramWeight : 1) * idf(n, postings.ids.length);
      const { ids, tfs } = postings;
      for (let j = 0; j < ids.length; j++) {
        const id = ids[j]!;
        const tf = tfs[j]!;
        const norm = k1 * (1 - b + (b * field.lengths[id]!) / avg);
        out[id]! += (w * (tf * (k1 + 1))) / (tf + norm);
      }
    }
  }
}

function idf(n: number, df: number): number {
  return df === 0 ? 0 : Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

function buildField(units: string[][]): Field {
  const postings = new Map<string, Postings>();
  const lengths = new Float64Array(units.length);
  let total = 0;
  units.forEach((terms, id) => {
    lengths[id] = terms.length;
    total += terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, f] of tf) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = { ids: [], tfs: [] }));
      p.ids.push(id);
      p.tfs.push(f);
    }
  });
  return { postings, lengths, avgLength: units.length ? total / units.length : 0 };
}

function fieldToJson(field: Field): Omit<LexicalIndexJson['groupField'], never> {
  return {
    lengths: Array.from(field.lengths),
    postings: [...field.postings].map(([t, p]) => [t, p.ids, p.tfs]),
  };
}

function fieldFromJson(json: LexicalIndexJson['groupField']): Field {
  const lengths = Float64Array.from(json.lengths);
  const total = json.lengths.reduce((a, b) => a + b, 0);
  return {
    postings: new Map(json.postings.map(([t, ids, tfs]) => [t, { ids, tfs }])),
    lengths,
    avgLength: lengths.length ? total / lengths.length : 0,
  };
}

/** Brute-force cosine search over unit-normalised vectors: fine for the embedded corpus sizes. */
export class DenseIndex {
  private readonly vectors: Float32Array[];

  constructor(vectors: Float32Array[]) {
    this.vectors = vectors.map(normalize);
  }

  get size(): number {
    return this.vectors.length;
  }

  search(query: Float32Array, limit: number, accept?: (index: number) => boolean) {
    const q = normalize(query);
    const hits: { index: number; score: number }[] = [];
    this.vectors.forEach((v, index) => {
      if (accept && !accept(index)) return;
      if (v.length !== q.length) return;
      let dot = 0;
      for (let i = 0; i < v.length; i++) dot += v[i]! * q[i]!;
      hits.push({ index, score: dot });
    });
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit);
  }
}

function normalize(v: Float32Array): Float32Array {
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

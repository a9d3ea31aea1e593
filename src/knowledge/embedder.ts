/**
 * Port: turns texts into dense vectors. Adapters: `OpenAiEmbedder` (OpenAI or any server speaking
 * its `/v1/embeddings` protocol). Implementations throw `UpstreamError` on failure or timeout;
 * callers fall back to lexical retrieval.
 */
export interface Embedder {
  /** Identifies the vector space; cached vectors are keyed by it. */
  readonly model: string;
  /** One vector per input text, in input order. */
  embed(texts: string[]): Promise<Float32Array[]>;
}

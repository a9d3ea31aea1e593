import type OpenAI from 'openai';
import { UpstreamError } from '../errors';
import type { Embedder } from './embedder';

export interface OpenAiEmbedderOptions {
  apiKey: string;
  /** An OpenAI-compatible server, e.g. `http://127.0.0.1:8080/v1`; default is OpenAI. */
  baseUrl?: string;
  model: string;
  timeoutMs: number;
  /** Test seam: an already built client. */
  client?: OpenAI;
}

/** `Embedder` over the OpenAI embeddings API (`POST {baseUrl}/embeddings`). */
export class OpenAiEmbedder implements Embedder {
  readonly model: string;
  private readonly client: OpenAI;

  constructor(options: OpenAiEmbedderOptions) {
    this.model = options.model;
    this.client = options.client ?? createClient(options);
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    let response: OpenAI.Embeddings.CreateEmbeddingResponse;
    try {
      // Floats, asked for by name: the SDK otherwise asks for base64 and decodes it, and an
      // OpenAI-compatible server that ignores `encoding_format` would yield empty vectors.
      response = await this.client.embeddings.create({
        model: this.model,
        input: texts,
        encoding_format: 'float',
      });
    } catch (error) {
      const status = (error as { status?: number }).status;
      throw new UpstreamError(`embedding request failed: ${(error as Error).message}`, status, {
        cause: error,
      });
    }
    const out: Float32Array[] = new Array(texts.length);
    for (const item of response.data ?? []) {
      const vector = item?.embedding as unknown;
      if (
        !Array.isArray(vector) ||
        vector.length === 0 ||
        !vector.every((x) => typeof x === 'number' && Number.isFinite(x)) ||
        !Number.isInteger(item.index) ||
        item.index < 0 ||
        item.index >= texts.length
      ) {
        throw new UpstreamError('embedding response is malformed');
      }
      out[item.index] = Float32Array.from(vector as number[]);
    }
    for (let i = 0; i < texts.length; i++) {
      if (!out[i]) throw new UpstreamError(`embedding response lacks item ${i}`);
      if (out[i]!.length !== out[0]!.length) {
        throw new UpstreamError('embedding response mixes vector sizes');
      }
    }
    return out;
  }
}

/**
 * The OpenAI SDK (~150 modules, about 1 MB of heap) is loaded when an embedder is first built:
 * without `EMBEDDING_MODEL` none is, though `knowledge/index.ts` exports this class. A plain
 * `require`, not `import()`: under tsx's CommonJS hook `import()` goes through Node's ESM loader.
 */
function createClient(options: OpenAiEmbedderOptions): OpenAI {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('openai') as typeof import('openai');
  return new sdk.OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseUrl,
    timeout: options.timeoutMs,
    maxRetries: 1,
  });
}

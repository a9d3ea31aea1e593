import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpstreamError } from '../../../src/errors';
import { OpenAiEmbedder } from '../../../src/knowledge';

interface EmbeddingsRequest {
  model: string;
  input: string[];
  encoding_format?: 'float' | 'base64';
}

/** A local server speaking the OpenAI embeddings API (`POST /v1/embeddings`). */
async function embeddingsServer(
  respond: (body: EmbeddingsRequest) => { status: number; json: unknown },
): Promise<{ baseUrl: string; requests: { auth?: string; model: string }[]; close(): void }> {
  const requests: { auth?: string; model: string }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const body = JSON.parse(raw) as EmbeddingsRequest;
      requests.push({ auth: req.headers.authorization, model: body.model });
      const { status, json } =
        req.method === 'POST' && req.url === '/v1/embeddings'
          ? respond(body)
          : { status: 404, json: { error: { message: 'not found' } } };
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1`, requests, close: () => server.close() };
}

/** The embedder under test, pointed at `baseUrl`. */
const embedderAt = (baseUrl: string, model: string) =>
  new OpenAiEmbedder({ apiKey: 'sk-test', baseUrl, model, timeoutMs: 5000 });

/** A 200 embeddings response: one item per vector, indexed in order. */
const vectorsReply = (model: string, embeddings: unknown[]) => ({
  status: 200,
  json: {
    object: 'list',
    model,
    data: embeddings.map((embedding, index) => ({ object: 'embedding', index, embedding })),
    usage: { prompt_tokens: 1, total_tokens: 1 },
  },
});

describe('OpenAiEmbedder against an OpenAI-compatible server', () => {
  it('sends the model and key, and returns one vector per text in input order', async () => {
    const server = await embeddingsServer(({ model, input }) => {
      const reply = vectorsReply(
        model,
        input.map((_, i) => [i, i + 0.5]),
      );
      // Out of order on purpose: the vectors are placed by `index`.
      reply.json.data.reverse();
      return reply;
    });
    try {
      const embedder = embedderAt(server.baseUrl, 'test-embedding');
      const vectors = await embedder.embed(['chữ ký số', 'văn bản điện tử']);
      expect(vectors.map((v) => Array.from(v))).toEqual([
        [0, 0.5],
        [1, 1.5],
      ]);
      expect(server.requests).toEqual([{ auth: 'Bearer sk-test', model: 'test-embedding' }]);
    } finally {
      server.close();
    }
  });

  it('turns an HTTP failure into an UpstreamError carrying the status', async () => {
    const server = await embeddingsServer(() => ({
      status: 400,
      json: { error: { message: 'bad model', type: 'invalid_request_error' } },
    }));
    try {
      const embedder = embedderAt(server.baseUrl, 'no-such-model');
      const failure = embedder.embed(['x']);
      await expect(failure).rejects.toBeInstanceOf(UpstreamError);
      await expect(failure).rejects.toMatchObject({ status: 400 });
    } finally {
      server.close();
    }
  });

  it('asks for floats, so a server that ignores encoding_format still gives the vectors', async () => {
    const formats: (string | undefined)[] = [];
    const server = await embeddingsServer(({ model, input, encoding_format }) => {
      formats.push(encoding_format);
      return vectorsReply(
        model,
        input.map((_, i) => [i, i + 2]),
      );
    });
    try {
      const embedder = embedderAt(server.baseUrl, 'test-embedding');
      const vectors = await embedder.embed(['a', 'b']);
      expect(vectors.map((v) => Array.from(v))).toEqual([
        [0, 2],
        [1, 3],
      ]);
      expect(formats).toEqual(['float']);
    } finally {
      server.close();
    }
  });

  it.each([
    ['an empty vector', [[], [1, 2]]],
    ['a vector with a non-number', [[1, 'x'], [1, 2]]],
    ['vectors of different sizes', [[1, 2, 3], [1, 2]]],
  ])('refuses a response with %s', async (_name, embeddings) => {
    const server = await embeddingsServer(({ model }) => vectorsReply(model, embeddings));
    try {
      const embedder = embedderAt(server.baseUrl, 'test-embedding');
      await expect(embedder.embed(['a', 'b'])).rejects.toBeInstanceOf(UpstreamError);
    } finally {
      server.close();
    }
  });
});

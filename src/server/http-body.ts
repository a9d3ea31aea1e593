import type { IncomingMessage } from 'node:http';

/** Why a request body was refused, as an HTTP status and a JSON error code. */
export interface BodyRejection {
  ok: false;
  status: 400 | 413 | 415;
  error: string;
  message: string;
}

export type BodyResult = { ok: true; value: unknown } | BodyRejection;

/** After refusing an oversized body, read and discard at most this many times the limit. */
const DRAIN_FACTOR = 16;

function contentTypeProblem(header: string | undefined): string | undefined {
  if (!header) return 'Content-Type must be application/json';
  const [mediaType, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (mediaType !== 'application/json') return 'Content-Type must be application/json';
  const charset = params.find((p) => p.startsWith('charset='))?.slice('charset='.length);
  if (charset && charset.replace(/"/g, '') !== 'utf-8' && charset.replace(/"/g, '') !== 'utf8') {
    return 'application/json must be encoded as UTF-8';
  }
  return undefined;
}

/** Discards the rest of a refused body so the client reads our answer, within a bound. */
function drain(req: IncomingMessage, limitBytes: number): void {
  let discarded = 0;
  req.on('data', (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limitBytes * DRAIN_FACTOR) req.destroy();
  });
  req.resume();
}

/**
 * Reads a JSON request body: checks the Content-Type (415), the size against `limitBytes` (413,
 * from Content-Length before reading, or while reading) and the syntax (400); a body cut short by
 * the client is a 400 `aborted`. Never rejects.
 */
export function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<BodyResult> {
  const typeProblem = contentTypeProblem(req.headers['content-type']);
  if (typeProblem) {
    drain(req, limitBytes);
    return Promise.resolve({
      ok: false,
      status: 415,
      error: 'unsupported_media_type',
      message: typeProblem,
    });
  }
  const tooLarge: BodyRejection = {
    ok: false,
    status: 413,
    error: 'payload_too_large',
    message: `Request body is larger than ${limitBytes} bytes`,
  };
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    drain(req, limitBytes);
    return Promise.resolve(tooLarge);
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limitBytes) {
        req.off('data', onData);
        req.off('end', onEnd);
        drain(req, limitBytes);
        resolve(tooLarge);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      const text = Buffer.concat(chunks).toString('utf8');
      try {
        resolve({ ok: true, value: JSON.parse(text) as unknown });
      } catch {
        resolve({
          ok: false,
          status: 400,
          error: 'malformed_json',
          message: 'Request body is not valid JSON',
        });
      }
    };
    // A client that hangs up mid-body gets no answer, but the handler must still finish (and it
    // is not a server error).
    const onAbort = () => {
      if (!req.complete) {
        resolve({ ok: false, status: 400, error: 'aborted', message: 'Request body incomplete' });
      }
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onAbort);
    req.once('close', onAbort);
  });
}

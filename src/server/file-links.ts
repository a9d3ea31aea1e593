import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Content types a download link may carry; anything else is refused when signing and checking. */
export const LINK_CONTENT_TYPES = {
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export type LinkContentType = (typeof LINK_CONTENT_TYPES)[keyof typeof LINK_CONTENT_TYPES];

/** Name of an exported file on disk: expiry (epoch ms), 128 random bits, extension. */
export const FILE_ID = /^\d{13}-[0-9a-f]{32}\.(?:png|xlsx)$/;

/** What a download token binds. Every field is covered by the signature. */
export interface FileLinkClaims {
  /** The file's name under the exports folder (see {@link FILE_ID}). */
  readonly fileId: string;
  readonly contentType: LinkContentType;
  /** The name the browser saves the file under (any Unicode; sent RFC 6266-encoded). */
  readonly downloadName: string;
  /** Epoch ms after which the link is refused. */
  readonly expiresAt: number;
  /** The channel user the link was issued to, for the audit log. */
  readonly userId: string;
  /** The report the file belongs to, for the audit log. */
  readonly unitCode?: string;
  readonly contestId?: string;
}

/** Why a token was refused; every reason is answered 403. */
export type FileLinkRejection = 'malformed' | 'bad-signature' | 'expired';

export type FileLinkCheck =
  | { readonly ok: true; readonly claims: FileLinkClaims }
  /** `claims` only when the signature was good (an expired link: the audit log names its user). */
  | { readonly ok: false; readonly reason: FileLinkRejection; readonly claims?: FileLinkClaims };

const VERSION = 'v1';
/** Far longer than any token we sign; longer input is refused before any work. */
const MAX_TOKEN_CHARS = 2048;
const TOKEN = /^v1\.([A-Za-z0-9_-]{1,1900})\.([A-Za-z0-9_-]{43})$/;
const MIN_SECRET_BYTES = 32;

const claimsSchema = z
  .object({
    f: z.string().regex(FILE_ID),
    t: z.enum([LINK_CONTENT_TYPES.png, LINK_CONTENT_TYPES.xlsx]),
    n: z.string().min(1).max(200),
    e: z.number().int().positive(),
    u: z.string().min(1).max(200),
    c: z.string().max(200).optional(),
    k: z.string().max(200).optional(),
  })
  .strict();

/**
 * Signs and checks download tokens: `v1.<claims, base64url JSON>.<HMAC-SHA256, base64url>`. A token
 * is good only when the signature over `v1.<claims>` matches (compared in constant time), the
 * claims parse, and `now() < expiresAt`; a token reused after expiry is refused like any other
 * expired one. The claims are readable by whoever holds the link (they name only the file and the
 * person it was issued to) but cannot be changed without the secret.
 */
export class FileLinkSigner {
  private readonly secret: Buffer;

  /** Throws `RangeError` for a secret shorter than 32 bytes. */
  constructor(secret: string | Buffer) {
    this.secret = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
    if (this.secret.length < MIN_SECRET_BYTES) {
      throw new RangeError(`file link secret must be at least ${MIN_SECRET_BYTES} bytes`);
    }
  }

  /** A fresh random secret (for a process without `FILE_LINK_SECRET`). */
  static randomSecret(): Buffer {
    return randomBytes(32);
  }

  /** Throws `RangeError` when a claim is out of its bounds (the same bounds `verify` applies). */
  sign(claims: FileLinkClaims): string {
    const wire = {
      f: claims.fileId,
      t: claims.contentType,
      n: claims.downloadName,
      e: claims.expiresAt,
      u: claims.userId,
      ...(claims.unitCode === undefined ? {} : { c: claims.unitCode }),
      ...(claims.contestId === undefined ? {} : { k: claims.contestId }),
    };
    if (!claimsSchema.safeParse(wire).success) throw new RangeError('invalid file link claims');
    const body = Buffer.from(JSON.stringify(wire), 'utf8').toString('base64url');
    const token = `${VERSION}.${body}.${this.mac(`${VERSION}.${body}`).toString('base64url')}`;
    if (token.length > MAX_TOKEN_CHARS) throw new RangeError('file link claims too long');
    return token;
  }

  /** Checks `token` at instant `now` (epoch ms). Never throws. */
  verify(token: string, now: number): FileLinkCheck {
    if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) {
      return { ok: false, reason: 'malformed' };
    }
    const match = TOKEN.exec(token);
    if (!match) return { ok: false, reason: 'malformed' };
    const [, body, signature] = match as unknown as [string, string, string];
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(`${VERSION}.${body}`);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return { ok: false, reason: 'bad-signature' };
    }
    let wire: unknown;
    try {
      wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = claimsSchema.safeParse(wire);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    const w = parsed.data;
    const claims: FileLinkClaims = {
      fileId: w.f,
      contentType: w.t,
      downloadName: w.n,
      expiresAt: w.e,
      userId: w.u,
      ...(w.c === undefined ? {} : { unitCode: w.c }),
      ...(w.k === undefined ? {} : { contestId: w.k }),
    };
    if (!(now < claims.expiresAt)) return { ok: false, reason: 'expired', claims };
    return { ok: true, claims };
  }

  private mac(data: string): Buffer {
    return createHmac('sha256', this.secret).update(data, 'utf8').digest();
  }
}

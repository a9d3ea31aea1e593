/**
 * Binary container for index caches: a JSON header followed by the raw bytes of typed arrays.
 * Postings are millions of integers; written as JSON they cost seconds to stringify and parse,
 * written as bytes they cost a copy. Layout: `u32 header length`, header (UTF-8 JSON, padded to 8
 * bytes), then each array's bytes in order, each padded to 8 bytes. Pure: no I/O.
 */
export type NumericArray = Int32Array | Float64Array;

interface ArrayEntry {
  type: 'i32' | 'f64';
  length: number;
}

interface Header<T> {
  meta: T;
  arrays: ArrayEntry[];
}

const pad8 = (n: number) => (n + 7) & ~7;

/** Packs `meta` (any JSON value) and the arrays into one buffer. */
export function encodeArrays<T>(meta: T, arrays: readonly NumericArray[]): Buffer {
  const header: Header<T> = {
    meta,
    arrays: arrays.map((a) => ({
      type: a instanceof Float64Array ? 'f64' : 'i32',
      length: a.length,
    })),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  let size = pad8(4 + head.length);
  for (const a of arrays) size += pad8(a.byteLength);
  const out = Buffer.alloc(size);
  out.writeUInt32LE(head.length, 0);
  head.copy(out, 4);
  let at = pad8(4 + head.length);
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at += pad8(a.byteLength);
  }
  return out;
}

/** The inverse of `encodeArrays`; throws on a truncated or malformed buffer. */
export function decodeArrays<T>(buffer: Uint8Array): { meta: T; arrays: NumericArray[] } {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const headLength = view.getUint32(0, true);
  const header = JSON.parse(
    Buffer.from(buffer.buffer, buffer.byteOffset + 4, headLength).toString('utf8'),
  ) as Header<T>;
  let at = pad8(4 + headLength);
  const arrays = header.arrays.map(({ type, length }) => {
    const bytes = length * (type === 'f64' ? 8 : 4);
    if (at + bytes > buffer.byteLength) throw new Error('index cache truncated');
    // Copied out, so the arrays are aligned and do not keep the file's buffer alive.
    const array = type === 'f64' ? new Float64Array(length) : new Int32Array(length);
    new Uint8Array(array.buffer).set(buffer.subarray(at, at + bytes));
    at += pad8(bytes);
    return array;
  });
  return { meta: header.meta, arrays };
}

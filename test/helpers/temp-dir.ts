import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A unique temporary directory; `remove()` deletes it and everything in it. */
export function makeTempDir(prefix = 'tro-ly-cds-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

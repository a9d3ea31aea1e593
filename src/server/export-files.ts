import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import {
  FILE_ID,
  LINK_CONTENT_TYPES,
  type FileLinkSigner,
  type LinkContentType,
} from './file-links';

/** A file to publish behind a signed link. */
export interface PublishRequest {
  readonly bytes: Buffer;
  readonly contentType: LinkContentType;
  /** Name the browser saves it under. */
  readonly downloadName: string;
  /** Who the link is for (the audit log of downloads names him). */
  readonly userId: string;
  readonly unitCode?: string;
  readonly contestId?: string;
}

/** A published file: its absolute link and when the link (and the file) expire. */
export interface PublishedLink {
  readonly url: string;
  /** Epoch ms. */
  readonly expiresAt: number;
}

/** Options of {@link ExportFiles}. */
export interface ExportFilesOptions {
  /** Folder of the files (`DATA_DIR/exports`); created when missing. */
  dir: string;
  signer: FileLinkSigner;
  /** Lifetime of a link and its file, ms. */
  ttlMs: number;
  /** Base of absolute links, e.g. `https://bot.example.gov.vn` (no trailing slash). */
  publicBaseUrl: string;
  /** Epoch ms; injectable for tests. Default `Date.now`. */
  clock?: () => number;
  /** How often `start()` sweeps expired files, ms. Default one minute. */
  sweepEveryMs?: number;
  logger: Logger;
}

const EXTENSIONS: Record<LinkContentType, string> = {
  [LINK_CONTENT_TYPES.png]: 'png',
  [LINK_CONTENT_TYPES.xlsx]: 'xlsx',
};

/** Where a link's route starts. */
export const FILES_PATH = '/files';

/**
 * Report files (chart PNGs, Excel exports) on disk behind short-lived signed links. A file is
 * written under a random name that carries its expiry (`<expiresAt>-<128 random bits>.<ext>`), so
 * `sweep` deletes expired files without reading them and a name cannot be guessed. The link
 * `<publicBaseUrl>/files/<token>` binds the name, content type, download name, expiry and user.
 */
export class ExportFiles {
  private readonly clock: () => number;
  private readonly log: Logger;
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<number> | undefined;

  constructor(private readonly options: ExportFilesOptions) {
    this.clock = options.clock ?? Date.now;
    this.log = options.logger.child({ component: 'export-files' });
    fs.mkdirSync(options.dir, { recursive: true });
  }

  get dir(): string {
    return this.options.dir;
  }

  /** Writes the file and returns its link. Rejects when the file cannot be written. */
  async publish(request: PublishRequest): Promise<PublishedLink> {
    const expiresAt = this.clock() + this.options.ttlMs;
    const ext = EXTENSIONS[request.contentType];
    const fileId = `${String(expiresAt).padStart(13, '0')}-${randomBytes(16).toString('hex')}.${ext}`;
    // Signed first: claims out of bounds throw before anything is written.
    const token = this.options.signer.sign({
      fileId,
      contentType: request.contentType,
      downloadName: request.downloadName,
      expiresAt,
      userId: request.userId,
      unitCode: request.unitCode,
      contestId: request.contestId,
    });
    await fs.promises.writeFile(path.join(this.options.dir, fileId), request.bytes, { flag: 'wx' });
    this.log.info(
      { fileId, bytes: request.bytes.length, contentType: request.contentType },
      'file published',
    );
    return { url: `${this.options.publicBaseUrl}${FILES_PATH}/${token}`, expiresAt };
  }

  /** The path of a file id, or undefined for anything that is not one of our names. */
  pathOf(fileId: string): string | undefined {
    return FILE_ID.test(fileId) ? path.join(this.options.dir, fileId) : undefined;
  }

  /** Deletes every file whose link has expired; resolves to how many were deleted. */
  sweep(): Promise<number> {
    this.sweeping ??= this.sweepOnce().finally(() => {
      this.sweeping = undefined;
    });
    return this.sweeping;
  }

  /** Sweeps now and then every `sweepEveryMs` until `stop()`. */
  start(): void {
    if (this.timer) return;
    const run = () => {
      this.sweep().catch((err: unknown) => this.log.error({ err }, 'sweep failed'));
    };
    run();
    this.timer = setInterval(run, this.options.sweepEveryMs ?? 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.sweeping?.catch(() => undefined);
  }

  private async sweepOnce(): Promise<number> {
    const now = this.clock();
    let deleted = 0;
    for (const name of await fs.promises.readdir(this.options.dir)) {
      if (!FILE_ID.test(name)) continue;
      if (Number(name.slice(0, 13)) > now) continue;
      try {
        await fs.promises.unlink(path.join(this.options.dir, name));
        deleted += 1;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    if (deleted > 0) this.log.info({ deleted }, 'expired files deleted');
    return deleted;
  }
}

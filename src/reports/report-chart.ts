import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../errors';
import { CHART_FONT, reportChartSpec } from './chart-spec';
import type { ReportChartTexts } from './report-labels';
import type { UnitReport } from './report-types';

/** Where Debian's fonts-dejavu-core puts the files. */
export const DEJAVU_DIR = '/usr/share/fonts/truetype/dejavu';

export interface ReportChartRendererOptions {
  readonly texts: ReportChartTexts;
  /** Font files given to resvg (regular and bold DejaVu Sans by default); nothing else is loaded. */
  readonly fontFiles?: readonly string[];
  /** Pixel ratio of the PNG (default 1.5: sharp in chat clients, fewer pixels to draw than 2). */
  readonly scale?: number;
  /** A render taking longer is abandoned (and the worker restarted). */
  readonly timeoutMs?: number;
}

/** A chart as rendered: the PNG shown in the card and the SVG it was drawn from. */
export interface RenderedChart {
  readonly png: Buffer;
  readonly svg: string;
}

interface Pending {
  resolve: (chart: RenderedChart) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

type WorkerReply = { id: number; svg: string; png: Uint8Array } | { id: number; error: string };

/**
 * Renders the report chart (score distribution and per-sub-unit mean bars, Vietnamese labels in
 * DejaVu Sans) to PNG in one worker thread, started on first use and reused. The worker does not
 * keep the process alive while idle. A failed or timed-out render rejects with `AppError` and the
 * next render starts a fresh worker. Call `close` on shutdown.
 */
export class ReportChartRenderer {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private readonly fontFiles: readonly string[];

  constructor(private readonly options: ReportChartRendererOptions) {
    this.fontFiles = options.fontFiles ?? [
      path.join(DEJAVU_DIR, 'DejaVuSans.ttf'),
      path.join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf'),
    ];
  }

  /** The PNG of `report`'s chart. */
  async render(report: UnitReport): Promise<Buffer> {
    return (await this.renderChart(report)).png;
  }

  /** The PNG and the SVG of `report`'s chart. */
  renderChart(report: UnitReport): Promise<RenderedChart> {
    const missing = this.fontFiles.filter((f) => !fs.existsSync(f));
    if (missing.length > 0) {
      // resvg silently drops text whose font is missing: refuse rather than draw a chart without words.
      return Promise.reject(new AppError(`Chart font file(s) not found: ${missing.join(', ')}`));
    }
    const spec = reportChartSpec(report, this.options.texts);
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<RenderedChart>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.fail(new AppError('Chart rendering timed out'));
      }, this.options.timeoutMs ?? 20_000);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref();
      worker.postMessage({
        id,
        spec,
        fontFiles: this.fontFiles,
        fontFamily: CHART_FONT,
        scale: this.options.scale ?? 1.5,
      });
    });
  }

  /** Stops the worker; renders still running reject. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.fail(new AppError('Chart renderer closed'));
    if (worker) await worker.terminate();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(chartWorkerPath());
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.fail(new AppError('Chart worker failed', { cause: error })));
    worker.on('exit', () => {
      if (this.worker === worker) this.fail(new AppError('Chart worker stopped'));
    });
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    this.pending.delete(reply.id);
    clearTimeout(pending.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if ('error' in reply) pending.reject(new AppError(`Chart rendering failed: ${reply.error}`));
    else
      pending.resolve({
        png: Buffer.from(reply.png.buffer, reply.png.byteOffset, reply.png.byteLength),
        svg: reply.svg,
      });
  }

  /** Rejects every render in flight and drops the worker (the next render starts a new one). */
  private fail(error: Error): void {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) void worker.terminate();
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const p of pending) {
      clearTimeout(p.timer);
      p.reject(error);
    }
  }
}

/**
 * The worker's entry file: plain JavaScript (vega and vega-lite are ES modules only) kept beside
 * this file. `npm run build` copies it next to the compiled module in `dist/src/reports`.
 */
export function chartWorkerPath(): string {
  const file = path.join(__dirname, 'chart-worker.mjs');
  if (!fs.existsSync(file)) {
    throw new AppError(`Chart worker not found at ${file}: build with \`npm run build\``);
  }
  return file;
}

import type { ReportService } from '../reports';

/**
 * A `ReportService` usable before the real one exists: every call waits for `ready` (the contests
 * and the question bank are loaded), then delegates. When `ready` rejects, every call rejects with
 * the same error (the bot answers "not available").
 */
export function deferReportService(ready: Promise<ReportService>): ReportService {
  // Handled by each call; this only keeps an early failure from going unhandled.
  ready.catch(() => undefined);
  return {
    summary: async (asker, target) => (await ready).summary(asker, target),
    notTaken: async (asker, target) => (await ready).notTaken(asker, target),
    exportWorkbook: async (asker, target) => (await ready).exportWorkbook(asker, target),
    ranking: async (asker, target) => (await ready).ranking(asker, target),
  };
}

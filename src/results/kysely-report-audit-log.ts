import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ReportAccessRecord, ReportAuditLog } from '../reports/ports';
import type { ResultsDatabase } from './results-schema';

/** Most records {@link KyselyReportAuditLog.recent} returns, whatever the limit asked. */
export const MAX_RECENT_ACCESSES = 10_000;

/**
 * {@link ReportAuditLog} on any Kysely dialect: table `report_access_log` (migration 0004). The
 * Kysely instance is injected and owned by the caller.
 *
 * `record` resolves once the row is written and rejects when the database fails, never dropping an
 * entry silently. `recent` orders by `at`, newest first; records with the same `at` come newest
 * first when they were written by the same process (each row's id carries the process's write
 * order), in no fixed order otherwise.
 */
export class KyselyReportAuditLog implements ReportAuditLog {
  // A random prefix per instance keeps ids unique across processes; the counter orders one
  // instance's writes.
  private readonly prefix = randomBytes(6).toString('hex');
  private sequence = 0;

  constructor(private readonly db: Kysely<ResultsDatabase>) {}

  async record(entry: ReportAccessRecord): Promise<void> {
    const id = `${String(++this.sequence).padStart(12, '0')}-${this.prefix}`;
    await this.db
      .insertInto('report_access_log')
      .values({
        id,
        at: entry.at,
        user_id: entry.userId,
        role: entry.role,
        action: entry.action,
        unit_code: entry.unitCode,
        contest_id: entry.contestId,
        allowed: entry.allowed ? 1 : 0,
        detail: entry.detail,
      })
      .execute();
  }

  async recent(limit: number): Promise<ReportAccessRecord[]> {
    const n = Math.min(Math.max(Math.trunc(limit) || 0, 0), MAX_RECENT_ACCESSES);
    if (n === 0) return [];
    const rows = await this.db
      .selectFrom('report_access_log')
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(n)
      .execute();
    return rows.map((r) => ({
      at: r.at,
      userId: r.user_id,
      role: r.role,
      action: r.action,
      unitCode: r.unit_code,
      contestId: r.contest_id,
      allowed: Number(r.allowed) === 1,
      detail: r.detail,
    }));
  }
}

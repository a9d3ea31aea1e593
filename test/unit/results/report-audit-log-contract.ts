import type { ReportAccessRecord, ReportAuditLog } from '../../../src/reports/ports';

/** The contract of every {@link ReportAuditLog} adapter; `open` gives an empty log. */
export function reportAuditLogContract(
  name: string,
  open: () => Promise<{ log: ReportAuditLog; close(): Promise<void> }>,
): void {
  describe(`${name} (report audit log contract)`, () => {
    let s: { log: ReportAuditLog; close(): Promise<void> };
    beforeEach(async () => {
      s = await open();
    });
    afterEach(() => s.close());

    const denied: ReportAccessRecord = {
      at: '2026-11-02T02:00:00.000Z',
      userId: 'aad-1',
      role: 'official',
      action: 'baocao',
      unitCode: 'SNV',
      contestId: 'thi-2026',
      allowed: false,
      detail: 'not-allowed',
    };
    const download: ReportAccessRecord = {
      at: '2026-11-02T03:00:00.000Z',
      userId: 'aad-2',
      role: 'manager',
      action: 'download',
      unitCode: 'SNV',
      contestId: 'thi-2026',
      allowed: true,
      detail: 'bao-cao-SNV.xlsx',
    };
    const stranger: ReportAccessRecord = {
      at: '2026-11-02T01:00:00.000Z',
      userId: 'unknown',
      role: null,
      action: 'ketqua',
      unitCode: null,
      contestId: null,
      allowed: false,
      detail: null,
    };

    it('keeps every record as given and lists them newest first, limited', async () => {
      expect(await s.log.recent(10)).toEqual([]);
      for (const r of [denied, download, stranger]) await s.log.record(r);
      expect(await s.log.recent(10)).toEqual([download, denied, stranger]);
      expect(await s.log.recent(2)).toEqual([download, denied]);
      expect(await s.log.recent(0)).toEqual([]);
    });

    it('keeps identical records apart and orders records of the same instant by writing', async () => {
      const same = Array.from({ length: 12 }, (_, i) => ({ ...denied, detail: `n${i}` }));
      for (const r of same) await s.log.record(r);
      await s.log.record(denied);
      await s.log.record(denied);
      const recent = await s.log.recent(100);
      expect(recent).toHaveLength(14);
      expect(recent.map((r) => r.detail)).toEqual([
        'not-allowed',
        'not-allowed',
        ...same.map((r) => r.detail).reverse(),
      ]);
    });
  });
}

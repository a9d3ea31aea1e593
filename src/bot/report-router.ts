import type { TurnContext } from 'botbuilder';
import {
  argumentProblemReply,
  exportReply,
  failureReply,
  notTakenReply,
  parseReportCommand,
  rankingReply,
  reportPayloadSchema,
  reportTexts,
  summaryReply,
  textReply,
  type FailureContext,
  type ReportCommandKind,
} from '../../dialogs';
import type { Logger } from '../logger';
import type { ReportAsker, ReportFailure, ReportService, ReportTarget } from '../reports';
import { turnLogger } from './turn-logger';

/** Content types of the files a report publishes. */
export type ReportFileType =
  'image/png' | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Publishes a report file behind a short-lived signed link (the server's `ExportFiles`). The link
 * names the user it was issued to, for the audit log of downloads.
 */
export interface ReportFilePublisher {
  publish(request: {
    bytes: Buffer;
    contentType: ReportFileType;
    downloadName: string;
    userId: string;
    unitCode?: string;
    contestId?: string;
  }): Promise<{ url: string; expiresAt: number }>;
}

/** Dependencies of {@link ReportRouter}. */
export interface ReportRouterOptions {
  service: ReportService;
  files: ReportFilePublisher;
  /**
   * Whether `id` is a contest id (exact; the router asks with the typed code in lower case, as
   * contest ids are lowercase slugs): tells a contest from a unit code. May wait for the contests
   * to load.
   */
  isContestId(id: string): boolean | Promise<boolean>;
  logger: Logger;
  /** Lines `/xephang` shows; default 20. */
  rankingLimit?: number;
}

const XLSX: ReportFileType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DEFAULT_RANKING_LIMIT = 20;

/** A request ready for the service, or a reply to give instead. */
type Resolved =
  { ok: true; target: ReportTarget; context: FailureContext } | { ok: false; reply: string };

/**
 * Routes the managers' report commands (`/baocao`, `/chuathi`, `/xuatexcel`, `/xephang` and their
 * plain Vietnamese forms) and the buttons under a summary to the report service. The asker is
 * always the activity's sender (Teams `aadObjectId`, else `from.id`); what a message or a card
 * payload claims about anyone's user, role or unit is never used: the service decides from the
 * directory, and audits, every request. Codes: with two words, the one that is a known contest id
 * is the contest; one word is the contest when it is a known contest id, else a unit code (a code
 * that is neither gets the same refusal as a unit outside the asker's subtree, plus a hint).
 * Failures of the service are logged and answered with a Vietnamese "not available" message.
 */
export class ReportRouter {
  constructor(private readonly options: ReportRouterOptions) {}

  /** Handles `text` when it is a report command; resolves `false` otherwise. */
  async handleText(context: TurnContext, text: string): Promise<boolean> {
    const command = parseReportCommand(text);
    if (!command) return false;
    if (command.problem) {
      turnLogger(context, this.options.logger).info(
        { command: command.kind, problem: command.problem },
        'report command refused',
      );
      await context.sendActivity(argumentProblemReply(command.kind, command.problem));
      return true;
    }
    const resolved = await this.resolve(command.kind, command.args);
    if (!resolved.ok) {
      await context.sendActivity(textReply(resolved.reply));
      return true;
    }
    await this.run(context, command.kind, resolved.target, resolved.context);
    return true;
  }

  /** A card value with `type` `report-…`: a summary button, or a forged or stale one. */
  async handleValue(context: TurnContext): Promise<void> {
    const parsed = reportPayloadSchema.safeParse(context.activity.value);
    const log = turnLogger(context, this.options.logger);
    if (!parsed.success) {
      log.warn('malformed report payload rejected');
      await context.sendActivity(textReply(reportTexts.invalidPayload));
      return;
    }
    const { type, unitCode, contestId } = parsed.data;
    const kind: ReportCommandKind =
      type === 'report-export' ? 'export' : type === 'report-not-taken' ? 'not-taken' : 'summary';
    const target: ReportTarget = {
      ...(unitCode === undefined ? {} : { unitCode }),
      ...(contestId === undefined ? {} : { contestId }),
    };
    await this.run(context, kind, target, { unitCode });
  }

  private async resolve(kind: ReportCommandKind, args: readonly string[]): Promise<Resolved> {
    // Contest ids are lowercase slugs, typed in any case ("/baocao DANH-GIA-2026", as `/thi`
    // takes them); unit codes are kept as typed.
    const contests = new Map<string, string>();
    for (const arg of args) {
      const id = arg.toLowerCase();
      // Contests that failed to load are known to nobody: the code is then taken for a unit.
      const contest = await Promise.resolve(this.options.isContestId(id)).catch(() => false);
      if (contest) contests.set(arg, id);
    }
    const contestId = (arg: string) => contests.get(arg);
    if (kind === 'ranking') {
      const [first] = args;
      if (first === undefined) return { ok: true, target: {}, context: {} };
      const id = contestId(first);
      return id !== undefined
        ? { ok: true, target: { contestId: id }, context: {} }
        : { ok: false, reply: reportTexts.notAContest(first) };
    }
    const [first, second] = args;
    if (first === undefined) return { ok: true, target: {}, context: {} };
    if (second === undefined) {
      const id = contestId(first);
      if (id !== undefined) return { ok: true, target: { contestId: id }, context: {} };
      return {
        ok: true,
        target: { unitCode: first },
        context: { unitCode: first, ambiguousCode: true },
      };
    }
    // Either order is understood; when neither is a contest the service says which is unknown.
    const [unitCode, contestArg] =
      contestId(second) === undefined && contestId(first) !== undefined
        ? [second, first]
        : [first, second];
    return {
      ok: true,
      target: { unitCode, contestId: contestId(contestArg) ?? contestArg },
      context: { unitCode },
    };
  }

  private async run(
    context: TurnContext,
    kind: ReportCommandKind,
    target: ReportTarget,
    failureContext: FailureContext,
  ): Promise<void> {
    const log = turnLogger(context, this.options.logger);
    const from = context.activity.from;
    const asker: ReportAsker = { userId: from?.aadObjectId || from?.id || '' };
    const started = performance.now();
    let outcomeKind = 'error';
    try {
      outcomeKind = await this.dispatch(context, kind, asker, target, failureContext);
    } catch (err) {
      // The reporting store is another database: the chat goes on without it.
      log.error({ err, command: kind }, 'report failed');
      await context.sendActivity(textReply(reportTexts.unavailable));
    } finally {
      log.info(
        {
          command: kind,
          unitCode: target.unitCode,
          contestId: target.contestId,
          outcome: outcomeKind,
          ms: Math.round(performance.now() - started),
        },
        'report command',
      );
    }
  }

  /** Calls the service and replies; resolves to the outcome's kind (or the denial's reason). */
  private async dispatch(
    context: TurnContext,
    kind: ReportCommandKind,
    asker: ReportAsker,
    target: ReportTarget,
    failureContext: FailureContext,
  ): Promise<string> {
    const channelId = context.activity.channelId;
    const fail = async (failure: ReportFailure) => {
      await context.sendActivity(failureReply(failure, failureContext));
      return failure.kind === 'denied' ? `denied:${failure.reason}` : failure.kind;
    };
    switch (kind) {
      case 'summary': {
        const outcome = await this.options.service.summary(asker, target);
        if (outcome.kind !== 'summary') return fail(outcome);
        const { report } = outcome;
        const chart = await this.options.files.publish({
          bytes: outcome.chartPng,
          contentType: 'image/png',
          downloadName: `bieu-do-${report.unitCode}-${report.contestId}.png`,
          userId: asker.userId,
          unitCode: report.unitCode,
          contestId: report.contestId,
        });
        await context.sendActivity(summaryReply({ report, chartUrl: chart.url, channelId }));
        return outcome.kind;
      }
      case 'not-taken': {
        const outcome = await this.options.service.notTaken(asker, target);
        if (outcome.kind !== 'not-taken') return fail(outcome);
        await context.sendActivity(notTakenReply(outcome));
        return outcome.kind;
      }
      case 'export': {
        await context.sendActivity({ type: 'typing' });
        const outcome = await this.options.service.exportWorkbook(asker, target);
        if (outcome.kind !== 'export') return fail(outcome);
        const link = await this.options.files.publish({
          bytes: outcome.xlsx,
          contentType: XLSX,
          downloadName: outcome.fileName,
          userId: asker.userId,
          unitCode: outcome.report.unitCode,
          contestId: outcome.report.contestId,
        });
        await context.sendActivity(
          exportReply(outcome.report, link.url, link.expiresAt, channelId),
        );
        return outcome.kind;
      }
      case 'ranking': {
        const limit = this.options.rankingLimit ?? DEFAULT_RANKING_LIMIT;
        const outcome = await this.options.service.ranking(asker, { ...target, limit });
        if (outcome.kind !== 'ranking') return fail(outcome);
        await context.sendActivity(rankingReply(outcome));
        return outcome.kind;
      }
    }
  }
}

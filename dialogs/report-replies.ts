/**
 * Replies of `/chuathi`, `/xephang`, `/xuatexcel` and of every refused report request. Pure: the
 * bot passes the service's outcome.
 */
import type { NotTakenOutcome, RankingOutcome, ReportFailure } from '../src/reports';
import type { UnitReport } from '../src/reports';
import { adaptiveCard, supportsAdaptiveCards, textBlock } from './adaptive-card';
import { escapeMarkdown } from './markdown';
import { textReply, type Reply } from './messages';
import { formatDuration, formatInstant } from './quiz-format';
import type { ReportCommandKind } from './report-commands';
import { reportTexts as t } from './report-chat-texts';

/** People `/chuathi` lists in the chat; the rest are counted. */
export const NOT_TAKEN_LIMIT = 50;

/** What the asker typed, to word a refusal. */
export interface FailureContext {
  /** The unit code the asker named, if any. */
  readonly unitCode?: string;
  /** True when a single code was taken for a unit only because it is no known contest id. */
  readonly ambiguousCode?: boolean;
}

/**
 * A refused or impossible request. A unit outside the asker's subtree and a unit that does not
 * exist get the very same words (naming only the code he typed); an official (or someone not in
 * the directory) is pointed to `/ketqua`.
 */
export function failureReply(failure: ReportFailure, context: FailureContext = {}): Reply {
  switch (failure.kind) {
    case 'denied':
      if (failure.reason === 'not-allowed') return textReply(t.notAllowed);
      return textReply(
        context.ambiguousCode
          ? `${t.unitNotVisible(context.unitCode)}\n\n${t.codeHint}`
          : t.unitNotVisible(context.unitCode),
      );
    case 'unknown-contest':
      return textReply(t.unknownContest(failure.contestId));
    case 'no-contest':
      return textReply(t.noContest);
  }
}

/** Too many words after a command, or a word that cannot be a code. */
export function argumentProblemReply(
  kind: ReportCommandKind,
  problem: 'too-many-args' | 'bad-arg',
): Reply {
  const command = t.commandName[kind];
  const usage = t.usage[kind];
  return textReply(
    problem === 'too-many-args' ? t.tooManyArgs(command, usage) : t.badArg(command, usage),
  );
}

/** `/chuathi`: at most `limit` people (name — unit), the count of the rest, a hint to export. */
export function notTakenReply(
  outcome: Extract<NotTakenOutcome, { kind: 'not-taken' }>,
  limit = NOT_TAKEN_LIMIT,
): Reply {
  const title = escapeMarkdown(outcome.contestTitle);
  const unit = escapeMarkdown(outcome.unitName);
  if (outcome.people.length === 0) return textReply(t.notTakenNone(title, unit, outcome.roster));
  const shown = outcome.people.slice(0, limit);
  const lines = shown.map(
    (p, i) => `${i + 1}. ${escapeMarkdown(p.fullName)} — ${escapeMarkdown(p.unitName)}`,
  );
  if (outcome.people.length > shown.length) {
    lines.push(t.notTakenMore(outcome.people.length - shown.length));
  }
  return textReply(
    [
      t.notTakenHeading(title, unit, outcome.people.length, outcome.roster),
      lines.join('\n'),
      t.notTakenExportHint(outcome.unitCode, outcome.contestId),
    ].join('\n\n'),
  );
}

/** `/xephang`: rank, name, unit, score, duration, tiebreak; the count when cut. */
export function rankingReply(outcome: Extract<RankingOutcome, { kind: 'ranking' }>): Reply {
  const title = escapeMarkdown(outcome.contestTitle);
  const unit = escapeMarkdown(outcome.unitName);
  if (outcome.lines.length === 0) return textReply(t.rankingNone(title, unit));
  const lines = outcome.lines.map((line) => {
    const base = t.rankingLine(
      line.rank,
      escapeMarkdown(line.fullName),
      escapeMarkdown(line.unitName),
      line.score,
      formatDuration(line.durationMs),
    );
    return line.tiebreak === undefined
      ? base
      : `${base}${t.rankingTiebreak(line.tiebreak, line.tiebreakDistance)}`;
  });
  const parts = [t.rankingHeading(title, unit, outcome.total), lines.join('\n')];
  if (outcome.total > outcome.lines.length) {
    parts.push(t.rankingMore(outcome.lines.length, outcome.total));
  }
  parts.push(t.rankingRule);
  return textReply(parts.join('\n\n'));
}

/** `/xuatexcel`: the download link and until when it works; a button where cards render. */
export function exportReply(
  report: UnitReport,
  url: string,
  expiresAt: number,
  channelId: string | undefined,
): Reply {
  const text = t.exportReady(
    escapeMarkdown(report.unitName),
    escapeMarkdown(report.contestTitle),
    `[${t.exportButtonOpen}](${url})`,
    formatInstant(expiresAt),
  );
  const reply = textReply(text);
  if (!supportsAdaptiveCards(channelId)) return reply;
  return {
    ...reply,
    attachments: [
      adaptiveCard(
        [textBlock(t.exportButtonOpen, { weight: 'Bolder' })],
        [{ type: 'Action.OpenUrl', title: t.exportButtonOpen, url }],
        t.exportButtonOpen,
      ),
    ],
  };
}

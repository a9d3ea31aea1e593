/**
 * The `/baocao` reply: an Adaptive Card with the chart image, headline figures, topics, sub-units
 * (weakest first), the five weakest questions and the change against the previous contest, with
 * "Xuất Excel" / "Ai chưa thi" buttons; on channels without Adaptive Cards the same content as
 * Markdown text with a link to the chart. Pure: the bot passes the report and the chart's link.
 */
import type { UnitReport } from '../src/reports';
import {
  adaptiveCard,
  submitAction,
  supportsAdaptiveCards,
  textBlock,
  type CardElement,
} from './adaptive-card';
import { escapeMarkdown } from './markdown';
import { textReply, type Reply } from './messages';
import { formatDuration, formatInstant } from './quiz-format';
import type { ReportPayload } from './report-payloads';
import { formatDelta, formatNumber, formatRate, reportTexts as t } from './report-chat-texts';

/** Sub-unit rows shown in the chat; the workbook has them all. */
export const MAX_SUB_UNIT_ROWS = 15;
const QUESTION_CHARS = 90;

export interface SummaryReplyInput {
  readonly report: UnitReport;
  /** Signed link to the chart PNG; absent when it could not be published. */
  readonly chartUrl?: string;
  readonly channelId: string | undefined;
}

const shorten = (text: string, max: number): string =>
  [...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`;

interface Fact {
  readonly title: string;
  readonly value: string;
}

function headlineFacts(report: UnitReport): Fact[] {
  const f = report.figures;
  const facts: Fact[] = [
    {
      title: t.participants,
      value: t.participantsValue(f.participants, f.roster, formatRate(f.participationRate)),
    },
    { title: t.attempts, value: t.attemptsValue(f.attempts, f.participants) },
    {
      title: t.meanMedian,
      value: `${formatNumber(f.meanScore)} / ${formatNumber(f.medianScore)}`,
    },
    { title: t.passRate(report.passMark), value: formatRate(f.passRate) },
    { title: t.under50, value: formatRate(f.under50Rate) },
  ];
  if (f.meanDurationMs !== null) {
    facts.push({ title: t.meanDuration, value: formatDuration(f.meanDurationMs) });
  }
  return facts;
}

function topicLines(report: UnitReport): string[] {
  return report.topics.map((topic) =>
    t.topicLine(escapeMarkdown(topic.topicName), formatNumber(topic.meanScore), topic.asked),
  );
}

function subUnitFacts(report: UnitReport): { facts: Fact[]; more: number } {
  const rows = report.subUnits.slice(0, MAX_SUB_UNIT_ROWS);
  return {
    facts: rows.map((row) => ({
      title: escapeMarkdown(row.ownStaff ? t.ownStaff(row.unitName) : row.unitName),
      value: t.subUnitLine(
        formatNumber(row.figures.meanScore),
        formatRate(row.figures.passRate),
        row.figures.participants,
        row.figures.roster,
      ),
    })),
    more: report.subUnits.length - rows.length,
  };
}

function questionLines(report: UnitReport): string[] {
  return report.weakestQuestions.map(
    (q, i) =>
      `${i + 1}. ${t.questionLine(
        escapeMarkdown(shorten(q.text, QUESTION_CHARS)),
        formatNumber(q.facility),
        q.discrimination === null ? undefined : formatNumber(q.discrimination),
        q.attempts,
      )}`,
  );
}

function comparisonLine(report: UnitReport): { heading: string; line: string } | undefined {
  const c = report.comparison;
  if (!c) return undefined;
  return {
    heading: t.comparisonHeading(escapeMarkdown(c.contestTitle)),
    line: t.comparisonLine(
      formatDelta(c.meanScoreDelta),
      formatDelta(c.passRateDelta === null ? null : c.passRateDelta * 100, ' điểm %'),
      formatDelta(
        c.participationRateDelta === null ? null : c.participationRateDelta * 100,
        ' điểm %',
      ),
    ),
  };
}

const when = (report: UnitReport): string => formatInstant(Date.parse(report.generatedAt));

/** The summary as Markdown, for channels without Adaptive Cards (and as the card's fallback). */
export function summaryText(report: UnitReport, chartUrl?: string): string {
  const parts: string[] = [
    `**${escapeMarkdown(t.summaryTitle(report.unitName))}**\n${escapeMarkdown(t.contestLine(report.contestTitle, when(report)))}`,
  ];
  parts.push(
    headlineFacts(report)
      .map((f) => `- ${f.title}: **${f.value}**`)
      .join('\n'),
  );
  if (report.figures.participants === 0) parts.push(t.noParticipants);
  if (chartUrl) parts.push(`[${t.chartLink}](${chartUrl})`);
  const topics = topicLines(report);
  if (topics.length > 0)
    parts.push(`**${t.topicsHeading}**\n${topics.map((l) => `- ${l}`).join('\n')}`);
  const subs = subUnitFacts(report);
  if (subs.facts.length > 0) {
    const lines = subs.facts.map((f) => `- ${f.title}: ${f.value}`);
    if (subs.more > 0) lines.push(t.moreSubUnits(subs.more));
    parts.push(`**${t.subUnitsHeading}**\n${lines.join('\n')}`);
  }
  const questions = questionLines(report);
  if (questions.length > 0) {
    parts.push(`**${t.questionsHeading}**\n${questions.join('\n')}\n${t.questionsNote}`);
  }
  const comparison = comparisonLine(report);
  if (comparison) parts.push(`**${comparison.heading}**\n${comparison.line}`);
  parts.push(t.textActions(report.unitCode, report.contestId));
  return parts.join('\n\n');
}

const heading = (text: string): CardElement =>
  textBlock(text, { weight: 'Bolder', spacing: 'Medium', separator: true });

const factSet = (facts: readonly Fact[]): CardElement => ({
  type: 'FactSet',
  facts: facts.map((f) => ({ title: f.title, value: f.value })),
});

/** The summary card's buttons: hints only, the server re-checks access on every click. */
function actions(report: UnitReport): CardElement[] {
  const target = { unitCode: report.unitCode, contestId: report.contestId };
  const exportPayload: ReportPayload = { type: 'report-export', ...target };
  const notTakenPayload: ReportPayload = { type: 'report-not-taken', ...target };
  return [
    submitAction(t.exportButton, exportPayload),
    submitAction(t.notTakenButton, notTakenPayload),
  ];
}

function summaryCard(report: UnitReport, chartUrl: string | undefined): CardElement[] {
  const body: CardElement[] = [
    textBlock(escapeMarkdown(t.summaryTitle(report.unitName)), {
      size: 'Medium',
      weight: 'Bolder',
    }),
    textBlock(escapeMarkdown(t.contestLine(report.contestTitle, when(report))), {
      isSubtle: true,
      spacing: 'None',
    }),
    factSet(headlineFacts(report)),
  ];
  if (report.figures.participants === 0) body.push(textBlock(t.noParticipants));
  if (chartUrl) {
    body.push({ type: 'Image', url: chartUrl, altText: t.chartAlt, size: 'Stretch' });
  }
  const topics = topicLines(report);
  if (topics.length > 0) {
    body.push(heading(t.topicsHeading), textBlock(topics.map((l) => `- ${l}`).join('\n')));
  }
  const subs = subUnitFacts(report);
  if (subs.facts.length > 0) {
    body.push(heading(t.subUnitsHeading), factSet(subs.facts));
    if (subs.more > 0) body.push(textBlock(t.moreSubUnits(subs.more), { isSubtle: true }));
  }
  const questions = questionLines(report);
  if (questions.length > 0) {
    body.push(
      heading(t.questionsHeading),
      textBlock(questions.join('\n')),
      textBlock(t.questionsNote, { isSubtle: true, size: 'Small' }),
    );
  }
  const comparison = comparisonLine(report);
  if (comparison) body.push(heading(comparison.heading), textBlock(comparison.line));
  return body;
}

/** The `/baocao` reply for `channelId`: a card where Adaptive Cards render, else Markdown text. */
export function summaryReply(input: SummaryReplyInput): Reply {
  const { report, chartUrl } = input;
  if (!supportsAdaptiveCards(input.channelId)) return textReply(summaryText(report, chartUrl));
  const fallback = `${t.summaryTitle(report.unitName)} — ${report.contestTitle}`;
  return {
    type: 'message',
    attachments: [adaptiveCard(summaryCard(report, chartUrl), actions(report), fallback)],
  };
}

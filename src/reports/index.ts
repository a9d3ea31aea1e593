export type * from './ports';
export type * from './report-types';
export type * from './report-service';
export type * from './report-labels';
export {
  meanFromCounts,
  medianFromCounts,
  scoreFigures,
  sumStats,
  SCORE_BINS,
  type RosterCount,
  type StatsTotals,
} from './score-figures';
export {
  discriminationIndex,
  facilityIndex,
  questionFigures,
  shorten,
  weakestQuestions,
  WEAKEST_QUESTIONS,
  type QuestionInfo,
  type QuestionLookup,
} from './item-analysis';
export { defaultContest, previousContest, sameAudience } from './contest-choice';
export {
  buildUnitReport,
  topicFigures,
  type BuiltReport,
  type ContestData,
  type UnitReportInput,
} from './unit-report';
export { notTakenLines, rankingLines, type LineNames } from './report-lines';
export { reportChartSpec, scoreBands, CHART_FONT } from './chart-spec';
export {
  ReportChartRenderer,
  chartWorkerPath,
  type RenderedChart,
  type ReportChartRendererOptions,
} from './report-chart';
export {
  buildReportWorkbook,
  vietnamWallClock,
  type ReportWorkbookData,
  type ReportWorkbookInput,
} from './report-workbook';
export {
  ReportServiceImpl,
  DEFAULT_RANKING_LIMIT,
  exportFileName,
  type ReportServiceImplOptions,
} from './report-service-impl';

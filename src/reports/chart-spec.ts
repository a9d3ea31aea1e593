import type { ReportChartTexts } from './report-labels';
import type { UnitReport } from './report-types';

/** The font of every chart text: Debian's Liberation fonts lack Vietnamese letters. */
export const CHART_FONT = 'DejaVu Sans';

/** Most sub-unit bars drawn (weakest first, as the report sorts them). */
export const MAX_CHART_UNITS = 40;

/** Score bands of 10 points: `0–9`, `10–19`, …, `90–100` (the last one holds 100 too). */
export function scoreBands(scoreCounts: readonly number[]): { band: string; people: number }[] {
  const bands: { band: string; people: number }[] = [];
  for (let start = 0; start < 100; start += 10) {
    const end = start === 90 ? 100 : start + 9;
    let people = 0;
    for (let s = start; s <= end; s++) people += scoreCounts[s] ?? 0;
    bands.push({ band: `${start}–${end}`, people });
  }
  return bands;
}

/**
 * The vega-lite specification of the report chart: the score distribution in 10-point bands on
 * top, the mean score of each sub-unit (weakest first) with the pass mark as a rule below. Pure
 * data: every value is inlined, nothing is fetched.
 */
export function reportChartSpec(report: UnitReport, texts: ReportChartTexts): object {
  const bands = scoreBands(report.scoreCounts);
  const units = report.subUnits
    .filter((r) => r.figures.meanScore !== null)
    .slice(0, MAX_CHART_UNITS)
    .map((r) => {
      const mean = Math.round(r.figures.meanScore! * 10) / 10;
      return {
        unit: r.ownStaff ? texts.ownStaff(r.unitName) : r.unitName,
        mean,
        meanLabel: texts.score(mean),
      };
    });

  const distribution = {
    title: texts.distributionTitle,
    width: 520,
    height: 220,
    data: { values: bands },
    mark: { type: 'bar', color: '#2f6db5', tooltip: false },
    encoding: {
      x: {
        field: 'band',
        type: 'ordinal',
        sort: bands.map((b) => b.band),
        title: texts.scoreBandAxis,
        axis: { labelAngle: 0 },
      },
      y: {
        field: 'people',
        type: 'quantitative',
        title: texts.peopleAxis,
        // Whole people; with nobody yet the axis still runs 0..1 instead of a lone "0.000000".
        axis: { tickMinStep: 1, format: 'd' },
        ...(bands.every((b) => b.people === 0) ? { scale: { domain: [0, 1] } } : {}),
      },
    },
  };

  const subUnits =
    units.length === 0
      ? {
          title: texts.subUnitTitle,
          width: 520,
          height: 40,
          data: { values: [{ note: texts.noData }] },
          mark: { type: 'text', fontSize: 13, color: '#555' },
          encoding: { text: { field: 'note', type: 'nominal' } },
        }
      : {
          title: texts.subUnitTitle,
          width: 520,
          height: { step: 20 },
          data: { values: units },
          layer: [
            {
              mark: { type: 'bar', color: '#e08a2c' },
              encoding: {
                y: {
                  field: 'unit',
                  type: 'nominal',
                  sort: null,
                  title: texts.unitAxis,
                  axis: { labelLimit: 420 },
                },
                x: {
                  field: 'mean',
                  type: 'quantitative',
                  title: texts.meanScoreAxis,
                  scale: { domain: [0, 100] },
                },
              },
            },
            {
              mark: { type: 'text', align: 'left', dx: 3, fontSize: 11 },
              encoding: {
                y: { field: 'unit', type: 'nominal', sort: null },
                x: { field: 'mean', type: 'quantitative' },
                // Written by the texts: vega's number formats use a decimal point.
                text: { field: 'meanLabel', type: 'nominal' },
              },
            },
            {
              data: {
                values: [{ passMark: report.passMark, label: texts.passMark(report.passMark) }],
              },
              layer: [
                {
                  mark: { type: 'rule', color: '#c0392b', strokeDash: [4, 3], strokeWidth: 1.5 },
                  encoding: { x: { field: 'passMark', type: 'quantitative' } },
                },
                {
                  mark: {
                    type: 'text',
                    color: '#c0392b',
                    align: 'left',
                    dx: 4,
                    y: -6,
                    fontSize: 11,
                  },
                  encoding: {
                    x: { field: 'passMark', type: 'quantitative' },
                    text: { field: 'label', type: 'nominal' },
                  },
                },
              ],
            },
          ],
        };

  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: texts.title(report.contestTitle, report.unitName), fontSize: 15 },
    background: 'white',
    padding: 12,
    config: {
      font: CHART_FONT,
      title: { font: CHART_FONT, anchor: 'start' },
      axis: { labelFont: CHART_FONT, titleFont: CHART_FONT, labelFontSize: 11, titleFontSize: 12 },
      text: { font: CHART_FONT },
      view: { stroke: null },
    },
    vconcat: [distribution, subUnits],
    spacing: 28,
  };
}

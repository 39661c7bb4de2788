/**
 * The report's charts for the routes (results page, public dashboard) and the Council document: the
 * readable charts of chart-council.ts (diverging distribution, means with 95% intervals, paired dots),
 * drawn on @napi-rs/canvas by chart-draw.ts. The old chart.js bar chart of means (labels cut, no
 * intervals) is gone: nothing drew it any more.
 */
export {
	distributionChart,
	meanIntervalChart,
	comparisonChart,
	distributionTable,
	meanIntervalTable,
	comparisonTable,
	meanIntervalAlt,
	pointLabels
} from './chart-council.ts';
export type {
	ChartOutput,
	ChartTable,
	DistributionInput,
	DistributionRow,
	MeanIntervalInput,
	IntervalRow,
	ComparisonInput,
	ComparisonRow
} from './chart-council.ts';

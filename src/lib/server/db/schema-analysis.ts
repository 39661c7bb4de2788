/**
 * Analysis and reports: stored Council reports (migrations/2026-11-27T0300-analysis-report.ts).
 * Table interfaces of this area; each key is a table created by a migration in migrations/.
 */
export interface AnalysisReportTable {
	id: string;
	edition_id: string;
	/** One of the six application locales. */
	locale: string;
	format: 'docx';
	created_at: string;
	/** The user's e-mail, or "cli". */
	created_by: string;
	min_count: number;
	respondents: number;
	/** The latest submission included: what "the data it was built from" ends at. */
	last_submitted_at: string | null;
	/** The published (suppressed) aggregates the document was drawn from, as JSON. */
	data_json: string;
	data_sha256: string;
	content_base64: string;
	content_sha256: string;
}

export interface AnalysisTables {
	analysis_report: AnalysisReportTable;
}

/**
 * Analysis and reports: stored Council reports, imported previous-edition results,
 * comment themes and tags, and the publication of aggregated results.
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

/** A previous edition's aggregated results (migrations/2026-11-27T0301-analysis-wave.ts). */
export interface AnalysisWaveTable {
	id: string;
	/** The current edition it is compared with. */
	edition_id: string;
	/** How the previous edition is named in tables, e.g. "2022". */
	label: string;
	source_filename: string;
	source_sha256: string;
	/** WaveItem[] (src/lib/domain/analysis/wave.ts). */
	items_json: string;
	created_at: string;
	created_by: string;
}

/** A theme of open answers, per edition (migrations/2026-11-27T0302-analysis-comment-theme.ts). */
export interface AnalysisCommentThemeTable {
	id: string;
	edition_id: string;
	name: string;
	created_at: string;
	created_by: string;
}

/** One open answer (response x question) filed under one theme. */
export interface AnalysisCommentTagTable {
	response_id: string;
	question: string;
	theme_id: string;
	created_at: string;
	created_by: string;
}

/** A published edition (migrations/2026-11-27T0303-analysis-publication.ts). */
export interface AnalysisPublicationTable {
	edition_id: string;
	published_at: string;
	published_by: string;
	/** The threshold in force when published; the public view never uses a lower one. */
	min_count: number;
}

/**
 * A results release (migrations/2026-12-01T0100-analysis-release.ts): what every
 * reader without raw-data rights sees. Inserted once, never updated.
 */
export interface AnalysisReleaseTable {
	id: string;
	edition_id: string;
	/** 1, 2, ... per edition. */
	number: number;
	released_at: string;
	/** The user's e-mail, or "cli". */
	released_by: string;
	respondents: number;
	min_count: number;
	last_submitted_at: string | null;
	/** ReleaseSnapshot (src/lib/server/analysis/releases/snapshot.ts): suppressed views only. */
	views_json: string;
	views_sha256: string;
	/** Basis (src/lib/domain/analysis/release-rule.ts): response ids, fingerprints, groups; no answers. */
	basis_json: string;
}

/** The Secretariat's texts of an edition's Council report, one row per version (migrations/2026-12-01T1300-report-secretariat-text.ts). */
export interface ReportSecretariatTextTable {
	id: string;
	edition_id: string;
	version: number;
	texts_json: string;
	states_json: string;
	document_date: string | null;
	original_language: string | null;
	created_by: string;
	created_at: string;
}

export interface AnalysisTables {
	report_secretariat_text: ReportSecretariatTextTable;
	analysis_release: AnalysisReleaseTable;
	analysis_publication: AnalysisPublicationTable;
	analysis_report: AnalysisReportTable;
	analysis_wave: AnalysisWaveTable;
	analysis_comment_theme: AnalysisCommentThemeTable;
	analysis_comment_tag: AnalysisCommentTagTable;
}

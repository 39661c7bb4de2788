/** One finding of a questionnaire check: shared by the checks of every area (survey, mail), in its own module so they need not import each other. */
export interface Finding {
	severity: 'error' | 'warning';
	rule: string;
	message: string;
	path?: string;
}

import { InvalidInputError } from '../../domain/errors.ts';
import type { JsonObject } from '../../domain/authoring/json-text.ts';
import type { TranslationFormat } from '../translation/files.ts';

/** An uploaded questionnaire: parsed and linted; any error refuses it whole. */
async function checkQuestionnaireUpload(text: string): Promise<JsonObject> {
	const [{ parseQuestionnaireText }, { describeFinding, errorsOf, lintDraft }] = await Promise.all([
		import('../../domain/authoring/json-text.ts'),
		import('../../domain/authoring/lint.ts')
	]);
	const json = parseQuestionnaireText(text);
	const errors = errorsOf(lintDraft(json, null));
	if (errors.length > 0)
		throw new InvalidInputError(`The file has ${errors.length} error(s); nothing was stored.`, errors.map(describeFinding), 'questionnaire_lint');
	return json;
}

/**
 * Every parse of an uploaded file, run in the import worker (run-import.ts): from
 * bytes to plain data, which is all that crosses back to the server's thread. Each
 * task loads its parsers when first used (exceljs alone takes a second to load).
 */
const TASKS = {
	registry: async (input: { fileName: string; bytes: Uint8Array }) =>
		(await import('../distribution/registry/file.ts')).readRegistryFile(input.fileName, input.bytes),
	translationFile: async (input: { format: TranslationFormat; bytes: Uint8Array }) =>
		(await import('../translation/parse-file.ts')).parseTranslationFile(input.format, input.bytes),
	wave: async (input: { fileName: string; bytes: Uint8Array }) => (await import('../analysis/waves/wave-file.ts')).readWaveFile(input.fileName, input.bytes),
	questionnaire: (input: { text: string }) => checkQuestionnaireUpload(input.text)
};

export type ImportTasks = typeof TASKS;
export type ImportTask = keyof ImportTasks;

export async function runTask(task: string, input: unknown): Promise<unknown> {
	if (!Object.hasOwn(TASKS, task)) throw new Error(`no import task "${task}"`);
	return TASKS[task as ImportTask](input as never);
}

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Model, type QuestionMatrixDropdownModel } from 'survey-core';
import { checkQuestionnaire } from '../definition.ts';
import { getModel, loadAnswers } from '../model-cache.ts';
import { parsePageAnswers } from '../page-form.ts';
import { buildPageView } from '../page-view.ts';
import { InvalidInputError } from '../../errors.ts';

/** Issue 18, item 3: dropdown-matrix cells of every common type, posted as a form and stored as survey-core stores them. */
const text = readFileSync('tests/fixtures/surveyjs-matrix-cells.json', 'utf8');
const json = JSON.parse(text);

describe('dropdown matrix cells', () => {
	it('imports rating, checkbox, radiogroup, boolean, dropdown and text cells', () => {
		expect(() => checkQuestionnaire(text)).not.toThrow();
	});

	it('draws each column with its own choices', () => {
		const view = buildPageView(loadAnswers(getModel('cells', json, 'en'), {}), 0);
		const q = view.questions[0]!;
		if (q.kind !== 'matrixdropdown') throw new Error(q.kind);
		expect(q.columns.map((c) => [c.name, c.cellType, c.choices.map((x) => x.value)])).toEqual([
			['score', 'rating', ['1', '2', '3', '4', '5']],
			['uses', 'checkbox', ['mail', 'files', 'chat']],
			['often', 'radiogroup', ['daily', 'weekly']],
			['paid', 'boolean', ['true', 'false']],
			['vendor', 'dropdown', ['local', 'foreign']],
			['note', 'text', []]
		]);
	});

	it('stores the posted cells as survey-core stores the same cell values', () => {
		const model = loadAnswers(getModel('cells', json, 'en'), {});
		const answers = parsePageAnswers(model, 0, [
			['tools::office::score', '4'],
			['tools::office::uses', 'mail'],
			['tools::office::uses', 'chat'],
			['tools::office::often', 'daily'],
			['tools::office::paid', 'false'],
			['tools::erp::vendor', 'local'],
			['tools::erp::note', 'yearly audit']
		]);
		const reference = new Model(json);
		const matrix = reference.getQuestionByName('tools') as QuestionMatrixDropdownModel;
		const [office, erp] = matrix.visibleRows;
		office!.getQuestionByColumnName('score').value = 4;
		office!.getQuestionByColumnName('uses').value = ['mail', 'chat'];
		office!.getQuestionByColumnName('often').value = 'daily';
		office!.getQuestionByColumnName('paid').value = false;
		erp!.getQuestionByColumnName('vendor').value = 'local';
		erp!.getQuestionByColumnName('note').value = 'yearly audit';
		expect(answers).toEqual(reference.data);
	});

	it('refuses a value outside a cell’s choices', () => {
		const model = loadAnswers(getModel('cells', json, 'en'), {});
		expect(() => parsePageAnswers(model, 0, [['tools::office::score', '9']])).toThrow(InvalidInputError);
		expect(() => parsePageAnswers(model, 0, [['tools::office::paid', 'maybe']])).toThrow(InvalidInputError);
	});
});

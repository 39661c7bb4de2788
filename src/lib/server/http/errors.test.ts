import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { ConflictError, DomainError, ForbiddenError, InvalidInputError, NotFoundError } from '../../domain/errors.ts';
import { edgeFailure, errorFrom, failFrom, jsonFrom } from './errors.ts';

describe('the one mapping from domain errors to HTTP', () => {
	it.each([
		[new InvalidInputError('bad row', ['row 2: no code']), 400, 'The request could not be accepted as sent.', 'تعذّر قبول الطلب كما أُرسل.'],
		[new ForbiddenError('not yours', 'not_yours'), 403, 'Your role does not allow this action.', 'لا يسمح لك دورك بهذا الإجراء.'],
		[new NotFoundError('no such questionnaire'), 404, 'What you asked for was not found.', 'لم يُعثر على ما طلبته.'],
		[
			new ConflictError('the edition closed', 'edition_closed'),
			409,
			'This changed in the meantime; reload the page and try again.',
			'تغيّر هذا في أثناء ذلك؛ أعد تحميل الصفحة وحاول مرة أخرى.'
		]
	])('%s → its status and a title in English and Arabic', (e, status, en, ar) => {
		expect(edgeFailure(e, 'en')).toMatchObject({ status, code: e.code, message: e.message, title: en });
		expect(edgeFailure(e, 'ar')).toMatchObject({ status, code: e.code, message: e.message, title: ar });
	});

	it("translates the codes that have a text, and keeps the service's words for the others", () => {
		const wrong = new InvalidInputError('wrong password', [], 'wrong_password');
		expect(edgeFailure(wrong, 'en').message).toBe('The current password is not correct.');
		expect(edgeFailure(wrong, 'ar').message).not.toBe('The current password is not correct.');
		expect(edgeFailure(wrong, 'ar').message).toMatch(/[\u0600-\u06FF]/);
		expect(edgeFailure(new ForbiddenError(), 'ar').message).toMatch(/[\u0600-\u06FF]/);
		// A refusal that says why keeps its reason (the translation gate's override is the administrator's).
		expect(edgeFailure(new ForbiddenError('only an administrator may open'), 'en').message).toBe('only an administrator may open');
	});

	it('keeps the details of an invalid input, and maps a subclass as its parent', () => {
		expect(edgeFailure(new InvalidInputError('bad file', ['row 2', 'row 3'])).details).toEqual(['row 2', 'row 3']);
		class Refused extends ConflictError {}
		expect(edgeFailure(new Refused('refused')).status).toBe(409);
		expect(edgeFailure(new DomainError('odd', 'odd')).status).toBe(409);
	});

	it('rethrows what is not a domain error (a bug stays a 500)', () => {
		const bug = new TypeError('x is undefined');
		expect(() => edgeFailure(bug)).toThrow(bug);
		expect(() => failFrom(bug)).toThrow(bug);
		expect(() => errorFrom(bug)).toThrow(bug);
	});

	it('gives an action failure, an error page and a JSON answer with the same status', async () => {
		const e = new NotFoundError('no such entity');
		const failure = failFrom(e, { form: 'update' });
		expect(failure.status).toBe(404);
		expect(failure.data).toMatchObject({ message: 'no such entity', code: 'not_found', form: 'update', details: [] });
		try {
			errorFrom(e);
			expect.unreachable();
		} catch (thrown) {
			expect(isHttpError(thrown, 404) && thrown.body).toEqual({ message: 'no such entity', code: 'not_found' });
		}
		const res = jsonFrom(new InvalidInputError('no', [], 'malformed_form'));
		expect(res.status).toBe(400);
		expect(await res.json()).toEqual({ ok: false, code: 'malformed_form', message: 'no' });
	});

	it('keeps the status a page has always answered its refusals with, but never hides a 403', () => {
		expect(failFrom(new NotFoundError('no such open answer'), {}, { refusal: 400 }).status).toBe(400);
		expect(failFrom(new ConflictError('already there'), {}, { refusal: 400 }).data).toMatchObject({ message: 'already there', code: 'conflict' });
		expect(failFrom(new ForbiddenError('raw data only'), {}, { refusal: 400 }).status).toBe(403);
	});
});

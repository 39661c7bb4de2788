import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { field, parseForm } from './form.ts';

function formOf(entries: [string, string | File][]): FormData {
	const form = new FormData();
	for (const [k, v] of entries) form.append(k, v);
	return form;
}

const schema = z.object({
	name: field.trimmed(z.string().min(1, 'Give a name.')),
	email: field.trimmed(z.email('Not an e-mail address.')),
	sectors: field.list(),
	notify: field.checkbox(),
	note: field.optional()
});

describe('parseForm', () => {
	it('gives typed data: trimmed text, every value of a repeated name, a checkbox, an absent optional field', async () => {
		const parsed = await parseForm(
			formOf([
				['name', '  ITU  '],
				['email', 'a@b.org'],
				['sectors', 'R'],
				['sectors', 'T'],
				['notify', 'on']
			]),
			schema
		);
		expect(parsed.ok && parsed.data).toEqual({ name: 'ITU', email: 'a@b.org', sectors: ['R', 'T'], notify: true, note: undefined });
	});

	it('reads a missing text field as empty, as a form post does', async () => {
		const parsed = await parseForm(formOf([]), z.object({ slug: field.text() }));
		expect(parsed.ok && parsed.data).toEqual({ slug: '' });
	});

	it('refuses a bad field with 422 and its message, and returns what was typed (nothing lost)', async () => {
		const parsed = await parseForm(
			formOf([
				['name', 'ITU'],
				['email', 'not-an-address'],
				['sectors', 'R'],
				['sectors', 'D'],
				['note', 'keep me']
			]),
			schema,
			{ extra: { form: 'contact' } }
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(422);
		expect(parsed.failure.data).toMatchObject({
			code: 'invalid_form',
			message: 'Not an e-mail address.',
			fields: { email: 'Not an e-mail address.' },
			input: { name: 'ITU', email: 'not-an-address', sectors: 'R\nD', note: 'keep me' },
			form: 'contact'
		});
	});

	it('says "some fields" when several fail, each with its own message', async () => {
		const parsed = await parseForm(
			formOf([
				['name', ' '],
				['email', 'x']
			]),
			schema,
			{ status: 400, code: 'invalid_edit' }
		);
		expect(!parsed.ok && parsed.failure.status).toBe(400);
		expect(!parsed.ok && parsed.failure.data).toMatchObject({
			code: 'invalid_edit',
			message: 'Some fields need correcting; what you entered is kept below.',
			fields: { name: 'Give a name.', email: 'Not an e-mail address.' }
		});
	});

	it('refuses an unreadable body with 400, and one over the size limit with 413', async () => {
		const broken = new Request('http://x/', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nbroken' });
		const parsed = await parseForm(broken, schema);
		expect(!parsed.ok && parsed.failure.status).toBe(400);
		expect(!parsed.ok && parsed.failure.data.code).toBe('malformed_form');
		const tooLarge = { formData: () => Promise.reject(Object.assign(new Error('too large'), { status: 413 })) } as unknown as Request;
		const big = await parseForm(tooLarge, schema);
		expect(!big.ok && big.failure.status).toBe(413);
		expect(!big.ok && big.failure.data.message).toContain('larger than the server accepts');
	});

	it('takes an uploaded file, and none when the browser sends an empty one', async () => {
		const upload = z.object({ file: field.file() });
		const some = await parseForm(formOf([['file', new File(['a;b'], 'r.csv')]]), upload);
		expect(some.ok && some.data.file?.name).toBe('r.csv');
		const none = await parseForm(formOf([['file', new File([], '')]]), upload);
		expect(none.ok && none.data.file).toBeNull();
	});
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { TestDb } from '../helpers/db.ts';
import { bootstrappedDb } from '../helpers/bootstrapped-db.ts';
import { insertSyntheticResponses } from '../../src/lib/server/analysis/demo.ts';
import { persistFiles, type StagedFile } from '../../src/lib/server/respondent/uploads.ts';
import { downloadResponseFile } from '../../src/lib/server/analysis/exports/response-files.ts';
import { CLI_DOWNLOADER } from '../../src/lib/server/access/audit/download-audit.ts';
import { InvalidInputError, NotFoundError } from '../../src/lib/domain/errors.ts';

/**
 * Issue 18 item 3: uploaded files in response_file (bytes as blob/bytea), written in the
 * page save's transaction, checked against the response, deleted when no answer refers to
 * them or when the response goes. Runs on SQLite and, with TEST_DB=postgres, PostgreSQL.
 */
let t: TestDb;
let responseId: string;
const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 255, 1, 254]);
const staged = (id: string): StagedFile => ({ id, question: 'report', name: 'logo.png', type: 'image/png', bytes });
const answer = (id: string, name = 'logo.png') => ({ report: [{ name, type: 'image/png', content: `rps-file:${id}`, size: bytes.byteLength }] });
const rows = () => t.db.selectFrom('response_file').selectAll().where('response_id', '=', responseId).execute();

beforeAll(async () => {
	t = await bootstrappedDb();
	await insertSyntheticResponses(t.db, 'rp-2026', 3, 5);
	responseId = (await t.db.selectFrom('response').select('id').executeTakeFirstOrThrow()).id;
});
afterAll(async () => {
	await t.close();
});

describe('response files', () => {
	it('stores the bytes, name, sniffed type, size and SHA-256 in the save transaction, with the stored name in the answer', async () => {
		const saved = await t.db
			.transaction()
			.execute((trx) => persistFiles(trx, responseId, answer('file0001aa', 'forged.exe'), new Map([['file0001aa', staged('file0001aa')]])));
		// The answer names the file as it was stored, whatever the post said.
		expect(saved).toEqual(answer('file0001aa'));
		const [row] = await rows();
		expect(row).toMatchObject({
			id: 'file0001aa',
			question: 'report',
			name: 'logo.png',
			type: 'image/png',
			sha256: createHash('sha256').update(bytes).digest('hex')
		});
		expect(Number(row!.size)).toBe(bytes.byteLength);
		expect(Buffer.from(row!.content).equals(Buffer.from(bytes))).toBe(true);
		const download = await downloadResponseFile(t.db, 'rp-2026', 'file0001aa', CLI_DOWNLOADER);
		expect(download).toMatchObject({ name: 'logo.png', contentType: 'image/png' });
		expect(Buffer.from(download.bytes).equals(Buffer.from(bytes))).toBe(true);
		await expect(downloadResponseFile(t.db, 'no-such-edition', 'file0001aa', CLI_DOWNLOADER)).rejects.toThrow(NotFoundError);
	});

	it('writes nothing when the transaction fails after it (crash safety)', async () => {
		await expect(
			t.db.transaction().execute(async (trx) => {
				await persistFiles(trx, responseId, { ...answer('file0001aa'), other: answer('file0002bb').report }, new Map([['file0002bb', staged('file0002bb')]]));
				throw new Error('crash before commit');
			})
		).rejects.toThrow('crash before commit');
		expect((await rows()).map((r) => r.id)).toEqual(['file0001aa']);
	});

	it('refuses a reference to a file that is not this response’s', async () => {
		await expect(t.db.transaction().execute((trx) => persistFiles(trx, responseId, answer('someoneelse1'), new Map()))).rejects.toThrow(InvalidInputError);
		expect((await rows()).map((r) => r.id)).toEqual(['file0001aa']);
	});

	it('deletes a file no answer refers to any more, and every file of a deleted response', async () => {
		await t.db.transaction().execute((trx) => persistFiles(trx, responseId, { report: undefined }, new Map()));
		expect(await rows()).toEqual([]);
		await t.db.transaction().execute((trx) => persistFiles(trx, responseId, answer('file0003cc'), new Map([['file0003cc', staged('file0003cc')]])));
		expect(await rows()).toHaveLength(1);
		await t.db.deleteFrom('response').where('id', '=', responseId).execute();
		expect(await rows()).toEqual([]);
	});
});

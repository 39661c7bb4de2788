import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSmtp, type TestSmtp } from '../helpers/smtp.ts';

let dir: string;
let smtp: TestSmtp;
beforeEach(async () => {
	dir = mkdtempSync(join(tmpdir(), 'rps-cli-'));
	smtp = await startSmtp();
});
afterEach(async () => {
	await smtp.close();
	rmSync(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		execFile(
			process.execPath,
			['src/cli/main.ts', ...args],
			{ env: { ...process.env, DATABASE_URL: join(dir, 'survey.db'), DEMO: '0', PUBLIC_URL: 'http://survey.test', MAIL_RATE_PER_MINUTE: '60000', ...env } },
			(error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr })
		);
	});
}

const LANGS = ['ar', 'zh', 'en', 'fr', 'ru', 'es'];
const COUNTRIES = ['EGY', 'CHN', 'GBR', 'SEN', 'RUS', 'MEX'];

describe('the distribution command line', () => {
	it("imports 1,200 entities, invites them in six languages through SMTP, and reminds one region's non-responders", async () => {
		const lines = ['code,kind,name,country,sectors,language,contact_name,contact_email'];
		for (let i = 1; i <= 1200; i++) lines.push(`SM-${i},sector_member,Company ${i},${COUNTRIES[i % 6]},ITU-T,${LANGS[i % 6]},Focal ${i},focal${i}@example.org`);
		writeFileSync(join(dir, 'registry.csv'), lines.join('\n'));
		writeFileSync(join(dir, 'bad.csv'), 'code,kind,name,country,contact_email\nSM-X,sector_member,X,ZZZ,x@example.org\n');

		const bad = await cli(['registry:import', join(dir, 'bad.csv')]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('row 2: unknown country "ZZZ"');
		const imported = await cli(['registry:import', join(dir, 'registry.csv')]);
		expect(imported.stdout).toContain('1200 inserted, 0 updated, 1200 contacts');

		expect((await cli(['edition:create', '--questionnaire', 'surveys/regional-presence-2026.json', '--slug', 'rp-test'])).code).toBe(0);
		const queuedOnly = await cli(['invite', '--edition', 'rp-test', '--all', '--send']);
		expect(queuedOnly.stderr).toBe('');
		expect(queuedOnly.stdout).toMatch(/1200 message\(s\) queued/);
		expect(queuedOnly.stdout).toContain('SMTP_URL is not set here');
		expect(smtp.received).toHaveLength(0);

		const sent = await cli(['invite', '--edition', 'rp-test', '--all', '--send'], { SMTP_URL: smtp.url });
		expect(sent.stdout).toMatch(/0 message\(s\) queued/); // nothing queued twice
		expect(sent.stdout).toContain('sent 1200, failed 0; still queued 0');
		expect(sent.stderr).toContain('sent 1200');
		expect(smtp.received).toHaveLength(1200);
		for (const [i, lang] of LANGS.entries())
			expect(smtp.received.find((m) => m.to === `focal${i === 0 ? 6 : i}@example.org`)!.html).toContain(`lang="${lang}"`);

		const reminded = await cli(['remind', '--edition', 'rp-test', '--region', 'ARB', '--send'], { SMTP_URL: smtp.url });
		expect(reminded.stdout).toContain('200 message(s) queued');
		expect(smtp.received).toHaveLength(1400);
		expect((await cli(['outbox', '--edition', 'rp-test'])).stdout).toContain('queued 0 (retrying 0), sent 1400, failed 0');
	}, 120_000);
});

import { afterAll, beforeAll, describe } from 'vitest';
import type { Locale } from '../../src/lib/domain/locales.ts';
import { councilFixture, type CouncilFixture } from '../helpers/council-document.ts';
import { structureTests } from './council-document/structure.ts';
import { secretariatTextTests } from './council-document/secretariat-texts.ts';
import { pdfLayoutTests } from './council-document/pdf-layout.ts';
import { defectTests } from './council-document/defects.ts';

/**
 * The Council report as a Council document (issue 15 items 1, 2, 6, 7, 8): generated in English, Arabic
 * and Chinese from 300 synthetic responses to the 2026 questionnaire, checked in its XML, then laid out
 * by LibreOffice for the page count, the contents' page numbers and split words; pages of each go to
 * test-results/ for a reviewer. One setup (it takes most of the time) for the three concerns, each in its file.
 */
const SETUP_TIMEOUT_MS = 600_000;
// COUNCIL_REPORT_LANGS=en,ar,zh,fr,ru,es lays out the other languages too, for a reviewer (the issue asks for en, ar, zh).
const LANGS = (process.env.COUNCIL_REPORT_LANGS?.split(',') ?? ['en', 'ar', 'zh']) as Locale[];
let fixture: CouncilFixture | undefined;
const f = () => fixture!;

beforeAll(async () => {
	// 400 entities, 300 responses, a release and three documents: minutes on a shared, busy machine.
	fixture = await councilFixture(LANGS);
}, SETUP_TIMEOUT_MS);
afterAll(async () => {
	await fixture?.t.close();
});

describe('the Council report as a Council document', () => {
	structureTests(f, LANGS);
	secretariatTextTests(f);
	defectTests(f, LANGS);
	pdfLayoutTests(f, LANGS);
});

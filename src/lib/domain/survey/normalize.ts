import type { Finding } from './finding.ts';
import { isObject, walkAllElements, type JsonObject } from './walk.ts';

/**
 * What SurveyJS accepts and we store explicitly, done once at import (issue 18, item 2):
 * questions at the top level (`elements` or `questions` without `pages`) run in
 * survey-core as one page, so they are wrapped in one; an element or page without a
 * name gets one as SurveyJS Creator gives it (question1, panel1, page1: the prefix and
 * the next number no other name uses), because a name is the key of its answer.
 * Each change is a warning, so the author sees what was done. Works on a copy.
 */
export function normalizeQuestionnaire(input: JsonObject): { json: JsonObject; findings: Finding[] } {
	const json = structuredClone(input);
	const findings: Finding[] = [];
	const topLevel = Array.isArray(json.elements) ? 'elements' : Array.isArray(json.questions) ? 'questions' : null;
	if (topLevel && !Array.isArray(json.pages)) {
		json.pages = [{ name: 'page1', elements: json[topLevel] }];
		delete json[topLevel];
		findings.push({
			severity: 'warning',
			rule: 'survey/top-level-elements',
			path: topLevel,
			message: `The questions at the top level ("${topLevel}") were put in one page, as survey-core runs them.`
		});
	}
	const taken = new Set<string>();
	const walked = [...walkAllElements(json)];
	for (const { element } of walked) if (typeof element.name === 'string' && element.name !== '') taken.add(element.name);
	const pages = Array.isArray(json.pages) ? json.pages.filter(isObject) : [];
	for (const page of pages) if (typeof page.name === 'string' && page.name !== '') taken.add(page.name);
	const next = (prefix: string) => {
		let n = 1;
		while (taken.has(`${prefix}${n}`)) n++;
		taken.add(`${prefix}${n}`);
		return `${prefix}${n}`;
	};
	for (const page of pages) if (page.name === undefined || page.name === '') page.name = next('page');
	for (const { element, path } of walked) {
		if (element.name !== undefined && element.name !== '') continue;
		const prefix = element.type === 'panel' || element.type === 'paneldynamic' ? 'panel' : 'question';
		element.name = next(prefix);
		findings.push({
			severity: 'warning',
			rule: 'name/generated',
			path,
			message: `An element without a name was named "${String(element.name)}", as SurveyJS Creator names it; its answers are stored under that name.`
		});
	}
	pageMode(json, pages, next, findings);
	return { json, findings };
}

/** Page properties a page's elements keep when survey-core shows them in another arrangement. */
const PAGE_KEEPS = ['title', 'description', 'visibleIf', 'enableIf', 'readOnly', 'navigationTitle', 'navigationDescription'];

/**
 * `questionsOnPageMode` as survey-core runs it, made explicit pages (the server draws pages):
 * "questionPerPage" shows each visible top-level element of each page alone (survey-core's
 * getSingleElements: panels stay whole), under its page's title and conditions, so each becomes a
 * page of its own; "singlePage" shows every page as a panel of one page, as survey-core builds it.
 * A page's random questionsOrder cannot survive one element per page: the authored order is kept.
 */
function pageMode(json: JsonObject, pages: JsonObject[], next: (prefix: string) => string, findings: Finding[]): void {
	const mode = json.questionsOnPageMode;
	if (mode !== 'questionPerPage' && mode !== 'singlePage') return;
	const kept = (page: JsonObject) => Object.fromEntries(PAGE_KEEPS.filter((k) => page[k] !== undefined).map((k) => [k, page[k]]));
	const elements = (page: JsonObject) => (Array.isArray(page.elements) ? page.elements : []);
	if (mode === 'questionPerPage')
		json.pages = pages.flatMap((page) =>
			elements(page).map((element, i) => ({ ...kept(page), name: i === 0 ? page.name : next(`${String(page.name)}-`), elements: [element] }))
		);
	else json.pages = [{ name: next('page'), elements: pages.map((page) => ({ type: 'panel', ...kept(page), name: page.name, elements: elements(page) })) }];
	delete json.questionsOnPageMode;
	findings.push({
		severity: 'warning',
		rule: 'survey/questions-on-page-mode',
		path: 'questionsOnPageMode',
		message:
			mode === 'questionPerPage'
				? 'questionsOnPageMode "questionPerPage": each question (or panel) was put on a page of its own, under its page\'s title and conditions, as survey-core shows them (a random question order becomes the authored one).'
				: 'questionsOnPageMode "singlePage": the pages were put on one page, each as a panel, as survey-core shows them.'
	});
}

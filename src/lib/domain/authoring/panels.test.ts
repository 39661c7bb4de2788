import { describe, expect, it } from 'vitest';
import { addPanel, moveElement, moveElementTo, moveTargets, updatePage, updatePanel } from './panels.ts';
import { removeElement } from './operations.ts';
import { lintDraft, errorsOf } from './lint.ts';
import { outline } from './question-form.ts';
import { InvalidInputError, NotFoundError } from '../errors.ts';
import type { JsonObject } from './json-text.ts';

const q = (name: string, extra: JsonObject = {}) => ({ type: 'text', name, title: name.toUpperCase(), ...extra });
/** p1: a, box[x, y], b; p2: c */
const withPanel = (): JsonObject => ({
	title: 'T',
	pages: [
		{ name: 'p1', elements: [q('a'), { type: 'panel', name: 'box', title: 'Box', elements: [q('x'), q('y')] }, q('b')] },
		{ name: 'p2', elements: [q('c', { visibleIf: '{box} notempty and {x} = 1' })] }
	]
});
/** Reading order with each element's container, e.g. "p1:a p1/box:x". */
const order = (json: JsonObject) =>
	outline(json)
		.flatMap((p) => p.elements.map((e) => `${p.name}${e.depth ? '/box' : ''}:${e.name}`))
		.join(' ');

describe('panels', () => {
	it('adds an empty panel at the end of a page, which lints clean', () => {
		const next = addPanel(withPanel(), { pageIndex: 1, name: 'more', title: 'More' });
		expect((next.pages as JsonObject[])[1]!.elements).toEqual([
			expect.objectContaining({ name: 'c' }),
			{ type: 'panel', name: 'more', title: 'More', elements: [] }
		]);
		expect(errorsOf(lintDraft(next, null))).toEqual([]);
		expect(() => addPanel(withPanel(), { pageIndex: 0, name: 'x', title: '' })).toThrow(/already used/);
		expect(() => addPanel(withPanel(), { pageIndex: 5, name: 'z', title: '' })).toThrow(NotFoundError);
		expect(() => addPanel(withPanel(), { pageIndex: 0, name: 'bad name', title: '' })).toThrow(InvalidInputError);
	});

	it('edits a panel and rewrites the references on a rename', () => {
		const next = updatePanel(withPanel(), 'box', { name: 'group', title: 'Group', description: 'About', visibleIf: '{a} notempty' });
		const panel = (next.pages as JsonObject[])[0]!.elements as JsonObject[];
		expect(panel[1]).toMatchObject({ name: 'group', title: 'Group', description: 'About', visibleIf: '{a} notempty' });
		expect(((next.pages as JsonObject[])[1]!.elements as JsonObject[])[0]!.visibleIf).toBe('{group} notempty and {x} = 1');
		expect(() => updatePanel(withPanel(), 'a', { name: 'a', title: '' })).toThrow(/no panel/);
		expect(() => updatePanel(withPanel(), 'box', { name: 'b', title: '' })).toThrow(/already used/);
	});

	it('keeps the other languages of a panel or page text', () => {
		const json = withPanel();
		((json.pages as JsonObject[])[0]!.elements as JsonObject[])[1]!.title = { default: 'Box', fr: 'Boîte' };
		expect(((updatePanel(json, 'box', { name: 'box', title: 'Crate' }).pages as JsonObject[])[0]!.elements as JsonObject[])[1]!.title).toEqual({
			default: 'Crate',
			fr: 'Boîte'
		});
		const page = (updatePage(withPanel(), 1, { title: 'Second', description: '' }).pages as JsonObject[])[1]!;
		expect(page.title).toBe('Second');
		expect(page).not.toHaveProperty('description');
		expect(() => updatePage(withPanel(), 9, { title: 'x', description: '' })).toThrow(NotFoundError);
	});

	it('removes a panel only when it is empty', () => {
		expect(() => removeElement(withPanel(), 'box')).toThrow(/still has questions/);
		let json = moveElementTo(withPanel(), 'x', 'page:0');
		json = moveElementTo(json, 'y', 'page:0');
		expect(order(removeElement(json, 'box'))).toBe('p1:a p1:b p1:x p1:y p2:c');
	});
});

describe('moving through panels with ↑/↓', () => {
	it('steps into a panel from either side and out at its edges', () => {
		expect(order(withPanel())).toBe('p1:a p1:box p1/box:x p1/box:y p1:b p2:c');
		expect(order(moveElement(withPanel(), 'a', 'down'))).toBe('p1:box p1/box:a p1/box:x p1/box:y p1:b p2:c');
		expect(order(moveElement(withPanel(), 'b', 'up'))).toBe('p1:a p1:box p1/box:x p1/box:y p1/box:b p2:c');
		expect(order(moveElement(withPanel(), 'x', 'up'))).toBe('p1:a p1:x p1:box p1/box:y p1:b p2:c');
		expect(order(moveElement(withPanel(), 'y', 'down'))).toBe('p1:a p1:box p1/box:x p1:y p1:b p2:c');
		expect(order(moveElement(withPanel(), 'x', 'down'))).toBe('p1:a p1:box p1/box:y p1/box:x p1:b p2:c');
	});

	it('swaps a panel with its neighbours as a whole', () => {
		const next = moveElement(withPanel(), 'box', 'up');
		expect(((next.pages as JsonObject[])[0]!.elements as JsonObject[]).map((e) => e.name)).toEqual(['box', 'a', 'b']);
	});

	it('still crosses pages at a page edge', () => {
		expect(order(moveElement(withPanel(), 'c', 'up'))).toBe('p1:a p1:box p1/box:x p1/box:y p1:b p1:c');
		expect(() => moveElement(withPanel(), 'a', 'up')).toThrow(/cannot move/);
	});
});

describe('move to', () => {
	it('lists every page and panel, and moves to the end of one', () => {
		expect(moveTargets(withPanel()).map((t) => t.value)).toEqual(['page:0', 'page:1', 'panel:box']);
		expect(order(moveElementTo(withPanel(), 'c', 'panel:box'))).toBe('p1:a p1:box p1/box:x p1/box:y p1/box:c p1:b');
		expect(order(moveElementTo(withPanel(), 'x', 'page:1'))).toBe('p1:a p1:box p1/box:y p1:b p2:c p2:x');
	});

	it('refuses a panel into itself, an unknown target and a question as target', () => {
		expect(() => moveElementTo(withPanel(), 'box', 'panel:box')).toThrow(/into itself/);
		expect(() => moveElementTo(withPanel(), 'a', 'panel:nope')).toThrow(NotFoundError);
		expect(() => moveElementTo(withPanel(), 'a', 'panel:b')).toThrow(/no panel/);
		expect(() => moveElementTo(withPanel(), 'a', 'elsewhere')).toThrow(InvalidInputError);
		expect(() => moveElementTo(withPanel(), 'zz', 'page:0')).toThrow(NotFoundError);
	});
});

/**
 * Keyboard moves in the translation workbench (an enhancement: without JavaScript the
 * "save and next" button does the same). Alt+ArrowDown / Alt+ArrowUp go to the next or
 * previous string's translation; Ctrl+Enter (⌘+Enter) saves and moves on.
 */
function rowTextareas(from: Element): HTMLTextAreaElement[] {
	const table = from.closest('table');
	return table ? [...table.querySelectorAll<HTMLTextAreaElement>('tbody textarea')] : [];
}

export function moveFocus(event: KeyboardEvent): void {
	const target = event.target;
	if (!(target instanceof HTMLTextAreaElement)) return;
	if (event.altKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
		const all = rowTextareas(target);
		const next = all[all.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)];
		if (next) {
			event.preventDefault();
			next.focus();
			next.closest('tr')?.scrollIntoView({ block: 'nearest' });
		}
		return;
	}
	if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') {
		event.preventDefault();
		const form = target.form;
		const button = form?.querySelector<HTMLButtonElement>('button.save-next') ?? form?.querySelector<HTMLButtonElement>('button[type="submit"]');
		if (form && button) form.requestSubmit(button);
	}
}

/** After "save and next" the page is at #s-<key>: put the cursor in that string's translation. */
export function focusFromHash(doc: Document): void {
	const hash = doc.location.hash;
	if (!hash.startsWith('#s-')) return;
	const row = doc.getElementById(decodeURIComponent(hash.slice(1)));
	const area = row?.querySelector('textarea');
	if (area) {
		area.focus({ preventScroll: true });
		row!.scrollIntoView({ block: 'center' });
	}
}

/**
 * Svelte 5 writes every `value={…}` into its control when the page hydrates, so what a
 * person typed or chose while the script was still loading (a slow connection, a busy
 * machine) is wiped, and a required field emptied that way silently blocks the form
 * (sveltejs/svelte#1755, sveltejs/kit#8895). The root layout calls `noteTypedBeforeHydration`
 * at the top of its script, which runs before any control hydrates, and calls the returned
 * function once hydration is done (onMount): each control the person changed gets its value
 * back, and an input/change event tells the page as if it had been typed then.
 */

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

interface Typed {
	control: Control;
	value: string;
	checked: boolean;
	selected: boolean[];
}

/** Whether the person changed the control from what the server rendered. */
function changed(control: Control): boolean {
	if (control instanceof HTMLSelectElement) return [...control.options].some((o) => o.selected !== o.defaultSelected);
	if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return control.checked !== control.defaultChecked;
	if (control instanceof HTMLInputElement && (control.type === 'file' || control.type === 'hidden')) return false;
	return control.value !== control.defaultValue;
}

let hydrated = false;

export function noteTypedBeforeHydration(): () => void {
	// Only the first render hydrates server HTML; later navigations render fresh controls.
	if (hydrated || typeof document === 'undefined') return () => {};
	hydrated = true;
	const typed: Typed[] = [...document.querySelectorAll<Control>('input, textarea, select')].filter(changed).map((control) => ({
		control,
		value: control.value,
		checked: control instanceof HTMLInputElement && control.checked,
		selected: control instanceof HTMLSelectElement ? [...control.options].map((o) => o.selected) : []
	}));
	return () => {
		for (const { control, value, checked, selected } of typed) {
			if (!control.isConnected) continue;
			if (control instanceof HTMLSelectElement) [...control.options].forEach((o, i) => (o.selected = selected[i] ?? o.selected));
			else if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) control.checked = checked;
			else control.value = value;
			control.dispatchEvent(new Event('input', { bubbles: true }));
			control.dispatchEvent(new Event('change', { bubbles: true }));
		}
	};
}

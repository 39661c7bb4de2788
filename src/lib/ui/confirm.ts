/**
 * The confirmation a destructive action's form carries (ConfirmAction.svelte): the
 * action refuses a post without it, so skipping the checkbox (an old form, a crafted
 * post) never destroys anything.
 */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRM_VALUE = 'yes';

export function isConfirmed(form: FormData): boolean {
	return form.get(CONFIRM_FIELD) === CONFIRM_VALUE;
}

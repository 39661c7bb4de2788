import { failFrom } from '$lib/server/http/errors';
import type { FormRefusal } from '$lib/server/http/form';

export { textFields } from '$lib/server/http/form';

/** An authoring page's refusal: the edge's shape, plus which form failed and what the author posted. */
export interface AuthorFailure extends Partial<FormRefusal> {
	message: string;
	code: string;
	details: string[];
	/** Which form failed, so the page shows the report beside it. */
	form: string;
	/** What the author posted, shown back so nothing typed is lost. */
	input?: Record<string, string>;
}

/** A domain error of the authoring services as a form failure (the one mapping, http/errors.ts); anything else is rethrown. */
export function authorFailure(e: unknown, form: string, input?: Record<string, string>) {
	return failFrom(e, { form, input });
}

import { InvalidInputError } from '../../domain/errors.ts';

/**
 * The form of a POST, or an `InvalidInputError` saying why it could not be read:
 * larger than BODY_SIZE_LIMIT (SvelteKit raises a 413 while reading), or cut short
 * or malformed (an upload interrupted half-way, a broken multipart body). Without
 * this an upload route would answer 500, or a misleading "choose a file".
 */
export async function readForm(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		if ((e as { status?: unknown }).status === 413) {
			throw new InvalidInputError('The upload is larger than the server accepts (BODY_SIZE_LIMIT); nothing was stored.', [], 'too_large');
		}
		throw new InvalidInputError(
			'The upload could not be read: it was interrupted or is malformed. Nothing was stored; please send it again.',
			[],
			'malformed_form'
		);
	}
}

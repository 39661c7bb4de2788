import { InvalidInputError } from '../errors.ts';

/**
 * Webhooks (issue 17 item 4, docs/webhooks.md): the events an endpoint may subscribe to,
 * and the rules an endpoint's URL must follow. Pure: the server area signs and sends.
 */
export const WEBHOOK_EVENTS = ['response.submitted', 'edition.state_changed', 'results.released'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];
/** Sent by "send test event" to one endpoint, whatever it subscribes to. */
export const TEST_EVENT = 'webhook.test';

export function isWebhookEvent(value: string): value is WebhookEvent {
	return (WEBHOOK_EVENTS as readonly string[]).includes(value);
}

/** The longest URL accepted (far beyond any real receiver's). */
const MAX_URL_LENGTH = 2000;

/**
 * An endpoint URL as stored: http or https, no user or password in it (the signature
 * authenticates us; credentials in a URL end up in logs), no fragment. With an allow-list
 * (WEBHOOK_ALLOWED_HOSTS), its host must be one of the listed names: the guard against an
 * administrator's account being used to make the server call internal addresses (SSRF).
 */
export function parseEndpointUrl(input: string, allowedHosts: readonly string[] | null): string {
	const text = input.trim();
	let url: URL;
	try {
		url = new URL(text);
	} catch {
		throw new InvalidInputError(`"${text.slice(0, 100)}" is not a URL`, [], 'webhook_url_invalid');
	}
	if (text.length > MAX_URL_LENGTH) throw new InvalidInputError('the URL is too long', [], 'webhook_url_invalid');
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new InvalidInputError('the URL must start with http:// or https://', [], 'webhook_url_scheme');
	if (url.username || url.password) throw new InvalidInputError('the URL must not hold a user name or password', [], 'webhook_url_invalid');
	if (allowedHosts && !allowedHosts.includes(url.hostname.toLowerCase()))
		throw new InvalidInputError(`the host ${url.hostname} is not in WEBHOOK_ALLOWED_HOSTS`, [], 'webhook_url_host');
	url.hash = '';
	return url.toString();
}

/** The subscribed events as chosen on the form: known ones only, at least one, sorted. */
export function parseEventList(values: readonly string[]): WebhookEvent[] {
	const unknown = values.filter((v) => !isWebhookEvent(v));
	if (unknown.length) throw new InvalidInputError(`unknown event: ${unknown.join(', ')}`, [], 'webhook_events');
	const events = [...new Set(values)].filter(isWebhookEvent).sort();
	if (!events.length) throw new InvalidInputError('choose at least one event', [], 'webhook_events');
	return events;
}

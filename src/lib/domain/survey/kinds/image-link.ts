import { isObject, walkAllElements, type JsonObject } from '../walk.ts';
import type { Finding } from '../finding.ts';

/**
 * Images a questionnaire brings (an image picker's choices, an image element) are drawn
 * as <img> from their `imageLink`. Only two kinds of address are let through: https
 * (the respondent's browser fetches it; CSP img-src allows https:) and a data URL of a
 * raster image. `javascript:`, `http:` and SVG data URLs (an SVG may carry script when
 * opened on its own) are refused at import, and never drawn if they reach the renderer.
 */
const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp)(;[a-z0-9=.+-]+)*,[a-z0-9+/=%._~-]*$/i;

export function isSafeImageLink(link: unknown): link is string {
	if (typeof link !== 'string') return false;
	const trimmed = link.trim();
	if (RASTER_DATA_URL.test(trimmed)) return true;
	try {
		return new URL(trimmed).protocol === 'https:';
	} catch {
		return false;
	}
}

/** A localisable link is a string or `{ "default": …, "fr": … }`: every language's address. */
function linksOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (isObject(value)) return Object.values(value).filter((v): v is string => typeof v === 'string');
	return [];
}

function describe(link: string): string {
	return link.length > 60 ? `${link.slice(0, 57)}…` : link;
}

/** Every unsafe imageLink of image pickers' choices and image elements, as import errors. */
export function imageLinkFindings(json: JsonObject): Finding[] {
	const findings: Finding[] = [];
	const check = (value: unknown, path: string, what: string) => {
		for (const link of linksOf(value)) {
			if (isSafeImageLink(link)) continue;
			findings.push({
				severity: 'error',
				rule: 'renderer/unsafe-image-link',
				path,
				message: `${what} has the image address "${describe(link)}": only https: addresses and data:image/png, jpeg, gif or webp URLs are drawn (never javascript:, http: or SVG data URLs).`
			});
		}
	};
	for (const { element, path } of walkAllElements(json)) {
		const name = String(element.name ?? '');
		if (element.type === 'image') check(element.imageLink, path, `"${name}"`);
		if (element.type === 'imagepicker' && Array.isArray(element.choices)) {
			for (const [i, choice] of element.choices.entries()) {
				if (isObject(choice)) check(choice.imageLink, `${path}.choices[${i}]`, `choice "${String(choice.value ?? i)}" of "${name}"`);
			}
		}
	}
	return findings;
}

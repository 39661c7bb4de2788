import sanitize from 'sanitize-html';

/**
 * Questionnaire authors may put HTML in `html` elements. Only this allowlist is
 * rendered: text formatting, lists, links and tables, never script, style,
 * event handlers or URLs other than http(s) and mailto.
 */
const OPTIONS: sanitize.IOptions = {
	allowedTags: [
		'p',
		'br',
		'strong',
		'b',
		'em',
		'i',
		'u',
		'ul',
		'ol',
		'li',
		'a',
		'h2',
		'h3',
		'h4',
		'table',
		'thead',
		'tbody',
		'tr',
		'th',
		'td',
		'span',
		'small',
		'abbr'
	],
	allowedAttributes: { a: ['href', 'lang', 'hreflang'], abbr: ['title'], '*': ['lang', 'dir'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	transformTags: {
		a: sanitize.simpleTransform('a', { rel: 'noopener noreferrer' })
	}
};

export function sanitizeHtml(html: string): string {
	return sanitize(html, OPTIONS);
}

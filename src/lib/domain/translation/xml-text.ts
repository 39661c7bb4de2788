import { XMLBuilder } from 'fast-xml-parser';

/**
 * The characters XML 1.0 allows (https://www.w3.org/TR/xml/#charsets): tab, line feed,
 * carriage return, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF. With the `u` flag a
 * lone surrogate (broken UTF-16) is one code point outside these ranges too.
 */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * A text as it survives XML: what we write into an XLIFF file, and what we compare an
 * imported file against. Word's manual line break (U+000B) and page break (U+000C)
 * become a line feed, so that words are not glued together; every other character XML
 * forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) is dropped; CRLF and CR become
 * a line feed, as any XML parser reads them. XLIFF 2.0's <cp hex="…"/> would keep them,
 * but XLIFF 1.2 has no such element and our importer reads plain text only
 * (docs/translation.md).
 */
export function xmlText(text: string): string {
	return text.replace(/\r\n?|[\v\f]/g, '\n').replace(NOT_XML_CHAR, '');
}

/**
 * Writes a document given as fast-xml-parser's object form (`@_` attributes, `#text`),
 * indented, every text and attribute escaped and passed through xmlText.
 */
export function buildXml(document: Record<string, unknown>): string {
	const builder = new XMLBuilder({
		ignoreAttributes: false,
		attributeNamePrefix: '@_',
		format: true,
		indentBy: '  ',
		suppressEmptyNode: false,
		tagValueProcessor: (_name: string, value: unknown) => xmlText(String(value)),
		attributeValueProcessor: (_name: string, value: unknown) => xmlText(String(value))
	});
	return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...document });
}

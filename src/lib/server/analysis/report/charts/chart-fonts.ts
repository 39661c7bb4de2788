import { GlobalFonts } from '@napi-rs/canvas';

/**
 * The fonts the server needs to draw chart labels in the six languages. Without a
 * CJK font Chinese labels come out as empty boxes; without an Arabic font Arabic is
 * drawn unjoined or as boxes. Checked at start (hooks.server.ts logs a warning naming
 * the Debian package to install) and by the chart tests; `.ci/run` installs them.
 */
export interface FontNeed {
	script: 'Latin' | 'Cyrillic' | 'Han' | 'Arabic';
	/** Debian package that provides it. */
	debianPackage: string;
	families: RegExp;
}

export const FONT_NEEDS: readonly FontNeed[] = [
	{ script: 'Latin', debianPackage: 'fonts-noto-core', families: /^(Noto Sans|DejaVu Sans|Liberation Sans)$/ },
	{ script: 'Cyrillic', debianPackage: 'fonts-noto-core', families: /^(Noto Sans|DejaVu Sans|Liberation Sans)$/ },
	{ script: 'Han', debianPackage: 'fonts-noto-cjk', families: /^Noto Sans CJK|^Noto Serif CJK|^WenQuanYi|^Droid Sans Fallback/ },
	{ script: 'Arabic', debianPackage: 'fonts-noto-core', families: /^Noto (Sans|Naskh|Kufi) Arabic$|^Amiri$|^KacstOne$/ }
];

/** The font stack the charts draw with: Skia falls back along it glyph by glyph. */
export const CHART_FONT_STACK = '"Noto Sans", "Noto Sans Arabic", "Noto Naskh Arabic", "Noto Sans CJK SC", "Noto Sans CJK JP", "DejaVu Sans", sans-serif';

export interface FontCheck {
	ok: boolean;
	missing: { script: FontNeed['script']; debianPackage: string }[];
	/** One line for the log: what is missing and what to install. */
	message: string;
}

/** Which scripts lack a font among `families` (the machine's, by default). */
export function checkChartFonts(families: readonly string[] = GlobalFonts.families.map((f) => f.family)): FontCheck {
	const missing = FONT_NEEDS.filter((need) => !families.some((f) => need.families.test(f))).map((n) => ({ script: n.script, debianPackage: n.debianPackage }));
	const packages = [...new Set(missing.map((m) => m.debianPackage))];
	return {
		ok: missing.length === 0,
		missing,
		message:
			missing.length === 0
				? 'chart fonts: Latin, Cyrillic, Han and Arabic available'
				: `chart fonts missing for ${missing.map((m) => m.script).join(', ')}: charts will show empty boxes for those labels; install the Debian package(s) ${packages.join(' ')} (apt-get install ${packages.join(' ')}) and restart`
	};
}

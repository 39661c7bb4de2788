import type { StatsSpec, StatsVariable } from './stats-variables.ts';
import { DONT_KNOW_TEXT } from './stats-variables.ts';

/**
 * Syntax that reads the microdata CSV into SPSS (and PSPP), Stata and R with names valid
 * in each, variable labels, value labels for every scale and choice, and "no interaction /
 * don't know" ("na" in the CSV) as a declared missing value: the code `dontKnowCode` in
 * MISSING VALUES for SPSS, the extended missing value `.a` in Stata, NA in R (with a
 * `dont_know` attribute marking which answers they were). The CSV stays as it is: the
 * scripts read coded columns as text and recode them. Pure: codebook in, text out.
 */

const coded = (v: StatsVariable) => v.kind !== 'string';
const oneLine = (s: string) => s.replace(/[\r\n\t]+/g, ' ').trim();

/** Cuts to `max` UTF-8 bytes without splitting a character (SPSS counts label lengths in bytes). */
export function truncateBytes(s: string, max: number): string {
	const encoder = new TextEncoder();
	if (encoder.encode(s).length <= max) return s;
	let out = '';
	let bytes = 0;
	for (const ch of s) {
		const n = encoder.encode(ch).length;
		if (bytes + n > max) break;
		out += ch;
		bytes += n;
	}
	return out;
}

// ---- SPSS / PSPP ------------------------------------------------------------------------

const spssString = (s: string) => `"${oneLine(s).replaceAll('"', '""')}"`;

export function spssSyntax(spec: StatsSpec): string {
	const vars = spec.variables;
	const raw = (i: number) => `@raw${i + 1}`;
	const out: string[] = [
		'* Encoding: UTF-8.',
		`* Reads ${spec.csv} from the current folder: run it from the folder this file is in.`,
		`* Scales and choices are read as text, then coded; "${DONT_KNOW_TEXT}" (${spec.dontKnowLabel}) becomes ${spec.dontKnowCode}, a declared missing value.`,
		'* The codebook (codebook.csv) maps the CSV columns to these names.',
		'GET DATA /TYPE=TXT',
		`  /FILE=${spssString(spec.csv)}`,
		'  /ENCODING="UTF-8"',
		'  /ARRANGEMENT=DELIMITED',
		'  /FIRSTCASE=2',
		'  /DELIMITERS=","',
		"  /QUALIFIER='\"'",
		'  /VARIABLES='
	];
	vars.forEach((v, i) => out.push(`    ${coded(v) ? raw(i) : v.name} A${coded(v) ? 16 : Math.min(32767, Math.max(1, v.width ?? 255))}`));
	out.push('.');
	vars.forEach((v, i) => {
		if (!coded(v)) return;
		const pairs = v.values.map((x) => `(${spssString(x.raw)}=${x.code})`);
		if (v.dontKnow) pairs.push(`(${spssString(DONT_KNOW_TEXT)}=${spec.dontKnowCode})`);
		out.push(`RECODE ${raw(i)} ${pairs.join(' ')} (ELSE=SYSMIS) INTO ${v.name}.`);
	});
	out.push(`MATCH FILES /FILE=* /KEEP=${vars.map((v) => v.name).join(' ')}.`, 'EXECUTE.');
	const numeric = vars.filter(coded);
	if (numeric.length) out.push(`FORMATS ${numeric.map((v) => v.name).join(' ')} (F8.0).`);
	out.push('VARIABLE LABELS', vars.map((v) => `  ${v.name} ${spssString(truncateBytes(oneLine(v.label), 255))}`).join('\n  /') + '.');
	if (numeric.length) {
		const blocks = numeric.map((v) => {
			const labels = v.values.map((x) => `${x.code} ${spssString(truncateBytes(oneLine(x.label), 120))}`);
			if (v.dontKnow) labels.push(`${spec.dontKnowCode} ${spssString(spec.dontKnowLabel)}`);
			return `  ${v.name} ${labels.join(' ')}`;
		});
		out.push('VALUE LABELS', blocks.join('\n  /') + '.');
	}
	const dk = vars.filter((v) => v.dontKnow).map((v) => v.name);
	if (dk.length) out.push(`MISSING VALUES ${dk.join(' ')} (${spec.dontKnowCode}).`);
	const level = (kind: StatsVariable['kind']) => numeric.filter((v) => v.kind === kind).map((v) => v.name);
	const levels = [
		['ORDINAL', level('scale')],
		['NOMINAL', [...level('choice'), ...level('flag')]]
	] as const;
	for (const [name, list] of levels) if (list.length) out.push(`VARIABLE LEVEL ${list.join(' ')} (${name}).`);
	out.push('* SAVE OUTFILE="microdata.sav".', '');
	return out.join('\n');
}

// ---- Stata ------------------------------------------------------------------------------

/** Compound quotes, with the characters that would expand macros neutralised. */
const stataString = (s: string) => '`"' + oneLine(s).replaceAll('`', "'").replaceAll('$', '\\$').replaceAll('"\'', '" \'') + '"\'';

export function stataSyntax(spec: StatsSpec): string {
	const vars = spec.variables;
	const out: string[] = [
		`* Reads ${spec.csv} from the current folder: run it from the folder this file is in (cd).`,
		`* Scales and choices are read as text, then coded; "${DONT_KNOW_TEXT}" (${spec.dontKnowLabel}) becomes the extended missing value .a.`,
		'* The codebook (codebook.csv) maps the CSV columns to these names.',
		'version 14',
		`import delimited using ${stataString(spec.csv)}, varnames(nonames) rowrange(2) stringcols(_all) encoding("utf-8") bindquotes(strict) maxquotedrows(unlimited) clear`,
		`assert c(k) == ${vars.length}`
	];
	vars.forEach((v, i) => {
		const src = `v${i + 1}`;
		if (!coded(v)) {
			out.push(`rename ${src} ${v.name}`);
			return;
		}
		out.push(`generate double ${v.name} = .`);
		for (const x of v.values) out.push(`replace ${v.name} = ${x.code} if ${src} == ${stataString(x.raw)}`);
		if (v.dontKnow) out.push(`replace ${v.name} = .a if ${src} == "${DONT_KNOW_TEXT}"`);
		out.push(`drop ${src}`);
	});
	out.push(`order ${vars.map((v) => v.name).join(' ')}`);
	for (const v of vars) out.push(`label variable ${v.name} ${stataString(v.label.length > 80 ? v.label.slice(0, 80) : v.label)}`);
	for (const v of vars.filter(coded)) {
		const labels = v.values.map((x) => `${x.code} ${stataString(x.label)}`);
		if (v.dontKnow) labels.push(`.a ${stataString(spec.dontKnowLabel)}`);
		out.push(`label define ${v.name} ${labels.join(' ')}, replace`, `label values ${v.name} ${v.name}`);
	}
	out.push('compress', '* save "microdata.dta", replace', '');
	return out.join('\n');
}

// ---- R ----------------------------------------------------------------------------------

/** An R string literal in plain ASCII (\u escapes), so the script reads the same in any locale. */
export function rString(s: string): string {
	let out = '"';
	for (const ch of s) {
		const c = ch.codePointAt(0)!;
		if (ch === '"' || ch === '\\') out += `\\${ch}`;
		else if (ch === '\n') out += '\\n';
		else if (ch === '\r') out += '\\r';
		else if (ch === '\t') out += '\\t';
		else if (c < 0x20 || c > 0x7e) out += c > 0xffff ? `\\U{${c.toString(16)}}` : `\\u${c.toString(16).padStart(4, '0')}`;
		else out += ch;
	}
	return `${out}"`;
}

const rVector = (xs: string[]) => `c(${xs.join(', ')})`;

export function rSyntax(spec: StatsSpec): string {
	const vars = spec.variables;
	const out: string[] = [
		`# Reads ${spec.csv} from the folder this script is in (Rscript microdata.R, or source() it).`,
		`# Scales and yes/no columns become numbers, single choices factors; "${DONT_KNOW_TEXT}" (${spec.dontKnowLabel}) becomes NA,`,
		'# and attr(x, "dont_know") marks those answers. attr(x, "label") is the variable label, attr(x, "labels") the value labels.',
		'# The codebook (codebook.csv) maps the CSV columns to these names.',
		'.here <- local({',
		'  file <- tryCatch(sys.frame(1)$ofile, error = function(e) NULL)',
		'  if (is.null(file)) { a <- grep("^--file=", commandArgs(FALSE), value = TRUE); if (length(a)) file <- sub("^--file=", "", a[1]) }',
		'  if (is.null(file)) getwd() else dirname(normalizePath(file))',
		'})',
		`.raw <- utils::read.csv(file.path(.here, ${rString(spec.csv)}), colClasses = "character", na.strings = character(0), check.names = FALSE, fileEncoding = "UTF-8-BOM", encoding = "UTF-8")`,
		`stopifnot(ncol(.raw) == ${vars.length})`,
		'.text <- function(x, label) { x[x == ""] <- NA_character_; attr(x, "label") <- label; x }',
		'.number <- function(x, label, values, codes, labels, dk) {',
		'  out <- codes[match(x, values)]',
		'  attr(out, "label") <- label',
		'  attr(out, "labels") <- stats::setNames(codes, labels)',
		`  if (dk) attr(out, "dont_know") <- x == ${rString(DONT_KNOW_TEXT)}`,
		'  out',
		'}',
		'.choice <- function(x, label, values, codes, labels) {',
		'  out <- factor(codes[match(x, values)], levels = codes, labels = make.unique(labels))',
		'  attr(out, "label") <- label',
		'  out',
		'}',
		'microdata <- data.frame(row.names = seq_len(nrow(.raw)))'
	];
	vars.forEach((v, i) => {
		const x = `.raw[[${i + 1}]]`;
		const label = rString(v.label);
		const values = rVector(v.values.map((y) => rString(y.raw)));
		const codes = rVector(v.values.map((y) => String(y.code)));
		const labels = rVector(v.values.map((y) => rString(y.label)));
		let expr: string;
		if (v.kind === 'string') expr = `.text(${x}, ${label})`;
		else if (v.kind === 'choice') expr = `.choice(${x}, ${label}, ${values}, ${codes}, ${labels})`;
		else expr = `.number(${x}, ${label}, ${values}, ${codes}, ${labels}, ${v.dontKnow ? 'TRUE' : 'FALSE'})`;
		out.push(`microdata[[${rString(v.name)}]] <- ${expr}`);
	});
	out.push('rm(.raw, .here, .text, .number, .choice)', '# saveRDS(microdata, "microdata.rds")', '');
	return out.join('\n');
}

/**
 * The points of a sparkline polyline in a width × height box: x evenly spaced, y scaled
 * from 0 (or the minimum, when below 0) to the maximum, with a 2 px margin for the stroke.
 * Null for fewer than two values (no line to draw).
 */
const MARGIN = 2;

export function sparklinePoints(values: readonly number[], width: number, height: number): string | null {
	const finite = values.filter((v) => Number.isFinite(v));
	if (finite.length < 2 || finite.length !== values.length) return null;
	const low = Math.min(0, ...values);
	const high = Math.max(...values);
	const span = high - low || 1;
	const step = (width - 2 * MARGIN) / (values.length - 1);
	return values
		.map((v, i) => {
			const x = MARGIN + i * step;
			const y = height - MARGIN - ((v - low) / span) * (height - 2 * MARGIN);
			return `${round(x)},${round(y)}`;
		})
		.join(' ');
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}

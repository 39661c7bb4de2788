import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a delivery (docs/webhooks.md): `t=<unix seconds>,v1=<hex>`, where hex is
 * HMAC-SHA256, keyed with the endpoint's secret, of `<t>.<body>`. The timestamp inside
 * the signed text lets a receiver refuse replays of an old delivery.
 */
export const SIGNATURE_HEADER = 'X-RPS-Signature';

export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
	const mac = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
	return `t=${unixSeconds},v1=${mac}`;
}

/** The receiver's check, as docs/webhooks.md shows it (used by the tests as a receiver would). */
export function verifySignature(secret: string, body: string, header: string, nowSeconds: number, toleranceSeconds = 300): boolean {
	const parts = Object.fromEntries(header.split(',').map((p) => p.split('=', 2) as [string, string]));
	const t = Number(parts.t);
	if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds || !parts.v1) return false;
	const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
	const given = Buffer.from(parts.v1);
	return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A new endpoint secret: 32 random bytes, prefixed so that it is recognisable in a vault. */
export function generateSecret(): string {
	return `whsec_${randomBytes(32).toString('base64url')}`;
}

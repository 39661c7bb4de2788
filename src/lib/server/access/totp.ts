import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from '@oslojs/encoding';

/** RFC 6238 TOTP as authenticator apps use it: 30-second steps, 6 digits, ±1 step of clock drift. */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
const DRIFT_STEPS = 1;
const TOTP_ISSUER = 'Regional Presence Survey';

export function generateTotpSecret(): string {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return encodeBase32UpperCaseNoPadding(key);
}

export function totpKeyUri(email: string, secret: string): string {
	return createTOTPKeyURI(TOTP_ISSUER, email, decodeBase32IgnorePadding(secret), TOTP_STEP_SECONDS, TOTP_DIGITS);
}

export function currentStep(now: number): number {
	return Math.floor(now / 1000 / TOTP_STEP_SECONDS);
}

export function totpCode(secret: string, step: number): string {
	return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step), TOTP_DIGITS);
}

/**
 * The time step a code belongs to, or null. Steps at or before `lastStep` are refused,
 * so a code seen over someone's shoulder cannot be used a second time.
 */
export function matchTotp(secret: string, code: string, lastStep: number | null, now: number): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const step = currentStep(now);
	for (let s = step - DRIFT_STEPS; s <= step + DRIFT_STEPS; s++) {
		if (lastStep !== null && s <= lastStep) continue;
		if (totpCode(secret, s) === code) return s;
	}
	return null;
}

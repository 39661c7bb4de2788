import { getConfig } from '../../platform/config.ts';
import type { OidcConfig } from '../../platform/oidc-config.ts';

/** Single sign-on's settings, or null when OIDC_ISSUER is unset. */
export function oidcSettings(): OidcConfig | null {
	return getConfig().oidc;
}

/**
 * With single sign-on on, the password form is the administrators' fallback only
 * (docs/sso.md): someone removed from the organisation's directory must not keep a
 * way in through a local password the directory does not control.
 */
export function localPasswordAllowed(role: string): boolean {
	return !oidcSettings() || role === 'admin';
}

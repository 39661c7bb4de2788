import { z } from 'zod';
import { parseRoleMap, type RoleMapEntry } from '../../domain/access/sso-role-map.ts';

/**
 * Single sign-on settings (docs/sso.md), part of the one configuration schema
 * (config.ts). OIDC_ISSUER turns the feature on; the rest is then checked together so
 * that a half-configured provider stops the start instead of failing the first sign-in.
 */
export const oidcSchema = {
	OIDC_ISSUER: z.url({ protocol: /^https?$/, error: (issue) => `must be the provider's issuer URL, not "${String(issue.input)}"` }).optional(),
	OIDC_CLIENT_ID: z.string().optional(),
	OIDC_CLIENT_SECRET: z.string().optional(),
	OIDC_REDIRECT_URI: z.url({ protocol: /^https?$/, error: (issue) => `must be an http(s) URL, not "${String(issue.input)}"` }).optional(),
	OIDC_SCOPES: z.string().default('openid email profile'),
	OIDC_GROUPS_CLAIM: z.string().default('groups'),
	OIDC_ROLE_MAP: z.string().optional(),
	OIDC_LABEL: z.string().max(60, 'must have at most 60 characters').default('your organisation’s account')
};

export interface OidcConfig {
	issuer: string;
	clientId: string;
	/** Unset: a public client (PKCE only). */
	clientSecret: string | undefined;
	redirectUri: string;
	/** Where the provider sends the browser back after signing out there. */
	postLogoutRedirectUri: string;
	scopes: string;
	groupsClaim: string;
	roleMap: RoleMapEntry[];
	/** The button's "Sign in with <label>". */
	label: string;
}

interface OidcEnv {
	OIDC_ISSUER?: string | undefined;
	OIDC_CLIENT_ID?: string | undefined;
	OIDC_CLIENT_SECRET?: string | undefined;
	OIDC_REDIRECT_URI?: string | undefined;
	OIDC_SCOPES: string;
	OIDC_GROUPS_CLAIM: string;
	OIDC_ROLE_MAP?: string | undefined;
	OIDC_LABEL: string;
}

/** Plain http is only for a provider on this machine (tests, a local Keycloak), never in production. */
function isLoopback(url: URL): boolean {
	return ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The OIDC settings, null when off, or a message naming what is wrong. */
export function readOidcConfig(e: OidcEnv, publicUrl: string, production: boolean): OidcConfig | null | string {
	if (!e.OIDC_ISSUER) {
		const stray = (['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_ROLE_MAP', 'OIDC_REDIRECT_URI'] as const).filter((k) => e[k]);
		return stray.length ? `${stray.join(', ')} set without OIDC_ISSUER` : null;
	}
	const issuer = new URL(e.OIDC_ISSUER);
	if (issuer.protocol === 'http:' && (production || !isLoopback(issuer)))
		return 'OIDC_ISSUER must be https:// (plain http only for a provider on this machine, outside production)';
	// Entra ID's multi-tenant endpoints name no single organisation: anyone's account would match the issuer checks.
	if (/\/(common|organizations|consumers)(\/|$)/.test(issuer.pathname))
		return 'OIDC_ISSUER must name your tenant (https://login.microsoftonline.com/<tenant id>/v2.0), not a multi-tenant endpoint';
	if (!e.OIDC_CLIENT_ID) return 'OIDC_CLIENT_ID is required with OIDC_ISSUER';
	if (!e.OIDC_ROLE_MAP) return 'OIDC_ROLE_MAP is required with OIDC_ISSUER (which groups give which role)';
	let roleMap: RoleMapEntry[];
	try {
		roleMap = parseRoleMap(e.OIDC_ROLE_MAP);
	} catch (err) {
		return `OIDC_ROLE_MAP ${(err as Error).message}`;
	}
	if (!e.OIDC_SCOPES.split(/\s+/).includes('openid')) return 'OIDC_SCOPES must include openid';
	return {
		issuer: e.OIDC_ISSUER,
		clientId: e.OIDC_CLIENT_ID,
		clientSecret: e.OIDC_CLIENT_SECRET,
		redirectUri: e.OIDC_REDIRECT_URI ?? `${publicUrl}/auth/oidc/callback`,
		postLogoutRedirectUri: `${publicUrl}/login`,
		scopes: e.OIDC_SCOPES,
		groupsClaim: e.OIDC_GROUPS_CLAIM,
		roleMap,
		label: e.OIDC_LABEL
	};
}

import * as client from 'openid-client';
import type { OidcConfig } from '../../platform/oidc-config.ts';

/**
 * The identity provider as openid-client sees it: discovered once per process from
 * OIDC_ISSUER/.well-known/openid-configuration, and discovered again on the next
 * sign-in if that failed (a provider that was down must not stay down for us).
 */
const REQUEST_TIMEOUT_S = 10;
let cached: { issuer: string; configuration: Promise<client.Configuration> } | undefined;

export function providerConfiguration(oidc: OidcConfig): Promise<client.Configuration> {
	if (cached?.issuer === oidc.issuer) return cached.configuration;
	const insecure = new URL(oidc.issuer).protocol === 'http:'; // only a provider on this machine (oidc-config.ts)
	const configuration = client.discovery(new URL(oidc.issuer), oidc.clientId, oidc.clientSecret, oidc.clientSecret ? undefined : client.None(), {
		execute: insecure ? [client.allowInsecureRequests] : [],
		timeout: REQUEST_TIMEOUT_S
	});
	const entry = { issuer: oidc.issuer, configuration };
	cached = entry;
	configuration.catch(() => {
		if (cached === entry) cached = undefined;
	});
	return configuration;
}

/** What a sign-in keeps between leaving for the provider and coming back (pending.ts). */
export interface PendingSignIn {
	state: string;
	nonce: string;
	verifier: string;
	next: string | null;
}

/** The provider's authorization URL: code flow with PKCE (S256), state and nonce. */
export async function beginSignIn(oidc: OidcConfig, next: string | null): Promise<{ url: URL; pending: PendingSignIn }> {
	const configuration = await providerConfiguration(oidc);
	const pending = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), next };
	const url = client.buildAuthorizationUrl(configuration, {
		redirect_uri: oidc.redirectUri,
		scope: oidc.scopes,
		code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
		code_challenge_method: 'S256',
		state: pending.state,
		nonce: pending.nonce
	});
	return { url, pending };
}

export interface ProviderIdentity {
	issuer: string;
	subject: string;
	/** The ID token and UserInfo claims, the ID token's winning. */
	claims: Record<string, unknown>;
	idToken: string;
}

/**
 * Checks the provider's answer (state, then the code exchanged with the PKCE verifier,
 * the ID token's signature, issuer, audience and nonce: all openid-client's) and reads
 * the user's claims. Claims missing from the ID token (some providers put e-mail and
 * groups only in UserInfo) are read from the UserInfo endpoint. Throws on any mismatch.
 */
export async function completeSignIn(oidc: OidcConfig, callbackUrl: URL, pending: PendingSignIn): Promise<ProviderIdentity> {
	const configuration = await providerConfiguration(oidc);
	// Behind a proxy the request's own URL may differ from the registered one: the code was issued for the latter.
	const current = new URL(oidc.redirectUri);
	current.search = callbackUrl.search;
	const tokens = await client.authorizationCodeGrant(configuration, current, {
		pkceCodeVerifier: pending.verifier,
		expectedState: pending.state,
		expectedNonce: pending.nonce,
		idTokenExpected: true
	});
	const idClaims = tokens.claims()!;
	let claims: Record<string, unknown> = { ...idClaims };
	const missing = !(oidc.groupsClaim in idClaims) || !('email' in idClaims || 'preferred_username' in idClaims);
	if (missing && configuration.serverMetadata().userinfo_endpoint) {
		const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
		claims = { ...userInfo, ...idClaims };
	}
	return { issuer: idClaims.iss, subject: idClaims.sub, claims, idToken: tokens.id_token! };
}

/** The provider's end-session URL (RP-initiated logout), or null when it has none. */
export async function endSessionUrl(oidc: OidcConfig, idToken: string): Promise<string | null> {
	const configuration = await providerConfiguration(oidc);
	if (!configuration.serverMetadata().end_session_endpoint) return null;
	return client.buildEndSessionUrl(configuration, { id_token_hint: idToken, post_logout_redirect_uri: oidc.postLogoutRedirectUri }).toString();
}

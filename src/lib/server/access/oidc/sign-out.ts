import type { Db } from '../../db/create-db.ts';
import { oidcSettings } from './settings.ts';
import { createLogger } from '../../platform/log.ts';
import { ssoSessionToken } from './identities.ts';
import { endSessionUrl } from './provider.ts';

const log = createLogger('oidc');

/**
 * Where signing out of a session opened through the provider continues: its end-session
 * endpoint (so that the next sign-in asks for the account again), or null for a password
 * session, a provider without one, or a provider that cannot be reached (the local
 * session ends all the same). Read before the session is deleted: its token goes with it.
 */
export async function providerSignOutUrl(db: Db, sessionId: string | null): Promise<string | null> {
	const oidc = oidcSettings();
	if (!oidc || !sessionId) return null;
	const idToken = await ssoSessionToken(db, sessionId);
	if (!idToken) return null;
	try {
		return await endSessionUrl(oidc, idToken);
	} catch (error) {
		log.warn('identity provider unreachable at sign-out; local session ended only', { error });
		return null;
	}
}

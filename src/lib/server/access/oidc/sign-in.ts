import type { Db } from '../../db/create-db.ts';
import type { AppUser } from '../../db/schema/database.ts';
import type { OidcConfig } from '../../platform/oidc-config.ts';
import { groupsOf, mapGroups } from '../../../domain/access/sso-role-map.ts';
import { findUserByEmail } from '../users-repository.ts';
import { regionExists } from '../accounts.ts';
import { createSession, generateSessionToken } from '../session.ts';
import { appendAudit } from '../audit/audit-repository.ts';
import { findLinkedUser, insertSsoUser, linkedElsewhere, linkIdentity, rememberSsoSession, touchIdentity, updateSsoUser } from './identities.ts';
import { completeSignIn, type PendingSignIn, type ProviderIdentity } from './provider.ts';

/**
 * A Secretariat user back from the identity provider: their groups give the role (and
 * a regional office's region), the local record linked by (issuer, subject) is created
 * or brought up to date, and a session is opened. Refusals leave no session and an
 * `auth.sso_refused` audit entry with the reason.
 */
export type SsoRefusal = 'no_group' | 'no_email' | 'unknown_region' | 'disabled' | 'email_taken';

export type SsoSignIn = { kind: 'signed_in'; user: AppUser; token: string; expiresAt: string } | { kind: 'refused'; reason: SsoRefusal };

interface Meta {
	ip: string | null;
	userAgent?: string | null;
}

/** The address the provider vouches for: `email`, else an e-mail-like `preferred_username` or `upn` (Entra ID). */
function emailOf(claims: Record<string, unknown>): string | null {
	for (const key of ['email', 'preferred_username', 'upn']) {
		const value = claims[key];
		if (typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value) && value.length <= 320) return value.trim().toLowerCase();
	}
	return null;
}

export async function signInWithProvider(db: Db, oidc: OidcConfig, identity: ProviderIdentity, meta: Meta): Promise<SsoSignIn> {
	const { issuer, subject, claims } = identity;
	const email = emailOf(claims);
	const groups = groupsOf(claims[oidc.groupsClaim]);
	const refuse = async (reason: SsoRefusal, user?: AppUser): Promise<SsoSignIn> => {
		await appendAudit(db, {
			actor: email ?? 'anonymous',
			actorUserId: user?.id,
			action: 'auth.sso_refused',
			targetType: user ? 'user' : undefined,
			targetId: user?.id,
			details: { reason, issuer, subject, email, groups: groups.slice(0, 50) },
			ip: meta.ip
		});
		return { kind: 'refused', reason };
	};
	const mapped = mapGroups(groups, oidc.roleMap);
	if (!mapped) return refuse('no_group');
	if (!email) return refuse('no_email');
	if (mapped.region && !(await regionExists(db, mapped.region))) return refuse('unknown_region');
	const displayName = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 200) : email;

	let user = await findLinkedUser(db, issuer, subject);
	let linked: 'existing' | 'by_email' | 'new' = 'existing';
	if (!user) {
		// An account with the same address is taken over once, unless another identity of this provider holds it:
		// the issuer is the organisation's own tenant, whose administrators own its addresses (docs/sso.md).
		const sameEmail = await findUserByEmail(db, email);
		if (sameEmail && (await linkedElsewhere(db, sameEmail.id, issuer))) return refuse('email_taken', sameEmail);
		user = sameEmail;
		linked = sameEmail ? 'by_email' : 'new';
	}
	// A local disable wins over the provider: an administrator can cut someone off at once.
	if (user?.disabled_at) return refuse('disabled', user);
	const emailFree = !user || user.email === email || !(await findUserByEmail(db, email));

	const token = generateSessionToken();
	return db.transaction().execute(async (trx) => {
		const actor = { actor: email, ip: meta.ip };
		if (!user) {
			user = await insertSsoUser(trx, { email, displayName, role: mapped.role, regionCode: mapped.region });
			await appendAudit(trx, {
				...actor,
				actorUserId: user.id,
				action: 'user.create',
				targetType: 'user',
				targetId: user.id,
				details: { email, role: mapped.role, region: mapped.region, via: 'oidc', issuer }
			});
		} else {
			const patch = { role: mapped.role, region_code: mapped.region, display_name: displayName, ...(emailFree ? { email } : {}) };
			await updateSsoUser(trx, user.id, patch);
			if (user.role !== mapped.role || user.region_code !== mapped.region)
				await appendAudit(trx, {
					...actor,
					actorUserId: user.id,
					action: 'user.role_change',
					targetType: 'user',
					targetId: user.id,
					details: { email, from: user.role, to: mapped.role, fromRegion: user.region_code, toRegion: mapped.region, via: 'oidc', group: mapped.group }
				});
			user = { ...user, ...patch };
		}
		if (linked === 'existing') await touchIdentity(trx, issuer, subject);
		else await linkIdentity(trx, user.id, issuer, subject);
		if (linked === 'by_email')
			await appendAudit(trx, { ...actor, actorUserId: user.id, action: 'user.sso_link', targetType: 'user', targetId: user.id, details: { issuer, subject } });
		const session = await createSession(trx, token, user.id, meta);
		await rememberSsoSession(trx, session.id, issuer, identity.idToken);
		await appendAudit(trx, {
			...actor,
			actorUserId: user.id,
			action: 'auth.login',
			targetType: 'user',
			targetId: user.id,
			details: { method: 'oidc', issuer, group: mapped.group }
		});
		return { kind: 'signed_in', user, token, expiresAt: session.expires_at };
	});
}

export type SsoCallback = SsoSignIn | { kind: 'failed'; reason: 'failed' | 'cancelled' };

/**
 * The provider's redirect back: the pending sign-in of this browser (pending.ts) must
 * be there and match, else nothing is opened and `auth.sso_failed` says why.
 */
export async function finishSignIn(db: Db, oidc: OidcConfig, callbackUrl: URL, pending: PendingSignIn | null, meta: Meta): Promise<SsoCallback> {
	const failed = async (reason: 'failed' | 'cancelled', problem: string): Promise<SsoCallback> => {
		await appendAudit(db, { actor: 'anonymous', action: 'auth.sso_failed', details: { reason, problem: problem.slice(0, 300) }, ip: meta.ip });
		return { kind: 'failed', reason };
	};
	const providerError = callbackUrl.searchParams.get('error');
	if (providerError) return failed('cancelled', `provider: ${providerError}`);
	if (!pending) return failed('failed', 'no sign-in under way in this browser');
	let identity: ProviderIdentity;
	try {
		identity = await completeSignIn(oidc, callbackUrl, pending);
	} catch (error) {
		return failed('failed', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
	}
	return signInWithProvider(db, oidc, identity, meta);
}

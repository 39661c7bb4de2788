/**
 * Secretariat access: accounts, roles, audit, security (login throttling, password reset, TOTP).
 * Table interfaces of this area; each key is a table created by a migration in migrations/.
 */
export interface AccessLoginThrottleTable {
	/** 'address:<ip>', 'pair:<email>|<ip>' or 'account:<email>' */
	key: string;
	failures: number;
	last_failure_at: string;
	expires_at: string;
}

export interface AccessPasswordResetTable {
	token_hash: string;
	user_id: string;
	created_at: string;
	expires_at: string;
	used_at: string | null;
	ip: string | null;
}

export interface AccessTotpTable {
	user_id: string;
	/** base32; see docs/access.md on keeping it at rest */
	secret: string;
	created_at: string;
	enabled_at: string | null;
	last_step: number | null;
}

export interface AccessSessionMfaTable {
	session_id: string;
	verified_at: string | null;
	failures: number;
}

/** A local user's identity at an OpenID provider (single sign-on, docs/sso.md). */
export interface AccessOidcIdentityTable {
	issuer: string;
	subject: string;
	user_id: string;
	created_at: string;
	last_login_at: string;
}

/** A session opened through the provider; its ID token is the hint for signing out there. */
export interface AccessOidcSessionTable {
	session_id: string;
	issuer: string;
	id_token: string;
}

export interface AccessTables {
	access_login_throttle: AccessLoginThrottleTable;
	access_password_reset: AccessPasswordResetTable;
	access_totp: AccessTotpTable;
	access_session_mfa: AccessSessionMfaTable;
	access_oidc_identity: AccessOidcIdentityTable;
	access_oidc_session: AccessOidcSessionTable;
}

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

export interface AccessTables {
	access_login_throttle: AccessLoginThrottleTable;
	access_password_reset: AccessPasswordResetTable;
}

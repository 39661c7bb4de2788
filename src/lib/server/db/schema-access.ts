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

export interface AccessTables {
	access_login_throttle: AccessLoginThrottleTable;
}

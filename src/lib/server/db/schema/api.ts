/** API tokens and their rate windows (migrations/2026-12-02T0100-api-tokens.ts). */
export interface ApiTokenTable {
	id: string;
	name: string;
	/** Hex SHA-256 of the token: the token itself is shown once and never stored. */
	token_hash: string;
	role: string;
	region_code: string | null;
	created_at: string;
	created_by: string;
	revoked_at: string | null;
	revoked_by: string | null;
	last_used_at: string | null;
}

export interface ApiRateWindowTable {
	key: string;
	requests: number;
	window_start: string;
}

export interface ApiTables {
	api_token: ApiTokenTable;
	api_rate_window: ApiRateWindowTable;
}

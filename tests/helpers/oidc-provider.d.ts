/** The little of oidc-provider (a dev dependency without types of its own) that the SSO tests use. */
declare module 'oidc-provider' {
	import type { Server } from 'node:http';
	interface Account {
		accountId: string;
		claims: () => Record<string, unknown> | Promise<Record<string, unknown>>;
	}
	export default class Provider {
		constructor(issuer: string, configuration: Record<string, unknown> & { findAccount?: (ctx: unknown, id: string) => Account | undefined });
		listen(port: number, host?: string): Server;
	}
}

import type { SessionUser } from '$lib/server/access/session.ts';

declare global {
	namespace App {
		interface Locals {
			user: SessionUser | null;
			sessionId: string | null;
			/** The page's language and direction, written into <html> (see hooks.server.ts). */
			lang: string;
			dir: 'ltr' | 'rtl';
		}
		interface Error {
			message: string;
			code?: string;
			details?: string[];
		}
	}
}

export {};

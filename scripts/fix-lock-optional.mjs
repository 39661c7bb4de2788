// The registry reachable from our machines carries only the linux-x64 build of
// @lix-js/sdk (a Paraglide dependency), so `npm install` leaves the other platforms'
// optional packages out of package-lock.json and `npm ci` then refuses the lock.
// This adds those entries (never installed on linux-x64: os/cpu do not match).
// Run after any `npm install` that rewrites the lock.
import { readFileSync, writeFileSync } from 'node:fs';

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const platforms = { 'darwin-arm64': ['darwin', 'arm64'], 'linux-arm64': ['linux', 'arm64'], 'linux-x64': ['linux', 'x64'], 'win32-x64': ['win32', 'x64'] };
const sdk = lock.packages['node_modules/@lix-js/sdk'];
let added = 0;
for (const [name, version] of Object.entries(sdk?.optionalDependencies ?? {})) {
	const key = `node_modules/${name}`;
	if (lock.packages[key]) continue;
	const [os, cpu] = platforms[name.replace('@lix-js/sdk-', '')] ?? [];
	lock.packages[key] = { version, cpu: [cpu], dev: true, optional: true, os: [os] };
	added++;
}
writeFileSync('package-lock.json', JSON.stringify(lock, null, 2) + '\n');
console.log(`added ${added} optional lock entries`);

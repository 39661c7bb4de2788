import { SMTPServer, type SMTPServerSession, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
	to: string;
	raw: string;
	subject: string;
	text: string;
	html: string;
}

export interface TestSmtp {
	port: number;
	url: string;
	received: ReceivedMail[];
	close(): Promise<void>;
}

function decodeQuotedPrintable(s: string): string {
	const bytes: number[] = [];
	const body = s.replace(/=\r?\n/g, '');
	for (let i = 0; i < body.length; i++) {
		if (body[i] === '=' && /^[0-9A-F]{2}$/i.test(body.slice(i + 1, i + 3))) {
			bytes.push(parseInt(body.slice(i + 1, i + 3), 16));
			i += 2;
		} else bytes.push(...Buffer.from(body[i]!, 'utf8'));
	}
	return Buffer.from(bytes).toString('utf8');
}

function decodePart(raw: string, type: string): string {
	const m = new RegExp(`Content-Type: ${type}[^\\r\\n]*\\r?\\n(?:Content-Transfer-Encoding: ([\\w-]+)\\r?\\n)?\\r?\\n([\\s\\S]*?)\\r?\\n--`, 'i').exec(raw);
	if (!m) return '';
	const [, encoding = '7bit', body = ''] = m;
	if (/base64/i.test(encoding)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (/quoted-printable/i.test(encoding)) return decodeQuotedPrintable(body);
	return body;
}

function decodeSubject(raw: string): string {
	const header = /^Subject: ([\s\S]*?)\r?\n(?=\S)/m.exec(raw)?.[1] ?? '';
	return header
		.replace(/\r?\n\s+/g, ' ')
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?utf-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
			enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' '))
		);
}

/**
 * A real SMTP server process-side (the smtp-server package) on a free port. `refuse`
 * decides per recipient whether to answer with an SMTP error code (e.g. 451 or 550).
 */
export async function startSmtp(refuse: (to: string) => number | null = () => null, port = 0): Promise<TestSmtp> {
	const received: ReceivedMail[] = [];
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
			const code = refuse(address.address);
			if (code) return callback(Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code }));
			callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				const raw = Buffer.concat(chunks).toString('utf8');
				for (const rcpt of session.envelope.rcptTo)
					received.push({ to: rcpt.address, raw, subject: decodeSubject(raw), text: decodePart(raw, 'text/plain'), html: decodePart(raw, 'text/html') });
				callback();
			});
		}
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve());
	});
	const address = server.server.address();
	const actual = typeof address === 'object' && address ? address.port : port;
	return { port: actual, url: `smtp://127.0.0.1:${actual}`, received, close: () => new Promise((r) => server.close(() => r())) };
}

import fs from 'node:fs'
import path from 'node:path'
import { emailsSettled } from '#app/utils/mailer.server.ts'

/** The emails the file transport wrote for this test file (MAIL_OUTBOX_DIR, see test/setup), oldest first. */

export type SentEmail = { to: string[]; from: string; replyTo: string[]; subject: string; text: string }

type Address = { address: string } | string
const addresses = (value: Address | Address[] | undefined): string[] =>
	[value ?? []].flat().map((a) => (typeof a === 'string' ? a : a.address))

export function outboxDir() {
	return path.resolve(process.env.MAIL_OUTBOX_DIR!)
}

export async function readOutbox(): Promise<SentEmail[]> {
	await emailsSettled()
	const dir = outboxDir()
	if (!fs.existsSync(dir)) return []
	return fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const raw = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))
			return { to: addresses(raw.to), from: addresses(raw.from)[0] ?? '', replyTo: addresses(raw.replyTo), subject: raw.subject, text: raw.text }
		})
}

export async function clearOutbox() {
	await emailsSettled()
	fs.rmSync(outboxDir(), { recursive: true, force: true })
}

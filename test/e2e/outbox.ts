import fs from 'node:fs'
import path from 'node:path'
import { expect } from '@playwright/test'

/** The emails the e2e server wrote (scripts/e2e-server.sh sets MAIL_OUTBOX_DIR to .tmp/e2e-PORT-outbox). */

export type OutboxEmail = { to: string[]; subject: string; text: string }

const dir = () => path.resolve(`.tmp/e2e-${process.env.E2E_PORT ?? 3100}-outbox`)

type Address = { address: string } | string
const addresses = (value: Address | Address[] | undefined) => [value ?? []].flat().map((a) => (typeof a === 'string' ? a : a.address))

export function readOutbox(): OutboxEmail[] {
	if (!fs.existsSync(dir())) return []
	return fs
		.readdirSync(dir())
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => {
			const raw = JSON.parse(fs.readFileSync(path.join(dir(), f), 'utf8'))
			return { to: addresses(raw.to), subject: raw.subject, text: raw.text }
		})
}

/** Waits for the newest email to an address whose subject matches (the server sends after its response). */
export async function emailTo(address: string, subject: RegExp): Promise<OutboxEmail> {
	let found: OutboxEmail | undefined
	await expect
		.poll(() => {
			found = readOutbox()
				.filter((m) => m.to.includes(address) && subject.test(m.subject))
				.at(-1)
			return Boolean(found)
		}, { message: `an email to ${address} with subject ${subject}` })
		.toBe(true)
	return found!
}

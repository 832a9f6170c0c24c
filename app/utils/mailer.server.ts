import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import nodemailer from 'nodemailer'
import { getEnv, type Env } from './env.server.ts'

/**
 * Outgoing email through nodemailer: SMTP when the environment names a server (SMTP_URL or
 * SMTP_HOST), otherwise a file transport that writes each message as JSON into MAIL_OUTBOX_DIR,
 * so development and tests can read what would have been sent.
 */

export type EmailMessage = { to: string; subject: string; text: string; replyTo?: string }

type Sender = (message: EmailMessage) => Promise<void>

// A user's request never waits on a slow mail server for long (nodemailer's defaults are minutes).
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }

function smtpSender(env: Env): Sender {
	const transport = env.SMTP_URL
		? nodemailer.createTransport({ url: env.SMTP_URL, ...SMTP_TIMEOUTS })
		: nodemailer.createTransport({
				host: env.SMTP_HOST,
				port: env.SMTP_PORT,
				secure: env.SMTP_SECURE === undefined ? undefined : env.SMTP_SECURE === 'true',
				auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASS } : undefined,
				...SMTP_TIMEOUTS,
			})
	return async (message) => {
		await transport.sendMail({ from: env.MAIL_FROM, ...message })
	}
}

function fileSender(env: Env): Sender {
	// nodemailer's JSON transport builds the message (headers, encoding) without a server.
	const transport = nodemailer.createTransport({ jsonTransport: true })
	return async (message) => {
		const info = await transport.sendMail({ from: env.MAIL_FROM, ...message })
		const dir = path.resolve(env.MAIL_OUTBOX_DIR)
		await fs.mkdir(dir, { recursive: true })
		// Time first, so a directory listing reads in sending order.
		await fs.writeFile(path.join(dir, `${Date.now()}-${randomUUID()}.json`), info.message)
	}
}

let sender: Sender | undefined
function getSender(): Sender {
	if (!sender) {
		const env = getEnv()
		sender = env.SMTP_URL || env.SMTP_HOST ? smtpSender(env) : fileSender(env)
	}
	return sender
}

/** Sends one email; rejects when the transport fails (callers decide what a failure means). */
export function sendEmail(message: EmailMessage): Promise<void> {
	return getSender()(message)
}

/** The origin for links in emails: APP_ORIGIN, else this machine. Never a request's Host header, which the client writes. */
export function emailLinkOrigin(): string {
	const env = getEnv()
	return env.APP_ORIGIN ? new URL(env.APP_ORIGIN).origin : `http://localhost:${env.PORT}`
}

// Sends started after a commit, so tests (and a graceful shutdown) can wait for them.
const inFlight = new Set<Promise<unknown>>()

/**
 * Runs email work after the response's transaction committed, without making the user wait for
 * the mail server. The work must handle its own failures; anything it still throws is logged.
 */
export function afterCommit(work: () => Promise<void>): void {
	const running = work()
		.catch((error: unknown) => console.error(`email: ${error instanceof Error ? error.message : String(error)}`))
		.finally(() => inFlight.delete(running))
	inFlight.add(running)
}

/** Resolves once every email started so far has been sent or has failed. */
export async function emailsSettled(): Promise<void> {
	while (inFlight.size > 0) await Promise.all([...inFlight])
}

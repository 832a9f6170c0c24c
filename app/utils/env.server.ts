import { z } from 'zod'

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
	DATABASE_URL: z
		.string()
		.regex(/^(file:|postgres(ql)?:\/\/)/, 'must start with file: (SQLite) or postgresql:// (PostgreSQL)')
		.default('file:./data/portal.db'),
	/** Secret for signing cookies and certificate codes; required in production. */
	SESSION_SECRET: z.string().min(16, 'must be at least 16 characters').default('dev-only-secret-change-me'),
	/** Signs certificate verification codes; falls back to SESSION_SECRET. Keep it stable: changing it invalidates issued codes. */
	CERTIFICATE_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
	/** Public origin of the portal, e.g. https://success.example.com; mutations must come from it. */
	APP_ORIGIN: z.string().url().optional(),
	/** Proxies in front of the portal whose X-Forwarded-For/-Proto/-Host are believed; 0 believes none. */
	TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
	MEILI_HOST: z.string().url().optional(),
	MEILI_API_KEY: z.string().optional(),
	MEILI_INDEX: z.string().regex(/^[a-zA-Z0-9_-]+$/).default('portal'),
	/** Where the embedded search engine keeps its snapshot between starts. */
	SEARCH_SNAPSHOT_PATH: z.string().default('./data/search-index.json'),
	SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(60 * 24 * 30).default(60 * 24 * 7),
	SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
	/** How long a session row looked up stays in this instance's memory; 0 turns the cache off (the default under NODE_ENV=test). */
	SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).optional(),
	/** How often an instance reads the content stamp that keys its article cache; 0 reads it on every request (the default under NODE_ENV=test). */
	CONTENT_STAMP_POLL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
	/** 0 turns off the in-memory cache of signed-out knowledge-base pages (server/page-cache.ts), e.g. to measure without it. */
	PAGE_CACHE: z.enum(['0', '1']).default('1'),
	SIGN_IN_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(1000).default(5),
	SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
	/** Minutes between full score recomputes run in-process; 0 turns the schedule off. */
	SCORING_INTERVAL_MINUTES: z.coerce.number().int().min(0).default(60),
	/** Where the server listens; links in emails use http://localhost:PORT when APP_ORIGIN is not set. */
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	/** Outgoing mail server as one URL, e.g. smtps://user:pass@mail.example.com:465; or the SMTP_HOST group below. */
	SMTP_URL: z.string().regex(/^smtps?:\/\/\S+$/, 'must be an smtp:// or smtps:// URL').optional(),
	SMTP_HOST: z.string().min(1).optional(),
	SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
	/** true: TLS from the start (port 465); false: STARTTLS when the server offers it. */
	SMTP_SECURE: z.enum(['true', 'false']).optional(),
	SMTP_USER: z.string().optional(),
	SMTP_PASS: z.string().optional(),
	/** Sender of every email, e.g. "Success Portal <portal@example.com>". */
	MAIL_FROM: z.string().min(3).default('Success Portal <no-reply@example.com>'),
	/** Without SMTP settings each email is written here as a JSON file (development, tests). */
	MAIL_OUTBOX_DIR: z.string().min(1).default('./data/outbox'),
	/** Where contact-form messages go when the account has no named success manager. */
	SUPPORT_EMAIL: z.string().email('must be an email address').default('support@example.com'),
})

export type Env = z.infer<typeof EnvSchema>

/** Parses the environment; a bad setting throws one readable message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
	const result = EnvSchema.safeParse(source)
	if (!result.success) {
		const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`)
		throw new Error(`Invalid environment settings:\n${lines.join('\n')}`)
	}
	const env = result.data
	if (env.NODE_ENV === 'production' && env.SESSION_SECRET === 'dev-only-secret-change-me') {
		throw new Error('Invalid environment settings:\n  SESSION_SECRET: must be set in production')
	}
	if (env.SMTP_URL && env.SMTP_HOST) {
		throw new Error('Invalid environment settings:\n  SMTP_URL, SMTP_HOST: set one of them, not both')
	}
	if (Boolean(env.SMTP_USER) !== Boolean(env.SMTP_PASS)) {
		throw new Error('Invalid environment settings:\n  SMTP_USER, SMTP_PASS: set both or neither')
	}
	return env
}

let cached: Env | undefined
export function getEnv(): Env {
	cached ??= parseEnv(process.env)
	return cached
}

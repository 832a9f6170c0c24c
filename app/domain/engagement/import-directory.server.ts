import { canManageAccount, type AccountManager } from '#app/domain/accounts-tiers/account-access.ts'
import { emailDomain, EmailSchema } from '#app/domain/accounts-tiers/credentials.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { chunked } from '#app/utils/chunked.ts'
import { isDomainRef, isPublicEmailDomain, nameFromDomain, nameFromEmail, placeholderDomain } from './import-refs.ts'
import type { RowError } from './import-format.server.ts'

/**
 * Who and which account an import row names, and, with create-missing, the accounts and users it
 * creates. A user is named by email or id; an account by its id, its external id (the CRM's or the
 * analytics tool's) or its email domain. Without create-missing an unknown name refuses the row.
 *
 * Created accounts get safe defaults (Tier 3, no revenue, no cost) for a CSM to fill in; created
 * users are customers without a password (they set one through the usual reset) who join the
 * account the row names, else the account of their email domain. A created user's `createdAt` is
 * their earliest imported activity, since scoring measures regularity from when a user joined.
 *
 * Uploaded from the console, an import acts for a user (`actor`): a row about an account they may
 * not manage (canManageAccount: an admin any, a CSM their own) is refused by line and changes
 * nothing, and an account a CSM's import creates is theirs. The command line has no actor.
 */

type Tx = Prisma.TransactionClient

export type RefRequest = { line: number; user?: string; account?: string; at: Date }
export type Placement = { userId: string | null; accountId: string | null }

type KnownUser = { id: string; email: string; accountId: string | null; account: { csmId: string | null } | null }
type KnownAccount = { id: string; emailDomain: string; externalId: string | null; csmId: string | null }

const NOT_MANAGED = 'is not an account you manage'
const notManaged = (ref: string) => `account: "${ref}" ${NOT_MANAGED}`

export const CREATE_MISSING_HINT = 'use create-missing (--create-missing, or the checkbox in the console) to create it'

// Three lists in one query, kept under SQLite's 999 bound parameters.
const LOOKUP_CHUNK = 300

export class ImportDirectory {
	accountsCreated = 0
	usersCreated = 0
	/** Users this import created, with the earliest activity seen for them so far. */
	private readonly created = new Map<string, { at: Date; stored: Date }>()

	constructor(
		readonly createMissing: boolean,
		readonly actor?: AccountManager,
	) {}

	/** Whether this import may write about the account (always, from the command line). */
	mayManage(account: { csmId: string | null }): boolean {
		return !this.actor || canManageAccount(this.actor, account)
	}

	/**
	 * Places each request (in order; null for a refused row, reported through `fail`). Runs inside
	 * the chunk's transaction, so a chunk that fails leaves no half-created account behind.
	 */
	async resolve(tx: Tx, requests: readonly RefRequest[], fail: (error: RowError) => void): Promise<Array<Placement | null>> {
		const users = await findUsers(tx, requests.flatMap((r) => (r.user ? [r.user] : [])))
		const accountRefs = requests.flatMap((r) => [...(r.account ? [r.account] : []), ...(r.user && !users.get(r.user.toLowerCase()) ? [emailDomain(r.user)] : [])])
		const accounts = await findAccounts(tx, accountRefs)

		// First pass: what each row needs, and which accounts and users to create.
		type Plan = { ok: Placement } | { createUser: string } | { createAccount: string } | null
		const newAccounts = new Map<string, { domain?: string; externalId?: string; hint?: string }>()
		const newUsers = new Map<string, { accountKey: string; at: Date }>()
		type AccountPlan = { key: string; create?: { domain?: string; externalId?: string; hint?: string } }
		const planAccount = (ref: string, hint?: string): string | AccountPlan => {
			const known = accounts.find(ref)
			if (known) return this.mayManage(known) ? { key: `id:${known.id}` } : notManaged(ref)
			if (!this.createMissing) return `account: no account with the id, external id or email domain "${ref}"; ${CREATE_MISSING_HINT}`
			if (isDomainRef(ref)) {
				const domain = ref.trim().toLowerCase()
				if (isPublicEmailDomain(domain)) return `account: "${domain}" is a public email domain; name the customer's account in the row's account field`
				return { key: `domain:${domain}`, create: { domain } }
			}
			const externalId = ref.trim()
			return { key: `ext:${externalId}`, create: { externalId, hint } }
		}
		// Only rows that are accepted add to what gets created.
		const adopt = (plan: AccountPlan) => {
			if (!plan.create) return
			const entry = newAccounts.get(plan.key)
			if (!entry) newAccounts.set(plan.key, plan.create)
			else entry.hint ??= plan.create.hint
		}
		// A user created here goes where any of their rows names; rows that name no account follow.
		const namedAccount = new Map<string, string>()
		for (const r of requests) if (r.user && r.account && !namedAccount.has(r.user.toLowerCase())) namedAccount.set(r.user.toLowerCase(), r.account)
		const plans: Plan[] = requests.map((request) => {
			const refuse = (message: string) => {
				fail({ line: request.line, message })
				return null
			}
			if (request.user) {
				const user = users.get(request.user.toLowerCase())
				if (user) {
					if (user.account && !this.mayManage(user.account)) return refuse(`user: ${request.user} belongs to an account you do not manage`)
					this.noteActivity(user.id, request.at)
					if (request.account) {
						const named = accounts.find(request.account)
						if (!named || named.id !== user.accountId) return refuse(`account: ${request.user} is not a member of the account "${request.account}"`)
					}
					return { ok: { userId: user.id, accountId: user.accountId } }
				}
				if (!this.createMissing) return refuse(`user: no user with the email or id "${request.user}"; ${CREATE_MISSING_HINT}`)
				const email = EmailSchema.safeParse(request.user)
				if (!email.success) return refuse(`user: no user with the id "${request.user}", and only an email can create one`)
				const domain = emailDomain(email.data)
				const accountRef = request.account ?? namedAccount.get(email.data)
				const account = planAccount(accountRef ?? domain, accountRef ? domain : undefined)
				if (typeof account === 'string') {
					return refuse(accountRef ? account : `user: cannot place ${email.data} in an account: ${account.replace(/^account: /, '')}`)
				}
				const pending = newUsers.get(email.data)
				if (pending && pending.accountKey !== account.key) return refuse(`account: ${email.data} is placed in another account on an earlier row`)
				adopt(account)
				if (!pending || request.at < pending.at) newUsers.set(email.data, { accountKey: account.key, at: request.at })
				return { createUser: email.data }
			}
			if (!request.account) return refuse('account: is required')
			const account = planAccount(request.account)
			if (typeof account === 'string') return refuse(account)
			adopt(account)
			return account.key.startsWith('id:') ? { ok: { userId: null, accountId: account.key.slice(3) } } : { createAccount: account.key }
		})

		const accountIds = await this.createAccounts(tx, newAccounts)
		const userIds = await this.createUsers(tx, newUsers, accountIds)
		return plans.map((plan, i) => {
			if (!plan) return null
			if ('ok' in plan) return plan.ok
			// Null: another import created it meanwhile, in an account this one may not manage.
			const placed = 'createAccount' in plan ? accountIds.get(plan.createAccount)! : userIds.get(plan.createUser)!
			if (placed === null) {
				fail({ line: requests[i]!.line, message: `account: ${NOT_MANAGED}` })
				return null
			}
			return typeof placed === 'string' ? { userId: null, accountId: placed } : placed
		})
	}

	/** Moves created users' `createdAt` back to their earliest activity seen in later chunks. */
	async finish(tx: Tx) {
		for (const [id, entry] of this.created) {
			if (entry.at < entry.stored) {
				await tx.user.update({ where: { id }, data: { createdAt: entry.at } })
				entry.stored = entry.at
			}
		}
	}

	private noteActivity(userId: string, at: Date) {
		const entry = this.created.get(userId)
		if (entry && at < entry.at) entry.at = at
	}

	private async createAccounts(tx: Tx, planned: Map<string, { domain?: string; externalId?: string; hint?: string }>) {
		const ids = new Map<string, string | null>()
		for (const [key, plan] of planned) {
			// Checked again inside the transaction: another import may have created it meanwhile.
			const existing = await tx.account.findFirst({
				where: plan.domain ? { emailDomain: plan.domain } : { externalId: plan.externalId! },
				select: { id: true, csmId: true },
			})
			if (existing) {
				ids.set(key, this.mayManage(existing) ? existing.id : null)
				continue
			}
			let domain = plan.domain
			if (!domain && plan.hint && !isPublicEmailDomain(plan.hint) && !(await tx.account.findUnique({ where: { emailDomain: plan.hint }, select: { id: true } }))) {
				// A user's email domain names the external-id account they are the first to join.
				domain = plan.hint
			}
			const account = await tx.account.create({
				data: {
					name: domain ? nameFromDomain(domain) : plan.externalId!,
					emailDomain: domain ?? placeholderDomain(plan.externalId!),
					externalId: plan.externalId ?? null,
					tier: 3,
					computedTier: 3,
					arr: 0,
					costToServe: 0,
					// A CSM's import creates accounts they own; an admin's or the command line's have no CSM yet.
					csmId: this.actor?.role === 'CSM' ? this.actor.id : null,
				},
				select: { id: true },
			})
			ids.set(key, account.id)
			this.accountsCreated++
		}
		return ids
	}

	private async createUsers(tx: Tx, planned: Map<string, { accountKey: string; at: Date }>, accountIds: Map<string, string | null>) {
		const placed = new Map<string, Placement | null>()
		for (const [email, plan] of planned) {
			const accountId = plan.accountKey.startsWith('id:') ? plan.accountKey.slice(3) : accountIds.get(plan.accountKey)!
			if (accountId === null) {
				placed.set(email, null)
				continue
			}
			const existing = await tx.user.findUnique({ where: { email }, select: { id: true, accountId: true, account: { select: { csmId: true } } } })
			if (existing) {
				placed.set(email, existing.account && !this.mayManage(existing.account) ? null : { userId: existing.id, accountId: existing.accountId })
				continue
			}
			const user = await tx.user.create({
				data: { email, name: nameFromEmail(email), role: 'CUSTOMER', accountId, createdAt: plan.at },
				select: { id: true },
			})
			this.created.set(user.id, { at: plan.at, stored: plan.at })
			this.usersCreated++
			placed.set(email, { userId: user.id, accountId })
		}
		return placed
	}
}

async function findUsers(tx: Tx, refs: string[]): Promise<Map<string, KnownUser>> {
	const map = new Map<string, KnownUser>()
	const wanted = [...new Set(refs.map((r) => r.trim()))]
	for (const part of chunked(wanted, LOOKUP_CHUNK)) {
		const rows = await tx.user.findMany({
			where: { OR: [{ id: { in: part } }, { email: { in: part.map((r) => r.toLowerCase()) } }] },
			select: { id: true, email: true, accountId: true, account: { select: { csmId: true } } },
		})
		for (const row of rows) {
			map.set(row.id.toLowerCase(), row)
			map.set(row.email.toLowerCase(), row)
		}
	}
	return map
}

/** Accounts by id, external id (exact) or email domain (any case), in that order of precedence. */
async function findAccounts(tx: Tx, refs: string[]) {
	const byId = new Map<string, KnownAccount>()
	const byExternal = new Map<string, KnownAccount>()
	const byDomain = new Map<string, KnownAccount>()
	const wanted = [...new Set(refs.map((r) => r.trim()))]
	for (const part of chunked(wanted, LOOKUP_CHUNK)) {
		const rows = await tx.account.findMany({
			where: { OR: [{ id: { in: part } }, { externalId: { in: part } }, { emailDomain: { in: part.map((r) => r.toLowerCase()) } }] },
			select: { id: true, emailDomain: true, externalId: true, csmId: true },
		})
		for (const row of rows) {
			byId.set(row.id, row)
			if (row.externalId) byExternal.set(row.externalId, row)
			byDomain.set(row.emailDomain.toLowerCase(), row)
		}
	}
	return {
		find: (ref: string): KnownAccount | undefined => {
			const r = ref.trim()
			return byId.get(r) ?? byExternal.get(r) ?? byDomain.get(r.toLowerCase())
		},
	}
}

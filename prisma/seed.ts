import { prisma } from '#app/utils/db.server.ts'
import { hashPassword } from '#app/utils/password.server.ts'
import { demoAccounts } from './demo-accounts.ts'
import { upsertAccount, upsertUser } from './factories.ts'
import { seedPlans } from './seed-plans.ts'
import { seedEngagement } from './seed-engagement.ts'
import { seedNotifications } from './seed-notifications.ts'
import { seedConsoleArticles } from './seed-content.ts'

/**
 * Demo data: idempotent, so running it again changes nothing. Every demo sign-in uses the password
 * `demo-password`. Content (articles, paths) comes from `npm run content:sync`; only the console's
 * workflow examples (drafts, reviews, a scheduled article) are seeded here (seed-content.ts).
 */
export const DEMO_PASSWORD = 'demo-password'

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dev', 'Elena', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kira', 'Liam']
const LAST = ['Okafor', 'Lindqvist', 'Moreau', 'Patel', 'Rossi', 'Nakamura', 'Schmidt', 'Silva', 'Kowalski', 'Haddad']

async function seedAccountsAndUsers() {
	const passwordHash = await hashPassword(DEMO_PASSWORD)
	const staff = {
		admin: await upsertUser(prisma, { email: 'admin@demo.test', name: 'Ada Admin', role: 'ADMIN', passwordHash }),
		csm: await upsertUser(prisma, { email: 'csm@demo.test', name: 'Casey Success', role: 'CSM', passwordHash }),
		csm2: await upsertUser(prisma, { email: 'csm2@demo.test', name: 'Morgan Rivers', role: 'CSM', passwordHash }),
		editor: await upsertUser(prisma, { email: 'editor@demo.test', name: 'Eddie Editor', role: 'EDITOR', passwordHash }),
	}
	let n = 0
	const counts = { 1: 0, 2: 0, 3: 0 }
	for (const input of demoAccounts()) {
		// csm@demo.test owns every Tier 1 account and Quill Publishing (Tier 2, Need to Exit), so their
		// console shows all four segments; the second CSM covers the rest of Tier 2.
		const casey = input.expectedTier === 1 || input.emailDomain === 'quill-publishing.example.com'
		const csmId = casey ? staff.csm.id : input.expectedTier === 2 ? staff.csm2.id : null
		const account = await upsertAccount(prisma, { ...input, csmId })
		if (account.tier !== input.expectedTier) {
			throw new Error(`Demo account ${input.name} came out as Tier ${account.tier}, expected ${input.expectedTier}: adjust demo-accounts.ts`)
		}
		counts[input.expectedTier]++
		const named = input.emailDomain.endsWith('.demo.test')
		if (named) {
			// tier1@demo.test, tier2@demo.test, tier3@demo.test: the documented demo sign-ins.
			const label = input.emailDomain.split('.')[0]!
			await upsertUser(prisma, { email: `${label}@demo.test`, name: `${label.replace('tier', 'Tier ')} Customer`, role: 'CUSTOMER', accountId: account.id, passwordHash })
		}
		const extra = input.expectedTier === 1 ? 4 : input.expectedTier === 2 ? 3 : 2
		for (let i = 0; i < extra; i++, n++) {
			const first = FIRST[n % FIRST.length]!
			const last = LAST[(n * 7) % LAST.length]!
			await upsertUser(prisma, {
				email: `${first}.${last}.${i}@${input.emailDomain}`.toLowerCase(),
				name: `${first} ${last}`,
				role: 'CUSTOMER',
				accountId: account.id,
				passwordHash,
			})
		}
	}
	return counts
}

export async function seed() {
	const counts = await seedAccountsAndUsers()
	console.log(`Seeded demo accounts: ${counts[1]} Tier 1, ${counts[2]} Tier 2, ${counts[3]} Tier 3`)
	console.log(`Seeded success plans: ${await seedPlans()} new`)
	console.log('Seeded engagement and scores:', await seedEngagement())
	console.log(`Seeded notifications: ${await seedNotifications()} new`)
	console.log(`Seeded console articles (drafts, in review, scheduled): ${await seedConsoleArticles()} new`)
}

if (import.meta.url === `file://${process.argv[1]}`) {
	seed()
		.then(() => prisma.$disconnect())
		.catch(async (error) => {
			console.error(error)
			await prisma.$disconnect()
			process.exit(1)
		})
}

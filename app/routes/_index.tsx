import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { useLoaderData } from '@remix-run/react'
import { getAccountOverview } from '#app/domain/accounts-tiers/accounts.server.ts'
import { getPopularArticles, listCategories } from '#app/domain/content/articles.server.ts'
import { listCertificates } from '#app/domain/learning/certificates.server.ts'
import { getContinueLearning } from '#app/domain/learning/paths.server.ts'
import { getRecommendationsFor } from '#app/domain/playbooks/recommendations.server.ts'
import { CustomerHome } from '#app/components/home/customer-home.tsx'
import { LearnerJourney } from '#app/components/learning/learner-journey.tsx'
import { VisitorHome } from '#app/components/home/visitor-home.tsx'
import { getReader, isStaff } from '#app/utils/auth.server.ts'

export const meta: MetaFunction = () => [{ title: 'Success Portal · Help centre' }]

const POPULAR_ON_HOME = 6

export async function loader({ request }: LoaderFunctionArgs) {
	const { user, reader } = await getReader(request)
	if (!user) {
		// The visitor's reader level: categories and popular articles are public ones only.
		const [categories, popular] = await Promise.all([listCategories(reader), getPopularArticles(reader, POPULAR_ON_HOME)])
		return { kind: 'visitor' as const, categories, popular }
	}
	if (isStaff(user)) throw redirect('/console')
	const account = user.accountId ? await getAccountOverview(user.accountId) : null
	if (!account) throw new Response('Your user is not linked to an account', { status: 403 })
	const [nextSteps, continueLearning, certificates] = await Promise.all([
		getRecommendationsFor(user),
		getContinueLearning(user.id, reader),
		listCertificates(user.id),
	])
	return {
		kind: 'customer' as const,
		name: user.name,
		account,
		nextSteps,
		continueLearning,
		certificates: certificates.map(({ id, pathTitle, issuedAt }) => ({ id, pathTitle, issuedAt })),
	}
}

export default function HomePage() {
	const data = useLoaderData<typeof loader>()
	if (data.kind === 'visitor') return <VisitorHome categories={data.categories} popular={data.popular} />
	return (
		<CustomerHome
			name={data.name}
			account={data.account}
			nextSteps={data.nextSteps}
			journey={<LearnerJourney continueLearning={data.continueLearning} certificates={data.certificates} />}
		/>
	)
}

import { redirect, type ActionFunctionArgs } from '@remix-run/node'
import { requireSameOrigin } from '#app/utils/auth.server.ts'
import { destroySessionAndRedirect } from '#app/utils/session.server.ts'

export async function loader() {
	return redirect('/')
}

/** Deletes the session row, so the old cookie no longer works anywhere. */
export async function action({ request }: ActionFunctionArgs) {
	requireSameOrigin(request)
	return destroySessionAndRedirect(request, '/login')
}

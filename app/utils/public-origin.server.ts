import { getEnv } from '#app/utils/env.server.ts'

/**
 * The origin people reach the portal at, for links that leave the page (printed certificates, PDFs):
 * APP_ORIGIN when set (the portal behind a proxy knows its public name best), else the request's.
 */
export function publicOrigin(request: Request): string {
	return getEnv().APP_ORIGIN?.replace(/\/+$/, '') ?? new URL(request.url).origin
}

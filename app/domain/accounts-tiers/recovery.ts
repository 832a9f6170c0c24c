/** What account-recovery pages may show in the browser; the logic is in recovery.server.ts. */

export const RESET_LINK_MINUTES = 30

export const RESET_LINK_INVALID = 'This reset link has expired or was already used. Ask for a new one.'

import { hash, verify } from '@node-rs/argon2'

// argon2id with the library defaults (19 MiB, 2 passes): ~15 ms a hash on this machine.
export function hashPassword(password: string): Promise<string> {
	return hash(password)
}

export async function verifyPassword(password: string, passwordHash: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password)
	} catch {
		return false
	}
}

/** A hash to verify against when the email is unknown, so both failures take the same time. */
let dummyHash: Promise<string> | undefined
export function getDummyHash(): Promise<string> {
	dummyHash ??= hash('not-a-real-password-for-timing')
	return dummyHash
}

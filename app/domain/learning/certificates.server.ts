import { randomBytes } from 'node:crypto'
import { recordEvent } from '#app/domain/engagement/record.server.ts'
import { verificationCode, verifyCode } from '#app/domain/learning/certificate.ts'
import { isCertificateDue, type PathProgress } from '#app/domain/learning/progress.ts'
import type { Prisma } from '#app/generated/prisma/client.ts'
import { prisma } from '#app/utils/db.server.ts'
import { getEnv } from '#app/utils/env.server.ts'

/** Changing this secret invalidates every issued code, so CERTIFICATE_SECRET should be set once and kept. */
function certificateSecret(): string {
	const env = getEnv()
	return env.CERTIFICATE_SECRET ?? env.SESSION_SECRET
}

/**
 * Certificate ids are the link anyone may open, so they are random (120 bits) rather than a
 * cuid, whose timestamp and counter would let someone walk to other people's certificates.
 */
function newCertificateId(): string {
	return randomBytes(15).toString('base64url')
}

export const CERTIFICATE_ID_PATTERN = /^[A-Za-z0-9_-]{10,40}$/

/**
 * Issues the certificate of a path when it is due and not issued yet; returns its id, or null.
 * Runs inside the transaction of the step that completed the path, with its event.
 */
export async function issueCertificateIfDue(
	tx: Prisma.TransactionClient,
	learner: { id: string; name: string; accountId: string | null },
	path: { id: string; slug: string; title: string; certificate: boolean },
	progress: Pick<PathProgress, 'isComplete'>,
): Promise<string | null> {
	if (!isCertificateDue(path, progress)) return null
	const existing = await tx.certificate.findUnique({ where: { userId_pathId: { userId: learner.id, pathId: path.id } }, select: { id: true } })
	if (existing) return null
	const id = newCertificateId()
	await tx.certificate.create({
		data: {
			id,
			userId: learner.id,
			pathId: path.id,
			holderName: learner.name,
			pathTitle: path.title,
			verificationCode: verificationCode(id, certificateSecret()),
		},
	})
	await recordEvent(tx, {
		kind: 'certificate_issued',
		userId: learner.id,
		accountId: learner.accountId,
		itemKey: `path:${path.slug}`,
		data: { certificateId: id },
	})
	return id
}

export type PublicCertificate = {
	id: string
	holderName: string
	pathTitle: string
	pathSlug: string
	issuedAt: Date
	verificationCode: string
}

/** What anyone with the link sees: the holder's name, the path, the date and the code. Nothing else about the user. */
export async function getPublicCertificate(id: string): Promise<PublicCertificate | null> {
	if (!CERTIFICATE_ID_PATTERN.test(id)) return null
	const row = await prisma.certificate.findUnique({
		where: { id },
		select: { id: true, holderName: true, pathTitle: true, issuedAt: true, verificationCode: true, path: { select: { slug: true } } },
	})
	if (!row) return null
	const { path, ...fields } = row
	return { ...fields, pathSlug: path.slug }
}

/** What the share link shows anyone: name, course, date and that it is valid; the code stays with the holder. */
export type SharedCertificate = Omit<PublicCertificate, 'verificationCode'>

export function sharedView(certificate: PublicCertificate): SharedCertificate {
	const { id, holderName, pathTitle, pathSlug, issuedAt } = certificate
	return { id, holderName, pathTitle, pathSlug, issuedAt }
}

export type OwnedCertificate = { kind: 'not-found' } | { kind: 'not-owner' } | { kind: 'owner'; certificate: PublicCertificate }

/** The certificate for its holder only (printable copy, PDF): anyone else is told apart from a missing one so routes can answer 403. */
export async function findOwnCertificate(id: string, userId: string): Promise<OwnedCertificate> {
	if (!CERTIFICATE_ID_PATTERN.test(id)) return { kind: 'not-found' }
	const row = await prisma.certificate.findUnique({ where: { id }, select: { userId: true } })
	if (!row) return { kind: 'not-found' }
	if (row.userId !== userId) return { kind: 'not-owner' }
	const certificate = await getPublicCertificate(id)
	return certificate ? { kind: 'owner', certificate } : { kind: 'not-found' }
}

/** Whether a typed code is the code of this certificate (case, spaces and hyphens ignored). */
export function checkCertificateCode(certificateId: string, code: string): boolean {
	return verifyCode(certificateId, code, certificateSecret())
}

export async function listCertificates(userId: string) {
	return prisma.certificate.findMany({
		where: { userId },
		select: { id: true, pathTitle: true, issuedAt: true, verificationCode: true, path: { select: { slug: true } } },
		orderBy: { issuedAt: 'desc' },
	})
}

/** The id of this learner's certificate for a path, if issued. */
export async function certificateIdFor(userId: string, pathId: string): Promise<string | null> {
	const row = await prisma.certificate.findUnique({ where: { userId_pathId: { userId, pathId } }, select: { id: true } })
	return row?.id ?? null
}

import { PDFDocument } from 'pdf-lib'
import { describe, expect, test } from 'vitest'
import { renderCertificatePdf } from '#app/domain/learning/certificate-pdf.server.ts'

const input = {
	holderName: 'Zoë Lindqvist',
	pathTitle: 'Prism fundamentals',
	issuedAt: new Date('2026-03-03T10:00:00Z'),
	verificationCode: 'K7QF-2M9X-PA',
	verifyUrl: 'https://portal.example.com/certificates/abc123abc123',
}

describe('renderCertificatePdf', () => {
	test('one landscape page with the holder and path in its metadata', async () => {
		const bytes = await renderCertificatePdf(input)
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-')
		const doc = await PDFDocument.load(bytes)
		expect(doc.getPageCount()).toBe(1)
		const { width, height } = doc.getPage(0).getSize()
		expect(width).toBeGreaterThan(height)
		expect(doc.getTitle()).toBe('Prism fundamentals certificate: Zoë Lindqvist')
	})

	test('a name the standard fonts cannot draw still gives a PDF (characters replaced, never a failed download)', async () => {
		const bytes = await renderCertificatePdf({ ...input, holderName: '李小龍 Ωmega', pathTitle: 'A very long path title '.repeat(6) })
		expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1)
	})
})

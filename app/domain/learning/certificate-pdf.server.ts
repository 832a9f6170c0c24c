import { PDFDocument, rgb, StandardFonts, type PDFFont } from 'pdf-lib'
import { formatIssued } from '#app/domain/learning/certificate-date.ts'

export type CertificatePdfInput = {
	holderName: string
	pathTitle: string
	issuedAt: Date
	verificationCode: string
	/** absolute URL of the public verification page */
	verifyUrl: string
}

// A4 landscape, in PDF points.
const WIDTH = 842
const HEIGHT = 595
const BRAND = rgb(0.15, 0.33, 0.75)
const INK = rgb(0.06, 0.09, 0.16)
const MUTED = rgb(0.28, 0.33, 0.41)

/**
 * The standard PDF fonts encode WinAnsi only: a character outside it (a name in another script)
 * would make pdf-lib throw, so it is replaced rather than failing the download.
 */
function printable(font: PDFFont, text: string): string {
	const known = new Set(font.getCharacterSet())
	return [...text.normalize('NFC')].map((char) => (known.has(char.codePointAt(0)!) ? char : '?')).join('')
}

/** The certificate as a one-page PDF, generated on the server (pdf-lib, no native parts). */
export async function renderCertificatePdf(input: CertificatePdfInput): Promise<Uint8Array> {
	const doc = await PDFDocument.create()
	doc.setTitle(`${input.pathTitle} certificate: ${input.holderName}`)
	doc.setSubject('Certificate of completion')
	doc.setCreator('Success Portal')
	doc.setProducer('Success Portal')
	doc.setCreationDate(input.issuedAt)
	const page = doc.addPage([WIDTH, HEIGHT])
	const regular = await doc.embedFont(StandardFonts.Helvetica)
	const bold = await doc.embedFont(StandardFonts.HelveticaBold)
	const mono = await doc.embedFont(StandardFonts.CourierBold)

	page.drawRectangle({ x: 24, y: 24, width: WIDTH - 48, height: HEIGHT - 48, borderColor: BRAND, borderWidth: 4 })
	page.drawRectangle({ x: 34, y: 34, width: WIDTH - 68, height: HEIGHT - 68, borderColor: BRAND, borderWidth: 1 })

	/** Centred text that shrinks to fit the page width (long names and titles). */
	const centred = (raw: string, y: number, font: PDFFont, size: number, color = INK) => {
		const text = printable(font, raw)
		let fitted = size
		while (fitted > 8 && font.widthOfTextAtSize(text, fitted) > WIDTH - 140) fitted -= 1
		page.drawText(text, { x: (WIDTH - font.widthOfTextAtSize(text, fitted)) / 2, y, size: fitted, font, color })
	}

	centred('CERTIFICATE OF COMPLETION', 470, bold, 16, BRAND)
	centred('This certifies that', 420, regular, 14, MUTED)
	centred(input.holderName, 375, bold, 32)
	centred('completed the training path', 330, regular, 14, MUTED)
	centred(input.pathTitle, 290, bold, 24)
	centred(`on ${formatIssued(input.issuedAt)}`, 245, regular, 14, MUTED)
	centred(`Verification code ${input.verificationCode}`, 150, mono, 14)
	centred(`Verify at ${input.verifyUrl}`, 125, regular, 11, MUTED)
	centred('Success Portal · Prism', 70, regular, 10, MUTED)
	return doc.save()
}

import { z } from 'zod'

/** The contact form, shared by the page (validation as you type) and its action. */

export const MAX_ABOUT_LENGTH = 500

export const ContactSchema = z.object({
	subject: z
		.string({ error: 'Give your message a subject' })
		.trim()
		.min(3, 'The subject needs at least 3 characters')
		.max(150, 'Keep the subject under 150 characters'),
	message: z
		.string({ error: 'Write your message' })
		.trim()
		.min(10, 'Tell us a little more: at least 10 characters')
		.max(5000, 'Keep the message under 5000 characters'),
	about: z.string().max(MAX_ABOUT_LENGTH, 'That page address is too long').optional(),
})
export type ContactInput = z.infer<typeof ContactSchema>

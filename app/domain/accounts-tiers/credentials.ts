import { z } from 'zod'

export const EmailSchema = z
	.string({ error: 'Email is required' })
	.trim()
	.toLowerCase()
	.min(3, 'Email is required')
	.max(254, 'Email is too long')
	.email('Enter a valid email address')

// Long passphrases are welcome; the cap only stops absurd inputs from costing hash time.
export const PasswordSchema = z
	.string({ error: 'Password is required' })
	.min(10, 'Password must be at least 10 characters')
	.max(256, 'Password must be at most 256 characters')

export const SignInSchema = z.object({
	email: EmailSchema,
	password: z.string({ error: 'Password is required' }).min(1, 'Password is required').max(256),
	redirectTo: z.string().optional(),
})

/** A new password typed twice, under the sign-up rules: sign-up, reset and change all use these. */
const newPasswordFields = {
	password: PasswordSchema,
	confirmPassword: z.string({ error: 'Repeat the password' }),
}
const passwordsMatch: [(v: { password: string; confirmPassword: string }) => boolean, { message: string; path: string[] }] = [
	(v) => v.password === v.confirmPassword,
	{ message: 'The passwords do not match', path: ['confirmPassword'] },
]

export const RegisterSchema = z
	.object({
		name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Name is too long'),
		email: EmailSchema,
		...newPasswordFields,
	})
	.refine(...passwordsMatch)

export const ForgotPasswordSchema = z.object({ email: EmailSchema })

export const ResetPasswordSchema = z.object(newPasswordFields).refine(...passwordsMatch)

export const ChangePasswordSchema = z
	.object({
		currentPassword: z.string({ error: 'Enter your current password' }).min(1, 'Enter your current password').max(256),
		...newPasswordFields,
	})
	.refine(...passwordsMatch)

export function emailDomain(email: string): string {
	return email.slice(email.lastIndexOf('@') + 1).toLowerCase()
}

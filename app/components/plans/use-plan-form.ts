import { useForm, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useFetcher } from '@remix-run/react'
import type { z } from 'zod'

/**
 * A Conform form that posts through its own fetcher, so the many forms of a plan page each show
 * only their own errors, and the page stays where it is (on `/plan` or `/plans/:id`).
 */
export function usePlanForm<Schema extends z.ZodType<Record<string, unknown>>>(id: string, schema: Schema, defaultValue?: Record<string, unknown>) {
	const fetcher = useFetcher<SubmissionResult<string[]>>()
	const [form, fields] = useForm<z.output<Schema>>({
		id,
		lastResult: fetcher.state === 'idle' ? fetcher.data : undefined,
		constraint: getZodConstraint(schema),
		onValidate: ({ formData }) => parseWithZod(formData, { schema }),
		// Errors clear while the user types: with blur revalidation the error line vanishing on the
		// submit's mousedown shifts the button and swallows the click.
		shouldRevalidate: 'onInput',
		defaultValue: defaultValue as never,
	})
	return { fetcher, form, fields, busy: fetcher.state !== 'idle' }
}

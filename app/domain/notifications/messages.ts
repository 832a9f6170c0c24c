import { clip } from '#app/domain/plans/history-text.ts'

/**
 * The words of each notification, apart from who gets it. Pure, so the texts are tested without a
 * database. Links are in-portal paths; emails turn them into absolute URLs.
 */

export const NOTIFICATION_KINDS = {
	planProposed: 'PLAN_PROPOSED',
	planAgreed: 'PLAN_AGREED',
	planChangesRequested: 'PLAN_CHANGES_REQUESTED',
	tasksRaised: 'TASKS_RAISED',
	contactRequest: 'CONTACT_REQUEST',
	/** Written by people (or the demo seed), not by a trigger. */
	announcement: 'ANNOUNCEMENT',
} as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[keyof typeof NOTIFICATION_KINDS]

export type NotificationText = { kind: NotificationKind; title: string; body: string; link: string | null }

type PlanRef = { id: string; title: string; accountName: string }

export function planProposedText(plan: PlanRef, proposedBy: string, again: boolean): NotificationText {
	return {
		kind: NOTIFICATION_KINDS.planProposed,
		title: again ? `Your success plan was revised: “${clip(plan.title, 80)}”` : `Your success plan is ready for review: “${clip(plan.title, 80)}”`,
		body: `${proposedBy} proposed the success plan of ${plan.accountName}. Review each objective, then agree to the plan or ask for changes.`,
		link: `/plans/${plan.id}`,
	}
}

export function planAgreedText(plan: PlanRef, agreedBy: string): NotificationText {
	return {
		kind: NOTIFICATION_KINDS.planAgreed,
		title: `${plan.accountName} agreed to the success plan`,
		body: `${agreedBy} agreed to “${clip(plan.title, 120)}”.`,
		link: `/console/plans/${plan.id}`,
	}
}

/** A change request on the whole plan (objective absent) or on one objective's measure. */
export function planChangesRequestedText(plan: PlanRef, requestedBy: string, request: string, objective?: string): NotificationText {
	const on = objective ? `“${clip(objective, 80)}” in “${clip(plan.title, 80)}”` : `“${clip(plan.title, 120)}”`
	return {
		kind: NOTIFICATION_KINDS.planChangesRequested,
		title: `${plan.accountName} asked for changes to the success plan`,
		body: `${requestedBy} asked for changes to ${on}: “${clip(request, 600)}”`,
		link: `/console/plans/${plan.id}`,
	}
}

const TASKS_LISTED = 5

/** One notice per owner per scoring run, however many tasks it raised, so a busy run is one line in the bell. */
export function tasksRaisedText(tasks: ReadonlyArray<{ title: string; accountName: string }>): NotificationText {
	const lines = tasks.slice(0, TASKS_LISTED).map((t) => `• ${clip(t.title, 120)} (${t.accountName})`)
	if (tasks.length > TASKS_LISTED) lines.push(`…and ${tasks.length - TASKS_LISTED} more.`)
	return {
		kind: NOTIFICATION_KINDS.tasksRaised,
		title: tasks.length === 1 ? `New task: ${clip(tasks[0]!.title, 100)}` : `${tasks.length} new tasks in your queue`,
		body: lines.join('\n'),
		link: '/console/tasks',
	}
}

export type ContactText = {
	from: { name: string; email: string }
	accountName: string | null
	subject: string
	message: string
	aboutPath: string | null
}

function contactBody(contact: ContactText): string {
	const about = contact.aboutPath ? `\n\nAbout: ${contact.aboutPath}` : ''
	return `${contact.message}${about}\n\nReply to ${contact.from.name} at ${contact.from.email}.`
}

export function contactRequestText(contact: ContactText, link: string | null): NotificationText {
	const who = contact.accountName ? `${contact.from.name} (${contact.accountName})` : contact.from.name
	return {
		kind: NOTIFICATION_KINDS.contactRequest,
		title: `Message from ${who}: ${clip(contact.subject, 100)}`,
		body: contactBody(contact),
		link,
	}
}

/** The email the support address gets for a message from a customer without a named success manager. */
export function supportEmailText(contact: ContactText): { subject: string; text: string } {
	const account = contact.accountName ? ` (${contact.accountName})` : ''
	return {
		subject: `[Portal contact] ${clip(contact.subject, 120)}`,
		text: `From ${contact.from.name} <${contact.from.email}>${account}.\n\n${contactBody(contact)}`,
	}
}

/** The email that carries a notification: its words, a link to act on it, and how to stop these emails. */
export function notificationEmail(text: { title: string; body: string; link: string | null }, origin: string) {
	const open = text.link ? `\n\nOpen it in the portal: ${origin}${text.link}` : ''
	return {
		subject: text.title,
		text: `${text.body}${open}\n\n—\nYou get this email because of your Success Portal notifications. Turn emails off in your account settings: ${origin}/account`,
	}
}

export function passwordResetEmail(link: string, minutes: number) {
	return {
		subject: 'Reset your Success Portal password',
		text:
			`Someone (hopefully you) asked to reset the password of your Success Portal account.\n\n` +
			`Choose a new password here: ${link}\n\n` +
			`The link works once and expires in ${minutes} minutes. If you did not ask for it, ignore this email: your password stays as it is.`,
	}
}

import { defaultPlaybookConfig, type PlaybookConfig } from '#app/domain/playbooks/config.ts'

export type ObjectiveEvidence = {
	name: string
	unit?: string
	baseline?: number | null
	target: number
	current?: number | null
}

export type ExitEvidenceInput = {
	/** Product usage per week, e.g. average over the last four weeks. */
	weeklyActiveMinutes?: number | null
	/** Defaults to the playbook config's expectation. */
	expectedWeeklyActiveMinutes?: number
	activeUsers?: number
	seats?: number
	articlesRead?: number
	articlesAvailable?: number
	pathsCompleted?: number
	pathsAvailable?: number
	/** 0..100, null or undefined when no quiz was taken. */
	quizAverage?: number | null
	/** Success-plan objectives: outcomes against expectations. */
	objectives?: readonly ObjectiveEvidence[]
	/** Services the tier offers that the account never used (webinars, office hours...). */
	servicesNotUsed?: readonly string[]
}

/**
 * The case a CSM reviews before an exit conversation, as plain sentences: outcomes against
 * expectations, content and services not consumed, usage too low. Missing inputs are left out,
 * never guessed.
 */
export function buildExitEvidence(input: ExitEvidenceInput, config: PlaybookConfig = defaultPlaybookConfig): string[] {
	const lines: string[] = []
	const weekly = num(input.weeklyActiveMinutes)
	if (weekly !== undefined) {
		const expected = num(input.expectedWeeklyActiveMinutes) ?? config.exitEvidence.expectedWeeklyActiveMinutes
		lines.push(`Usage ${whole(weekly)} active minutes/week against ${whole(expected)} expected`)
	}
	const active = num(input.activeUsers)
	const seats = num(input.seats)
	if (active !== undefined && seats !== undefined && seats > 0) {
		lines.push(`${whole(active)} of ${whole(seats)} seats active`)
	}

	const content: string[] = []
	const read = num(input.articlesRead)
	if (read !== undefined) {
		const available = num(input.articlesAvailable)
		content.push(available !== undefined ? `${whole(read)} of ${whole(available)} articles read` : `${whole(read)} articles read`)
	}
	const paths = num(input.pathsCompleted)
	if (paths !== undefined) {
		const available = num(input.pathsAvailable)
		content.push(
			available !== undefined ? `${whole(paths)} of ${whole(available)} paths completed` : `${whole(paths)} paths completed`,
		)
	}
	if (content.length > 0) lines.push(content.join('; '))

	if (input.quizAverage === null) lines.push('No quiz taken')
	else {
		const quiz = num(input.quizAverage)
		if (quiz !== undefined) lines.push(`Quiz average ${whole(Math.min(100, Math.max(0, quiz)))}%`)
	}

	for (const objective of input.objectives ?? []) {
		const sentence = objectiveSentence(objective)
		if (sentence) lines.push(sentence)
	}
	const unused = (input.servicesNotUsed ?? []).filter((s) => s.trim().length > 0)
	if (unused.length > 0) lines.push(`Services not used: ${unused.join(', ')}`)
	return lines
}

/** "Objective 'Weekly dashboard viewers': 12 users against a target of 50 (progress 24%)"; only objectives behind target. */
function objectiveSentence(objective: ObjectiveEvidence): string | undefined {
	const target = num(objective.target)
	if (target === undefined) return undefined
	const current = num(objective.current)
	const unit = objective.unit ? ` ${objective.unit}` : ''
	if (current === undefined) return `Objective '${objective.name}': no measurement yet against a target of ${fmt(target)}${unit}`
	const baseline = num(objective.baseline) ?? 0
	const span = target - baseline
	// Progress from baseline toward target; works for targets below the baseline (e.g. cost down) too.
	const progress = span === 0 ? (current === target ? 1 : 0) : (current - baseline) / span
	if (progress >= 1) return undefined
	return `Objective '${objective.name}': ${fmt(current)}${unit} against a target of ${fmt(target)}${unit} (progress ${Math.round(Math.max(0, progress) * 100)}%)`
}

function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined
}

function whole(value: number): string {
	return String(Math.round(Math.max(0, value)))
}

function fmt(value: number): string {
	return Number.isInteger(value) ? String(value) : value.toFixed(1)
}

import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { createAccount, createUser, cookieFor } from '#test/support/requests.ts'

/**
 * A small content folder for the learning tests: answer keys and explanations carry SECRET-
 * markers so a test can search every response for them.
 */
export const FILES: Record<string, string> = {
	'paths/basics/path.yaml': `
title: Basics of Prism
summary: A short fixture path with two lessons and a quiz, for the learning tests.
audience: customers
level: beginner
estimatedMinutes: 20
skillTags: [getting-started]
certificate: true
steps:
  - lesson: intro
  - lesson: second
  - quiz: basics-quiz
`,
	'paths/basics/lessons/intro.mdx': `---
title: Introduction lesson
slug: intro
summary: The first lesson of the fixture path, with a knowledge check inside.
estimatedMinutes: 5
---
## Welcome

INTRO-LESSON-BODY for everyone.

<Check id="fx-check" />

<Audience min="tier1">
TIER1-ONLY-SECTION with its own check.

<Check id="fx-tier1-check" />
</Audience>
`,
	'paths/basics/lessons/second.mdx': `---
title: Second lesson
slug: second
summary: The second lesson of the fixture path, plain text only.
estimatedMinutes: 5
---
SECOND-LESSON-BODY.
`,
	'paths/basics/quizzes/basics-quiz.yaml': `
id: basics-quiz
title: Basics quiz
passMark: 100
attemptLimit: 3
cooldownMinutes: 10
difficulty: 2
questions:
  - id: q-colour
    type: single
    prompt: Which option is right?
    options:
      - { id: a, text: Wrong one }
      - { id: b, text: Right one }
    correct: b
    lesson: intro
    explanation: SECRET-EXPLANATION-COLOUR b is right.
  - id: q-true
    type: truefalse
    prompt: Is this statement true?
    correct: true
    explanation: SECRET-EXPLANATION-TRUE it is true.
`,
	'paths/vip/path.yaml': `
title: VIP strategy path
summary: A fixture path reserved for Tier 1 accounts, with one lesson and one quiz.
audience: tier1
level: advanced
estimatedMinutes: 30
skillTags: [governance]
certificate: true
steps:
  - lesson: vip-lesson
  - quiz: vip-quiz
`,
	'paths/vip/lessons/vip-lesson.mdx': `---
title: VIP lesson title
slug: vip-lesson
summary: A lesson only Tier 1 readers may open, with a check inside.
estimatedMinutes: 5
---
VIP-SECRET-BODY.

<Check id="fx-vip-check" />
`,
	'paths/vip/quizzes/vip-quiz.yaml': `
id: vip-quiz
title: VIP quiz
passMark: 50
questions:
  - id: q-vip
    type: single
    prompt: VIP-QUESTION-PROMPT?
    options:
      - { id: a, text: Alpha }
      - { id: b, text: Beta }
    correct: a
    explanation: SECRET-EXPLANATION-VIP alpha.
`,
	'paths/open/path.yaml': `
title: Open starter path
summary: A public fixture path anyone may read, signed in or not, with one lesson.
audience: public
level: beginner
estimatedMinutes: 5
skillTags: [onboarding]
certificate: false
steps:
  - lesson: hello
`,
	'paths/open/lessons/hello.mdx': `---
title: Hello everyone
slug: hello
summary: A public lesson of the fixture path that anyone may read.
estimatedMinutes: 2
---
PUBLIC-LESSON-BODY.
`,
	'checks/fixture.yaml': `
questions:
  - id: fx-check
    type: single
    prompt: Which check option is right?
    options:
      - { id: x, text: Option X }
      - { id: y, text: Option Y }
    correct: y
    explanation: SECRET-CHECK-EXPLANATION y it is.
  - id: fx-tier1-check
    type: truefalse
    prompt: Tier 1 check statement.
    correct: false
    explanation: SECRET-TIER1-CHECK-EXPLANATION.
  - id: fx-vip-check
    type: numeric
    prompt: How many VIPs?
    correct: 3
    explanation: SECRET-VIP-CHECK-EXPLANATION.
`,
	'assessments/fx-assess.yaml': `
id: fx-assess
title: Fixture self-assessment
audience: customers
passMark: 50
questions:
  - id: q-a1
    type: single
    prompt: Assessment question one?
    options:
      - { id: a, text: First }
      - { id: b, text: Second }
    correct: a
    explanation: SECRET-EXPLANATION-ASSESS-1.
  - id: q-a2
    type: multiple
    prompt: Assessment question two?
    options:
      - { id: a, text: First }
      - { id: b, text: Second }
      - { id: c, text: Third }
    correct: [a, c]
    explanation: SECRET-EXPLANATION-ASSESS-2.
recommendations:
  - { minScore: 0, maxScore: 49, path: basics, message: Start with the basics path. }
  - { minScore: 50, maxScore: 100, path: vip, message: Go further with the VIP path. }
`,
}

export async function writeContent(files: Record<string, string> = FILES): Promise<string> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'learning-content-'))
	for (const [file, text] of Object.entries(files)) {
		await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true })
		await fs.writeFile(path.join(dir, file), text)
	}
	return dir
}

export const TIER1 = { arr: 900_000, strategic: true, expansionPotential: 80, nps: 50 }

export async function customer(tier: 1 | 3 = 3) {
	const account = await createAccount(tier === 1 ? TIER1 : {})
	if (account.tier !== tier) throw new Error(`fixture account came out as Tier ${account.tier}, expected ${tier}`)
	const user = await createUser('CUSTOMER', { accountId: account.id })
	return { user, cookie: await cookieFor(user.id) }
}

export const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} })

/** Everything a loader or action produced, as text, to search for leaked secrets. */
export function text(result: unknown): string {
	return JSON.stringify(result)
}

export function statusOf(result: unknown): number {
	if (result instanceof Response) return result.status
	return (result as { init?: { status?: number } } | null)?.init?.status ?? 200
}

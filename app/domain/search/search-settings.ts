/**
 * Relevance settings shared by both adapters, so that the embedded engine and Meilisearch
 * behave alike (the contract suite checks the behaviour, these numbers keep it close).
 */

/** Relative weight of each searchable field: a title match outranks a body match. */
export const FIELD_BOOSTS = { title: 4, tags: 2, summary: 2, body: 1 } as const
export type SearchableField = keyof typeof FIELD_BOOSTS
/** Meilisearch ranks by attribute order instead of weights: same order as the boosts. */
export const SEARCHABLE_FIELDS: SearchableField[] = ['title', 'tags', 'summary', 'body']

/** Meilisearch's defaults: 1 typo from 5 letters, 2 typos from 9. A swap of two letters is one typo. */
export const MIN_WORD_SIZE_FOR_TYPOS = { oneTypo: 5, twoTypos: 9 } as const

/** Fewer hits than this as typed and the engine also tries typo corrections. */
export const MIN_HITS_BEFORE_TYPOS = 5

/** The last query word matches as a prefix from this many letters ('da' finds 'dashboard'). */
export const MIN_PREFIX_LENGTH = 2

/** Words too common to mean anything in a query; left out of the index and of queries. */
export const STOP_WORDS: readonly string[] = [
	'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'can', 'do', 'for', 'from', 'how', 'i', 'if',
	'in', 'is', 'it', 'my', 'of', 'on', 'or', 'the', 'this', 'to', 'was', 'what', 'when', 'with', 'you', 'your',
]

/** Single-word synonyms, both ways. Keep it short: every entry widens the queries that use it. */
export const SYNONYMS: Record<string, string[]> = {
	sso: ['saml'],
	saml: ['sso'],
	scim: ['provisioning'],
	provisioning: ['scim'],
	spreadsheet: ['csv'],
	csv: ['spreadsheet'],
	notification: ['alert'],
	alert: ['notification'],
}

/** Snippet length in characters, about 30 words. */
export const SNIPPET_LENGTH = 180

/** Category and tag values are kebab-case (docs/content-format.md); anything else is refused in filters. */
export const FACET_VALUE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

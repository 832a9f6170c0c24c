import { AUDIENCES } from '#app/domain/accounts-tiers/audience.ts'
import { DOC_TYPES, type SearchQuery } from '#app/domain/search/search-port.ts'
import { FACET_VALUE_PATTERN } from '#app/domain/search/search-settings.ts'

/**
 * Meilisearch filter expressions, built only from checked values: the reader level and types must
 * be known enum members, category and tags must be kebab-case. Values are quoted and escaped as
 * well, so even a value that slipped through could not change the expression.
 */

/** The array form Meilisearch accepts: outer entries AND, inner arrays OR. */
export type MeiliFilter = Array<string | string[]>

/** A quoted filter value, with backslashes and double quotes escaped. */
export function quoteFilterValue(value: string): string {
	return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`
}

export function equals(attribute: 'levels' | 'type' | 'category' | 'tags' | 'itemKey', value: string): string {
	return `${attribute} = ${quoteFilterValue(value)}`
}

/**
 * The filter for a query, or null when a value is not one that any doc can hold (the caller then
 * answers with no hits instead of asking Meilisearch).
 */
export function searchFilter(query: Pick<SearchQuery, 'readerLevel' | 'types' | 'category' | 'tags'>): MeiliFilter | null {
	if (!(AUDIENCES as readonly string[]).includes(query.readerLevel)) return null
	const filter: MeiliFilter = [equals('levels', query.readerLevel)]
	if (query.types?.length) {
		if (!query.types.every((type) => (DOC_TYPES as readonly string[]).includes(type))) return null
		filter.push(query.types.map((type) => equals('type', type)))
	}
	if (query.category) {
		if (!FACET_VALUE_PATTERN.test(query.category)) return null
		filter.push(equals('category', query.category))
	}
	if (query.tags?.length) {
		if (!query.tags.every((tag) => FACET_VALUE_PATTERN.test(tag))) return null
		filter.push(query.tags.map((tag) => equals('tags', tag)))
	}
	return filter
}

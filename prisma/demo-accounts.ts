import type { AccountInput } from './factories.ts'

/** Deterministic pseudo-random numbers so the demo data is the same on every machine. */
export function seededRandom(seed: number) {
	let state = seed >>> 0
	return () => {
		state = (state * 1664525 + 1013904223) >>> 0
		return state / 2 ** 32
	}
}

const TIER1 = ['Northwind Logistics', 'Helios Health', 'Atlas Retail Group']
const TIER2 = ['Bluefin Media', 'Cedar Credit Union', 'Quill Publishing', 'Orbit Telecom', 'Juniper Foods', 'Vertex Manufacturing']
const TIER3_PREFIX = [
	'Acorn', 'Birch', 'Cobalt', 'Dune', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Indigo', 'Jasper',
	'Kestrel', 'Lumen', 'Maple', 'Nimbus', 'Onyx', 'Pine', 'Quartz', 'Raven', 'Sable', 'Tundra',
	'Umber', 'Vale', 'Willow', 'Xeno', 'Yarrow', 'Zephyr', 'Alder', 'Basalt', 'Cirrus', 'Delta',
]
const TIER3_SUFFIX = ['Studio', 'Labs', 'Supply', 'Dental', 'Legal', 'Farms', 'Travel', 'Apparel', 'Robotics', 'Coffee']

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')

/** 3 Tier 1, 6 Tier 2 and 30 Tier 3 accounts with varied ARR, NPS and cost to serve. */
export function demoAccounts(): Array<AccountInput & { expectedTier: 1 | 2 | 3 }> {
	const rand = seededRandom(42)
	const between = (lo: number, hi: number) => Math.round(lo + rand() * (hi - lo))
	const accounts: Array<AccountInput & { expectedTier: 1 | 2 | 3 }> = []
	TIER1.forEach((name, i) => {
		accounts.push({
			name,
			emailDomain: i === 0 ? 'tier1.demo.test' : `${slug(name)}.example.com`,
			arr: between(520_000, 1_400_000),
			costToServe: between(90_000, 260_000),
			nps: between(-10, 60),
			csat: between(30, 48) / 10,
			expansionPotential: between(50, 90),
			strategic: true,
			expectedTier: 1,
		})
	})
	TIER2.forEach((name, i) => {
		accounts.push({
			name,
			emailDomain: i === 0 ? 'tier2.demo.test' : `${slug(name)}.example.com`,
			arr: between(180_000, 320_000),
			costToServe: between(20_000, 90_000),
			nps: between(-20, 70),
			csat: between(28, 49) / 10,
			expansionPotential: between(45, 80),
			strategic: false,
			expectedTier: 2,
		})
	})
	for (let i = 0; i < 30; i++) {
		const name = `${TIER3_PREFIX[i]} ${TIER3_SUFFIX[i % TIER3_SUFFIX.length]}`
		accounts.push({
			name,
			emailDomain: i === 0 ? 'tier3.demo.test' : `${slug(name)}.example.com`,
			arr: between(6_000, 90_000),
			costToServe: between(1_000, 30_000),
			nps: rand() < 0.15 ? null : between(-60, 80),
			csat: rand() < 0.3 ? null : between(15, 50) / 10,
			expansionPotential: between(0, 45),
			strategic: false,
			expectedTier: 3,
		})
	}
	return accounts
}

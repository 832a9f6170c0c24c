// Prisma's schema engine leaves long timers behind that keep the CLI alive 10-60 s after it is done.
// Preloaded via NODE_OPTIONS for CLI runs only: long timers no longer hold the process open.
const realSetTimeout = global.setTimeout
global.setTimeout = function (fn, ms, ...args) {
	const timer = realSetTimeout(fn, ms, ...args)
	if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref()
	return timer
}

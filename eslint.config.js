// ESLint (flat config): the recommended JavaScript and TypeScript rules, React's hooks rules, and a
// few import rules that need no module resolution (tsc already resolves every import). No
// formatting rules: layout is not what lint is for here. `npm run lint` runs it; `npm test` too.
import js from '@eslint/js'
import { importX } from 'eslint-plugin-import-x'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default tseslint.config(
	{
		ignores: ['build/**', 'build-shot/**', 'app/generated/**', '.tmp/**', '.cache/**', 'public/build/**', 'data/**', 'reports/**', 'test-results/**', 'playwright-report/**'],
	},
	js.configs.recommended,
	tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx}'],
		languageOptions: {
			parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			// A promise nobody awaits loses its error and its ordering: a write that may not happen.
			'@typescript-eslint/no-floating-promises': 'error',
			// An async callback where a plain one is expected (an event handler, forEach) drops its rejection.
			'@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
		},
	},
	{
		files: ['**/*.{js,mjs,cjs,ts,tsx}'],
		languageOptions: {
			globals: { ...globals.node, ...globals.browser },
		},
		plugins: { 'import-x': importX },
		rules: {
			'import-x/first': 'error',
			'import-x/no-duplicates': 'error',
			'import-x/no-mutable-exports': 'error',
			'import-x/no-empty-named-blocks': 'error',
			// Unused names are errors, but `_name` marks one kept on purpose (a skipped argument, a rest sibling).
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
			],
		},
	},
	{
		files: ['app/**/*.tsx', 'test/**/*.tsx'],
		...reactHooks.configs.flat.recommended,
	},
	{
		files: ['**/*.cjs'],
		languageOptions: { sourceType: 'commonjs' },
		rules: { '@typescript-eslint/no-require-imports': 'off' },
	},
)

import { renderToStaticMarkup } from 'react-dom/server'
import { expect, test } from 'vitest'
import { MdxContent } from '#app/components/mdx/mdx-content.tsx'
import { compileMdx } from '#app/domain/content/compile.server.ts'

// The policy allows plain kbd, sub, sup, br, details and summary: the renderer must show them as those elements.
test('plain string-only HTML renders as the plain elements, with nothing added', async () => {
	const { code } = await compileMdx('Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, 2<sup>8</sup><br />next\n\n<details>\n  <summary>Why?</summary>\n\n  Because.\n</details>\n')
	const html = renderToStaticMarkup(<MdxContent code={code} />)
	expect(html).toContain('Press <kbd>Ctrl</kbd>, H<sub>2</sub>O, 2<sup>8</sup><br/>next')
	expect(html).toMatch(/<details><summary>Why\?<\/summary>\s*<p>Because\.<\/p>\s*<\/details>/)
})

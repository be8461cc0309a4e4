// @ts-check
import antfu from '@antfu/eslint-config'

// The configuration Slidev and antfu/talks use: TypeScript, Vue, Markdown (fenced code blocks only, so the
// decks' frontmatter and Vue components are left alone) and CSS through eslint-plugin-format.
export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: true,
    formatters: { css: true },
    ignores: ['dist*', 'exports', 'test-results', 'bench-results', 'components.d.ts', 'patches', '.slidev'],
  },
  // Its one opinion we leave out: any list or call holding a call, an object or four items, one item a line.
  // And one that changes text: a line break inside <td>{{ cell }}</td> puts spaces into its textContent.
  { rules: { 'antfu/reasonable-newline': 'off', 'vue/singleline-html-element-content-newline': 'off' } },
  // Lines of code stay readable; data rows say so where they run longer.
  {
    files: ['**/*.{ts,mjs,js}'],
    ignores: ['tests/**'],
    rules: { 'style/max-len': ['error', { code: 120, ignoreUrls: true }] },
  },
  // Playwright's locator.innerText() is the rendered text the tests mean, not the DOM property the rule is about.
  { files: ['tests/browser/**'], rules: { 'unicorn/prefer-dom-node-text-content': 'off' } },
  // A Slidev deck is many slides in one file, each with its own H1.
  { files: ['slides.md', 'short.md', 'summary.md'], rules: { 'markdown/no-multiple-h1': 'off' } },
)

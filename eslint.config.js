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
  // A Slidev deck is many slides in one file, each with its own H1.
  { files: ['slides.md', 'short.md', 'summary.md'], rules: { 'markdown/no-multiple-h1': 'off' } },
)

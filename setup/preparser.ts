// Runs in Node wherever Slidev reads slides.md (dev, build, every export). It checks each fact's
// status and date, so a bad one stops the build naming the fact, and adds the figures' date and
// version to the headmatter's `info` and `keywords`: Slidev's exporter writes those as the PDF's
// subject and keywords and both PowerPoint files' subject.
import { definePreparserSetup } from '@slidev/types'
import { checkRecords, editionLine } from '../snippets/facts'

export default definePreparserSetup(() => {
  checkRecords()
  const edition = editionLine()
  return [{
    async transformSlide(_content, frontmatter) {
      if (typeof frontmatter.info === 'string' && !frontmatter.info.includes(edition))
        frontmatter.info = `${frontmatter.info} ${edition}.`
      if (typeof frontmatter.keywords === 'string' && !frontmatter.keywords.includes(edition))
        frontmatter.keywords = `${frontmatter.keywords}, ${edition}`
      return undefined
    },
  }]
})

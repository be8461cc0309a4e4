// The PowerPoint post-processing and its checks (scripts/pptx-a11y.mjs) on slide XML as Slidev's
// editable export writes it, and the notes the patched pptxgenjs writes. The exported files are checked in
// tests/browser/exports.test.ts.
import type { Buffer } from 'node:buffer'
import { describe, expect, it } from 'vitest'
import { decorativePictures, pptxA11yProblems, titledSlide, unzip, withTitlePlaceholder, xmlText } from '../../scripts/pptx-a11y.mjs'

const TREE = '<p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr></p:grpSpPr>'
function box(id: number, text: string, wrap = 'none') {
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Text ${id}"></p:cNvPr><p:cNvSpPr txBox="1"/><p:nvPr></p:nvPr></p:nvSpPr>`
    + `<p:spPr></p:spPr><p:txBody><a:bodyPr wrap="${wrap}"><a:normAutofit/></a:bodyPr><a:p><a:r><a:t>${text}</a:t></a:r></a:p></p:txBody></p:sp>`
}
const BACKDROP = '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Shape 0"></p:cNvPr></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/></a:xfrm>'
  + '<a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln></a:ln></p:spPr></p:sp>'
const PICTURE = (descr: string) => `<p:pic><p:nvPicPr><p:cNvPr id="9" name="Image 0" descr="${descr}">  </p:cNvPr></p:nvPicPr></p:pic>`
const slide = (...shapes: string[]) => `<p:sld><p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr></p:bg>${TREE}${shapes.join('')}</p:spTree></p:cSld></p:sld>`
const LAYOUT = `<p:sldLayout><p:cSld>${TREE}</p:spTree></p:cSld></p:sldLayout>`

describe('a slide\'s heading as its title', () => {
  const before = slide(BACKDROP, box(3, 'KICKER'), box(4, 'OpenAI&apos;s price would triple'), PICTURE('Bar chart'))

  it('becomes the one title placeholder, first in reading order, free to wrap', () => {
    const after = titledSlide(before, 'OpenAI\'s price would  triple', 5)
    const shapes = after.match(/<p:(sp|pic)>[\s\S]*?<\/p:\1>/g)!
    expect(shapes[0]).toContain('<p:ph type="title"/>')
    expect(shapes[0]).toContain('OpenAI&apos;s price would triple')
    expect(shapes[0]).toContain('wrap="square"')
    expect(shapes[0]).not.toContain('txBox')
    expect(after).not.toContain('Shape 0') // the backdrop that would hide it
    expect(shapes.slice(1).map(s => s.match(/name="([^"]+)"/)![1])).toEqual(['Text 3', 'Image 0'])
  })

  it('is an error naming the slide when no text box holds the title', () => {
    expect(() => titledSlide(before, 'Another title', 7)).toThrow(/slide 7: no text box holds its title "Another title"/)
  })
})

describe('the checks', () => {
  const layout = withTitlePlaceholder(LAYOUT)
  const good = titledSlide(slide(BACKDROP, box(3, 'One'), PICTURE('Bar chart')), 'One', 1)

  it('pass a titled slide, a layout with a title placeholder, and pictures with alt text or marked decorative', () => {
    expect(layout).toContain('<p:ph type="title"/>')
    expect(withTitlePlaceholder(layout)).toBe(layout)
    const decorative = decorativePictures(slide(PICTURE(' ')))
    expect(decorative).toContain('descr=""><a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative')
    const files = new Map([['ppt/slides/slide1.xml', good], ['ppt/slideLayouts/slideLayout1.xml', layout]])
    expect(pptxA11yProblems(files)).toEqual([])
  })

  it('name each rule a file breaks', () => {
    const files = new Map([
      ['ppt/slides/slide1.xml', good],
      ['ppt/slides/slide2.xml', slide(box(3, 'No title'), PICTURE(' '))],
      ['ppt/slides/slide3.xml', good],
      ['ppt/slides/slide4.xml', good.replace(/(<\/p:grpSpPr>)(<p:sp>[\s\S]*?<\/p:sp>)(<p:pic>[\s\S]*?<\/p:pic>)/, '$1$3$2').replace('>One<', '>Four<')],
      ['ppt/slideLayouts/slideLayout1.xml', LAYOUT],
    ])
    expect(pptxA11yProblems(files)).toEqual([
      'slide 2: 0 title placeholders, expected one with text',
      'slide 2: 1 picture(s) with neither alt text nor a decorative mark',
      'slide 3: same title as slide 1',
      'slide 4: the title is not first in reading order',
      'slideLayout1.xml has no title placeholder',
    ])
  })
})

describe('the presenter copy\'s notes (pptxgenjs, patched)', () => {
  it('keep each paragraph of a note a paragraph of its own', async () => {
    const { default: PptxGenJS } = await import('pptxgenjs')
    const deck = new PptxGenJS()
    deck.addSlide().addNotes('The first point.\n\nThe second point,\nover two lines.')
    const notes = unzip(await deck.write({ outputType: 'nodebuffer' }) as Buffer).get('ppt/notesSlides/notesSlide1.xml')!
    const body = notes.match(/<p:ph type="body"[\s\S]*?<\/p:txBody>/)?.[0] ?? ''
    expect([...body.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map(m => xmlText(m[0]))).toEqual(['The first point.', 'The second point, over two lines.'])
  })
})

// @ts-check
// What PowerPoint's Accessibility Checker asks of Slidev's editable PowerPoint, added to its XML with
// JSZip (pptxgenjs's own zip library): each slide's heading becomes its title placeholder, first in
// reading order; pictures without alt text are marked decorative; the layout gets a title placeholder.
// pptxA11yProblems reads the XML back and names each rule a file breaks.
import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { inflateRawSync } from 'node:zlib'
import JSZip from 'jszip'

const SHAPE = /<p:(sp|pic|graphicFrame|grpSp|cxnSp)>[\s\S]*?<\/p:\1>/g
const TREE_START = /<p:spTree>[\s\S]*?<\/p:grpSpPr>/
const DECORATIVE = '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative '
  + 'xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>'
const TITLE_PLACEHOLDER = '<p:sp><p:nvSpPr><p:cNvPr id="1000" name="Title Placeholder"/>'
  + '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
  + '<p:spPr><a:xfrm><a:off x="419100" y="533400"/><a:ext cx="8496300" cy="800100"/></a:xfrm></p:spPr>'
  + '<p:txBody><a:bodyPr><a:normAutofit/></a:bodyPr><a:lstStyle/>'
  + '<a:p><a:endParaRPr lang="en-US"/></a:p></p:txBody></p:sp>'

const ENTITIES = /** @type {Record<string, string>} */ ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' })
/** The text runs of a DrawingML part, entities decoded. */
function textRuns(/** @type {string} */ xml) {
  return [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)]
    .map(m => (m[1] ?? '').replace(/&(amp|lt|gt|quot|apos);/g, (_, name) => ENTITIES[name] ?? ''))
}
/** The text of a part, runs joined by spaces. */
export const xmlText = (/** @type {string} */ xml) => textRuns(xml).join(' ')
/** A shape's text as one string, for comparing with a slide's title. */
const shapeText = (/** @type {string} */ xml) => textRuns(xml).join('')

const same = (/** @type {string} */ s) => s.replace(/[\u2018\u2019]/g, '\'').replace(/\s+/g, ' ').trim().toLowerCase()
function slideNames(/** @type {Iterable<string>} */ names) {
  return [...names]
    .filter(n => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(a.match(/\d+/)) - Number(b.match(/\d+/)))
}

/**
 * One slide's XML with its heading (the text box whose text is `title`) made the title placeholder,
 * moved first in the shape tree, free to wrap (a viewer without Inter sets it wider: it wraps and
 * shrinks instead of running off the slide). A full-slide rectangle without text goes: the slide's
 * own background paints the same, and it would cover a title moved under it.
 * @param {string} xml @param {string} title @param {number} no
 */
export function titledSlide(xml, title, no) {
  const shapes = [...xml.matchAll(SHAPE)].map(m => m[0])
  const heading = shapes.find(s => s.startsWith('<p:sp>') && same(shapeText(s)) === same(title))
  if (!heading)
    throw new Error(`slide ${no}: no text box holds its title "${title}"`)
  const background = xml.match(/<p:bg>[\s\S]*?<a:srgbClr val="(\w+)"/)?.[1]
  const first = shapes[0] ?? ''
  const backdrop = first.startsWith('<p:sp>') && !shapeText(first).trim() && first.includes('<a:off x="0" y="0"/>')
    && first.includes(`<a:solidFill><a:srgbClr val="${background}"/></a:solidFill><a:ln></a:ln>`)
    ? first
    : undefined
  const placeholder = heading
    .replace(/<p:cNvSpPr txBox="1"\/>/, '<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>')
    .replace(/name="Text (\d+)"/, 'name="Title $1"')
    .replace(/<p:nvPr>\s*<\/p:nvPr>|<p:nvPr\/>/, '<p:nvPr><p:ph type="title"/></p:nvPr>')
    .replace(/(<a:bodyPr[^>]*?)wrap="none"/, '$1wrap="square"')
  let out = xml.replace(heading, '')
  if (backdrop)
    out = out.replace(backdrop, '')
  // Every text box may wrap, not only the title: a one-line label sized for Inter would run off the slide.
  return out
    .replace(TREE_START, start => start + placeholder)
    .replace(/(<a:bodyPr[^>]*?)wrap="none"/g, '$1wrap="square"')
}

/** Marks a picture with blank alt text as decorative (Slidev's exporter gives aria-hidden art " "). */
export function decorativePictures(/** @type {string} */ xml) {
  return xml.replace(/<p:cNvPr ([^>]*?)descr="\s*"([^>]*?)(\/?)>/g, (_, a, b, closed) =>
    `<p:cNvPr ${a}descr=""${b}>${DECORATIVE}${closed ? '</p:cNvPr>' : ''}`)
}

/** Gives a layout or master without one a title placeholder, so a slide's title has one to follow. */
export function withTitlePlaceholder(/** @type {string} */ xml) {
  return /<p:ph type="title"/.test(xml) ? xml : xml.replace(TREE_START, start => start + TITLE_PLACEHOLDER)
}

/**
 * Rewrites a .pptx in place. `titles` are the slides' titles in order (Slidev's parser).
 * @param {string} file @param {string[]} titles
 */
export async function makePptxAccessible(file, titles) {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const names = Object.keys(zip.files)
  const slides = slideNames(names)
  if (slides.length !== titles.length)
    throw new Error(`${slides.length} slides in the PowerPoint, ${titles.length} titles in the deck`)
  for (const [i, name] of slides.entries())
    zip.file(name, decorativePictures(titledSlide(await zip.file(name)?.async('string') ?? '', titles[i] ?? '', i + 1)))
  for (const name of names.filter(n => /^ppt\/slide(Layout|Master)s\/slide\1\d+\.xml$/.test(n)))
    zip.file(name, withTitlePlaceholder(await zip.file(name)?.async('string') ?? ''))
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
}

/**
 * Which accessibility rules a PowerPoint breaks, each named: every slide has one title placeholder
 * with text, first in reading order; titles are unique; every layout has a title placeholder;
 * every picture has alt text or is marked decorative.
 * @param {Map<string, string>} files the unzipped parts, by name
 */
export function pptxA11yProblems(files) {
  const problems = []
  /** @type {Map<string, number>} */
  const seen = new Map()
  for (const [i, name] of slideNames(files.keys()).entries()) {
    const xml = files.get(name) ?? ''
    const shapes = [...xml.matchAll(SHAPE)].map(m => m[0])
    const titles = shapes.filter(s => /<p:ph type="(?:title|ctrTitle)"/.test(s))
    const text = same(shapeText(titles[0] ?? ''))
    if (titles.length !== 1 || !text) {
      problems.push(`slide ${i + 1}: ${titles.length} title placeholders${titles.length ? ' (or an empty one)' : ''}, `
        + 'expected one with text')
    }
    else if (shapes[0] !== titles[0]) {
      problems.push(`slide ${i + 1}: the title is not first in reading order`)
    }
    if (text && seen.has(text))
      problems.push(`slide ${i + 1}: same title as slide ${seen.get(text)}`)
    seen.set(text, i + 1)
    const blind = shapes
      .filter(s => s.startsWith('<p:pic>') && !s.includes('adec:decorative')
        && !/descr="\s*(?:[^\s"]|(?:[^\s"][^"]*)?")[^"]*"/.test(s))
      .length
    if (blind)
      problems.push(`slide ${i + 1}: ${blind} picture(s) with neither alt text nor a decorative mark`)
  }
  for (const [name, xml] of files) {
    if (/^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name) && !/<p:ph type="title"/.test(xml))
      problems.push(`${name.split('/').pop()} has no title placeholder`)
  }
  return problems
}

/** The files of a ZIP archive (a .pptx), by name, inflated. */
export function unzip(/** @type {Buffer} */ zip) {
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054B50)
    end--
  if (end < 0)
    throw new Error('not a ZIP archive')
  /** @type {Map<string, string>} */
  const files = new Map()
  let at = zip.readUInt32LE(end + 16)
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    const data = zip.subarray(start, start + size)
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString('utf8'))
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32)
  }
  return files
}

/**
 * What is wrong with a PowerPoint: not a ZIP, wrong slide count, a slide without editable text, a
 * picture whose alt text is the exporter's placeholder, notes with markup, or notes where none belong.
 * @param {string} file
 * @param {{ slides: number, notes: boolean }} expect
 */
export function pptxProblems(file, expect) {
  let files
  try {
    files = unzip(readFileSync(file))
  }
  catch (error) {
    return [`${path.basename(file)} does not open as a PowerPoint file (${/** @type {Error} */ (error).message})`]
  }
  const problems = []
  const slides = [...files.keys()].filter(name => /^ppt\/slides\/slide\d+\.xml$/.test(name))
  if (slides.length !== expect.slides)
    problems.push(`${slides.length} slides, expected ${expect.slides}`)
  for (const name of slides) {
    const xml = files.get(name) ?? ''
    if (!xmlText(xml).trim())
      problems.push(`${path.basename(name)} has no editable text`)
    if (/descr="Rendered as an image/.test(xml))
      problems.push(`${path.basename(name)}: a picture has the placeholder alt text instead of its summary`)
  }
  const notes = [...files.entries()]
    .filter(([name]) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(name))
    .map(([, xml]) => xmlText(xml).replace(/^\s*\d+\s*$/, ''))
  const written = notes.filter(text => /[a-z]{3}/i.test(text))
  if (!expect.notes && written.length)
    problems.push(`${written.length} slides carry speaker notes; the audience copy must have none`)
  if (expect.notes && !written.length)
    problems.push('no speaker notes in the presenter copy')
  if (written.some(text => /\[click|<\/?[a-z]|\*\*/i.test(text)))
    problems.push('speaker notes keep [click] markers or markup')
  return problems
}

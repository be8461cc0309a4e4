// @ts-check
// PDF/UA-1 for Chromium's tagged PDFs: what Chromium leaves out is added with pdf-lib (makePdfUa), and
// pdfUaProblems reads the result back with qpdf --json, a tool this project did not write.
// Chromium already tags headings, lists, figures (/Alt from aria-label) and links, sets /Lang, /Tabs /S
// and DisplayDocTitle; content it leaves out of the structure tree (aria-hidden: the footer in print,
// backgrounds, decorative logos) is drawn unmarked, and is marked here as /Artifact.
import { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib'

/**
 * Content-stream tokens: strings, hex strings, dict brackets, names, numbers and operators. Chromium
 *  writes text as hex strings; a literal string with unbalanced escaped parentheses is not expected.
 */
const TOKEN = /\((?:[^\\()]|\\[\s\S])*\)|<<|>>|<[0-9A-F\s]*>|[[\]]|\/[^\s/<>()[\]{}%]*|[^\s/<>()[\]{}%]+/gi
const OPERATOR = /^[A-Z'"][A-Z*]*$/i
const PAINTS = new Set(['Tj', 'TJ', '\'', '"', 'Do', 'sh', 'BI', 'f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*'])

/**
 * The [start, end) spans of a content stream that paint something outside every marked-content
 * sequence: what a screen reader neither reads nor knows to skip. Each span runs from the end of a
 * sequence (or the stream's start) to just before the operands of the next BDC/BMC (or the end).
 * @param {string} content
 * @returns {[number, number][]} the spans, in order
 */
export function unmarkedSpans(content) {
  /** @type {[number, number][]} */
  const spans = []
  let depth = 0
  let start = 0
  let paints = false
  let operands = 0 // where the current operator's operands begin
  for (const m of content.matchAll(TOKEN)) {
    const token = m[0]
    if (!OPERATOR.test(token) || token === 'true' || token === 'false' || token === 'null')
      continue
    if (token === 'BDC' || token === 'BMC') {
      if (depth === 0 && paints)
        spans.push([start, operands])
      depth++
    }
    else if (token === 'EMC') {
      depth = Math.max(0, depth - 1)
      if (depth === 0) {
        start = m.index + 3
        paints = false
      }
    }
    else if (depth === 0 && PAINTS.has(token)) {
      paints = true
    }
    operands = m.index + token.length
  }
  if (depth === 0 && paints)
    spans.push([start, content.length])
  return spans
}

/** Wraps every unmarked span in `/Artifact BMC … EMC`. */
export function markArtifacts(/** @type {string} */ content) {
  let out = content
  for (const [start, end] of unmarkedSpans(content).reverse())
    out = `${out.slice(0, start)}\n/Artifact BMC\n${out.slice(start, end)}\nEMC\n${out.slice(end)}`
  return out
}

const xml = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** An XMP packet with the title, language, author and the PDF/UA-1 identifier. */
export function xmpPacket(/** @type {{ title: string, lang: string, author?: string }} */ meta) {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>${xml(meta.lang)}</rdf:li></rdf:Bag></dc:language>
${meta.author ? `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>` : ''}
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>`
}

/**
 * Rewrites a tagged PDF in place: XMP metadata with the PDF/UA identifier, the title shown, a
 * description on every link, and everything drawn outside the structure tree marked as an artifact.
 * Throws, naming the field, when the PDF has no title or language to build on.
 * @param {string} file
 */
export async function makePdfUa(file) {
  const N = (/** @type {string} */ name) => PDFName.of(name)
  const doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false })
  const { catalog, context } = doc
  const title = doc.getTitle()
  const lang = catalog.lookupMaybe(N('Lang'), PDFString, PDFHexString)?.decodeText()
  const missing = !title
    ? 'no /Title'
    : !lang
        ? 'no /Lang'
        : !catalog.has(N('StructTreeRoot')) ? 'not tagged (no /StructTreeRoot)' : ''
  if (!title || !lang || missing)
    throw new Error(`${file}: cannot make it PDF/UA: ${missing}`)
  const xmp = xmpPacket({ title, lang, author: doc.getAuthor() })
  const metadata = context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' })
  catalog.set(N('Metadata'), context.register(metadata))
  catalog.set(N('MarkInfo'), context.obj({ Marked: true }))
  doc.setTitle(title, { showInWindowTitleBar: true })

  // Chromium tags an <svg role="img"> as a Figure without /Alt around the Figure with it: a Div instead.
  const figure = (/** @type {unknown} */ o, /** @type {boolean} */ alt) =>
    o instanceof PDFDict && o.get(N('S')) === N('Figure') && o.has(N('Alt')) === alt
  for (const [, object] of context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && figure(object, false) && figure(object.lookup(N('K')), true))
      object.set(N('S'), N('Div'))
  }

  const pages = doc.getPages()
  const pageOf = new Map(pages.map((page, i) => [page.ref.toString(), i + 1]))
  const dests = catalog.lookupMaybe(N('Dests'), PDFDict)
  for (const page of pages) {
    // Content: one stream, unmarked drawing wrapped as /Artifact; the old streams are dropped.
    const contents = page.node.get(N('Contents'))
    const refs = (contents instanceof PDFArray ? contents.asArray() : [contents])
      .flatMap(r => (r instanceof PDFRef ? [r] : []))
    const text = refs.map(ref => context.lookup(ref))
      .map(s => (s instanceof PDFRawStream ? Buffer.from(decodePDFRawStream(s).decode()).toString('latin1') : ''))
      .join('\n')
    page.node.set(N('Contents'), context.register(context.flateStream(Buffer.from(markArtifacts(text), 'latin1'))))
    refs.forEach(ref => context.delete(ref))
    // Links: a description a screen reader speaks (the structure element is Chromium's).
    for (const annot of page.node.Annots()?.asArray().map(ref => context.lookup(ref)) ?? []) {
      if (!(annot instanceof PDFDict) || annot.get(N('Subtype')) !== N('Link') || annot.has(N('Contents')))
        continue
      const dest = annot.get(N('Dest'))
      const target = dest instanceof PDFName ? dests?.lookupMaybe(N(dest.decodeText()), PDFArray)?.get(0) : undefined
      const on = target ? pageOf.get(target.toString()) : undefined
      const uri = annot.lookupMaybe(N('A'), PDFDict)?.lookupMaybe(N('URI'), PDFString, PDFHexString)?.decodeText()
      const words = uri ? `Opens ${uri}` : `Goes to this figure's source${on ? `, page ${on}` : ''}`
      annot.set(N('Contents'), PDFHexString.fromText(words))
    }
  }
  writeFileSync(file, await doc.save())
}

/** @typedef {string | number | boolean | null | JsonList | JsonDict} JsonValue */
/** @typedef {{ [key: string]: JsonValue }} JsonDict */
/** @typedef {JsonValue[]} JsonList */
/** @typedef {{ value?: JsonValue, stream?: { dict: JsonDict, data?: string } }} JsonObject */

/** A PDF's objects as qpdf --json writes them ("obj:12 0 R": value or stream), the given streams inline, decoded. */
function qpdfObjects(/** @type {string} */ file, /** @type {string[]} */ streams = []) {
  const data = streams.length
    ? ['--json-stream-data=inline', ...streams.map(r => `--json-object=${r}`)]
    : ['--json-stream-data=none']
  const args = ['--json=2', '--json-key=qpdf', '--decode-level=generalized', ...data, file, '-']
  try {
    /** @type {Record<string, JsonObject>} */
    const objects = JSON.parse(execFileSync('qpdf', args, { encoding: 'utf8', maxBuffer: 256 << 20 })).qpdf[1]
    return objects
  }
  catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ENOENT')
      throw new Error('qpdf is missing: the PDF/UA checks need it (sudo apt-get install qpdf)')
    throw error
  }
}

/**
 * Which PDF/UA-1 rules a PDF breaks, each named, read with qpdf --json: XMP metadata with dc:title,
 * dc:language and pdfuaid:part 1; title shown; /Lang; marked and tagged; headings start at H1 and
 * skip no level; every figure has /Alt; every link has /Contents and a /Link structure element;
 * pages with annotations use structure tab order; nothing is drawn outside the tags or artifacts.
 * @param {string} file
 * @returns {string[]} the problems found, none for a conforming file
 */
export function pdfUaProblems(file) {
  const objects = qpdfObjects(file)
  const follow = (/** @type {JsonObject | undefined} */ o) => o?.value ?? o?.stream?.dict
  /** An object with references followed. @param {JsonValue | undefined} v @returns {JsonValue | undefined} */
  const get = v => (typeof v === 'string' && v.endsWith(' 0 R') ? follow(objects[`obj:${v}`]) : v)
  /** @returns {JsonDict} the dictionary, or {} for anything else */
  const dict = (/** @type {JsonValue | undefined} */ v) => {
    const d = get(v)
    return d && typeof d === 'object' && !Array.isArray(d) ? d : {}
  }
  const list = (/** @type {JsonValue | undefined} */ v) => {
    const a = get(v)
    return Array.isArray(a) ? a : a === undefined ? [] : [a]
  }
  const text = (/** @type {JsonValue | undefined} */ v) => (typeof v === 'string' ? v.replace(/^[ub]:/, '') : '')
  const trailer = dict(follow(objects.trailer))
  const catalog = dict(trailer['/Root'])
  const tree = dict(catalog['/StructTreeRoot'])
  /** @type {JsonDict[]} */
  const pages = []
  const walkPages = (/** @type {JsonValue} */ ref) => {
    const node = dict(ref)
    node['/Type'] === '/Pages' ? list(node['/Kids']).forEach(walkPages) : pages.push(node)
  }
  walkPages(catalog['/Pages'] ?? null)
  const metaRef = String(catalog['/Metadata'] ?? '')
  // Content stream references, not followed (one, or an array of them).
  const refs = (/** @type {JsonDict} */ page) => [page['/Contents'] ?? []].flat().map(String)
  const contents = pages.flatMap(refs)
  const streams = qpdfObjects(file, [...contents, ...(metaRef.endsWith(' R') ? [metaRef] : [])])
  const data = (/** @type {string} */ r) => Buffer.from(streams[`obj:${r}`]?.stream?.data ?? '', 'base64')
    .toString('latin1')
  const problems = []

  const xmp = metaRef ? data(metaRef) : ''
  if (!xmp)
    problems.push('PDF/UA 7.1: no XMP metadata stream')
  else if (![/<pdfuaid:part>1<\/pdfuaid:part>|pdfuaid:part="1"/, /<dc:title>/, /<dc:language>/].every(r => r.test(xmp)))
    problems.push('PDF/UA 5, 7.1: the XMP metadata lacks pdfuaid:part 1, dc:title or dc:language')
  if (!text(dict(trailer['/Info'])['/Title']) || dict(catalog['/ViewerPreferences'])['/DisplayDocTitle'] !== true)
    problems.push('PDF/UA 7.1: no document title, or the title is not displayed (DisplayDocTitle)')
  if (!text(catalog['/Lang']))
    problems.push('PDF/UA 7.2: no /Lang for the document')
  if (dict(catalog['/MarkInfo'])['/Marked'] !== true || !catalog['/StructTreeRoot'])
    problems.push('PDF/UA 7.1: not marked as tagged, or no structure tree')

  // The structure tree in reading order.
  /** @type {JsonDict[]} */
  const elements = []
  const walk = (/** @type {JsonValue} */ kid) => {
    const node = get(kid)
    if (Array.isArray(node))
      return node.forEach(walk)
    const element = dict(node)
    if (!element['/S'])
      return
    elements.push(element)
    list(element['/K']).forEach(walk)
  }
  list(tree['/K']).forEach(walk)
  const levels = elements.map(e => Number(/^\/H([1-6])$/.exec(String(e['/S']))?.[1] ?? 0)).filter(Boolean)
  const skipped = levels.findIndex((level, i) => level > (levels[i - 1] ?? 0) + 1)
  const after = skipped > 0 ? `H${levels[skipped - 1]}` : 'nothing'
  if (!levels.length || skipped >= 0) {
    problems.push(`PDF/UA 7.4: headings ${levels.length
      ? `skip a level (H${levels[skipped]} after ${after})`
      : 'missing'}`)
  }
  const blind = elements.filter(e => e['/S'] === '/Figure' && !text(e['/Alt']).trim()).length
  if (blind)
    problems.push(`PDF/UA 7.3: ${blind} figure${blind > 1 ? 's have' : ' has'} no /Alt`)

  // Annotations: described, tagged as /Link, in structure order; content: tagged or an artifact.
  /** @type {Map<JsonValue, JsonDict>} */
  const parents = new Map()
  const collect = (/** @type {JsonValue} */ ref) => {
    const node = dict(ref)
    const nums = list(node['/Nums'])
    for (let i = 0; i + 1 < nums.length; i += 2)
      parents.set(nums[i] ?? null, dict(nums[i + 1]))
    list(node['/Kids']).forEach(collect)
  }
  collect(tree['/ParentTree'] ?? null)
  pages.forEach((page, i) => {
    const annots = list(page['/Annots']).map(dict)
    if (annots.length && page['/Tabs'] !== '/S')
      problems.push(`PDF/UA 7.18.3: page ${i + 1} has annotations but no structure tab order (/Tabs /S)`)
    for (const annot of annots.filter(a => a['/Subtype'] === '/Link')) {
      if (!text(annot['/Contents']).trim())
        problems.push(`PDF/UA 7.18.5: a link on page ${i + 1} has no /Contents description`)
      if (parents.get(annot['/StructParent'] ?? null)?.['/S'] !== '/Link')
        problems.push(`PDF/UA 7.18.5: a link on page ${i + 1} has no /Link structure element`)
    }
    if (unmarkedSpans(refs(page).map(data).join('\n')).length)
      problems.push(`PDF/UA 7.1: page ${i + 1} draws content that is neither tagged nor an artifact`)
  })
  return problems
}

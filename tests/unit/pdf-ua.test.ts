// The PDF/UA post-processing and its checks (scripts/pdf-ua.mjs) on content streams and small PDFs.
// The exported deck and handout themselves are checked in tests/browser/exports.test.ts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { makePdfUa, markArtifacts, pdfUaProblems, unmarkedSpans, xmpPacket } from '../../scripts/pdf-ua.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'pdf-ua-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// As Chromium writes them: tagged text in BDC … EMC, an aria-hidden footer and a background unmarked.
const STREAM = [
  'q 1 1 1 rg 0 0 980 552 re f Q',
  '/H1 <</MCID 0 >>BDC BT /F4 32 Tf <0037> Tj ET EMC',
  'BT /F5 16 Tf <002b002c> Tj ET',
  '/NonStruct <</MCID 1 >>BDC BT (a \\) b) Tj ET EMC',
].join('\n')

describe('content outside the tags', () => {
  it('finds each unmarked span that paints, and none inside BDC … EMC', () => {
    const spans = unmarkedSpans(STREAM)
    expect(spans.map(([a, b]) => STREAM.slice(a, b).trim())).toEqual(['q 1 1 1 rg 0 0 980 552 re f Q', 'BT /F5 16 Tf <002b002c> Tj ET'])
    expect(unmarkedSpans('/P <</MCID 0 >>BDC BT <01> Tj ET EMC q 1 0 0 1 0 0 cm Q')).toEqual([])
  })

  it('wraps them as /Artifact, leaving the tagged content as it was', () => {
    const marked = markArtifacts(STREAM)
    expect(unmarkedSpans(marked)).toEqual([])
    expect(marked.match(/\/Artifact BMC/g)).toHaveLength(2)
    expect(marked).toContain('/H1 <</MCID 0 >>BDC BT /F4 32 Tf <0037> Tj ET EMC')
    expect(marked.replace(/\n?\/Artifact BMC\n|\nEMC\n/g, '')).toBe(STREAM)
  })
})

describe('xMP metadata', () => {
  it('carries the title, language and PDF/UA-1 identifier, escaped', () => {
    const xmp = xmpPacket({ title: 'A & B <deck>', lang: 'en' })
    expect(xmp).toContain('<pdfuaid:part>1</pdfuaid:part>')
    expect(xmp).toContain('<rdf:li xml:lang="x-default">A &amp; B &lt;deck&gt;</rdf:li>')
    expect(xmp).toContain('<dc:language><rdf:Bag><rdf:li>en</rdf:li></rdf:Bag></dc:language>')
  })
})

describe('a PDF that is not accessible', () => {
  const file = path.join(dir, 'plain.pdf')

  it('fails the checks, each rule named', async () => {
    const doc = await PDFDocument.create()
    doc.addPage().drawText('Plain text, no tags')
    writeFileSync(file, await doc.save())
    const problems = pdfUaProblems(file)
    for (const rule of [/no XMP metadata/, /title is not displayed/, /no \/Lang/, /no structure tree/, /headings missing/, /page 1 draws content that is neither tagged nor an artifact/])
      expect(problems.some(p => rule.test(p)), String(rule)).toBe(true)
  })

  it('is refused by the post-processing, naming what is missing', async () => {
    const doc = await PDFDocument.create()
    doc.addPage()
    doc.setTitle('Deck')
    writeFileSync(file, await doc.save())
    await expect(makePdfUa(file)).rejects.toThrow(/cannot make it PDF\/UA: no \/Lang/)
    doc.setLanguage('en')
    writeFileSync(file, await doc.save())
    await expect(makePdfUa(file)).rejects.toThrow(/not tagged/)
  })
})

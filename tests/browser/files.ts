// Reading the exported files without dependencies: poppler-utils for PDFs, a ZIP directory walk for PPTX.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'

export function pdfPages(file: string): number {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  return Number(info.match(/^Pages:\s+(\d+)/m)?.[1])
}

export function pdfText(file: string, page?: number): string {
  const range = page ? ['-f', String(page), '-l', String(page)] : []
  return execFileSync('pdftotext', ['-layout', ...range, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
}

/** One page rendered by pdftoppm as raw RGB (PPM). */
export function renderPage(file: string, page: number, outDir: string, dpi = 72): { width: number, height: number, rgb: Buffer } {
  const prefix = path.join(outDir, `page-${path.basename(file, '.pdf')}-${page}`)
  execFileSync('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(dpi), '-singlefile', file, prefix])
  const ppm = readFileSync(`${prefix}.ppm`)
  // P6 <width> <height> <maxval> then binary RGB.
  const header = ppm.subarray(0, 64).toString('latin1').match(/^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/)
  if (!header)
    throw new Error(`${prefix}.ppm is not a binary PPM`)
  const [all, w, h] = header
  return { width: Number(w), height: Number(h), rgb: ppm.subarray(all.length) }
}

/** Colour statistics of a region given as fractions of the page. */
export function regionStats(image: { width: number, height: number, rgb: Buffer }, region: { x: number, y: number, w: number, h: number }) {
  const x0 = Math.floor(region.x * image.width)
  const y0 = Math.floor(region.y * image.height)
  const x1 = Math.ceil((region.x + region.w) * image.width)
  const y1 = Math.ceil((region.y + region.h) * image.height)
  const counts = new Map<number, number>()
  const pixels: number[] = []
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * image.width + x) * 3
      const rgb = (image.rgb[i]! << 16) | (image.rgb[i + 1]! << 8) | image.rgb[i + 2]!
      pixels.push(rgb)
      const q = ((image.rgb[i]! >> 4) << 8) | ((image.rgb[i + 1]! >> 4) << 4) | (image.rgb[i + 2]! >> 4)
      counts.set(q, (counts.get(q) ?? 0) + 1)
    }
  }
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0]
  const bg = [(background >> 8) * 16, ((background >> 4) & 15) * 16, (background & 15) * 16]
  const differing = pixels.filter(p => Math.abs((p >> 16) - bg[0]!) + Math.abs(((p >> 8) & 255) - bg[1]!) + Math.abs((p & 255) - bg[2]!) > 60).length
  return { total: pixels.length, inked: differing / Math.max(1, pixels.length), colors: [...counts.values()].filter(n => n >= 4).length }
}

/** File names in a ZIP archive (central directory), enough to look inside a .pptx without a dependency. */
export function zipEntries(zip: Buffer): string[] {
  let end = zip.length - 22
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054B50)
    end--
  if (end < 0)
    throw new Error('not a zip file')
  const count = zip.readUInt16LE(end + 10)
  let offset = zip.readUInt32LE(end + 16)
  const names: string[] = []
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(offset) !== 0x02014B50)
      throw new Error('bad zip central directory')
    const nameLength = zip.readUInt16LE(offset + 28)
    const extra = zip.readUInt16LE(offset + 30)
    const comment = zip.readUInt16LE(offset + 32)
    names.push(zip.subarray(offset + 46, offset + 46 + nameLength).toString('utf8'))
    offset += 46 + nameLength + extra + comment
  }
  return names
}

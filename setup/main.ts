import { defineAppSetup } from '@slidev/types'
import { paletteCss } from '../snippets/palette'

// Slide text takes its colours from the same palette module as the charts,
// so the palette lives in one place instead of being mirrored in CSS.
export default defineAppSetup(() => {
  if (typeof document === 'undefined')
    return
  const style = document.createElement('style')
  style.dataset.deckPalette = ''
  style.textContent = paletteCss()
  document.head.appendChild(style)
})

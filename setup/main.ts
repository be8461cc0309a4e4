import { useDarkMode } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { paletteCss } from '../snippets/palette'
import { COLOR_SCHEMA_KEY } from '../snippets/slidev-seam'

export default defineAppSetup(() => {
  if (typeof document === 'undefined')
    return
  // Slide text takes its colours from the same palette module as the charts.
  const style = document.createElement('style')
  style.dataset.deckPalette = ''
  style.textContent = paletteCss()
  document.head.appendChild(style)
  // Light by default, whatever the laptop's own setting: a projector is light. `colorSchema: light`
  // would lock it, so the headmatter stays `auto` and `d` still toggles dark. Slidev writes its own
  // key ('auto') at start-up, so ours marks that the default was applied once; an explicit choice,
  // then or later, is kept.
  if (localStorage.getItem('deck-light-default') === null) {
    localStorage.setItem('deck-light-default', 'applied')
    if (localStorage.getItem(COLOR_SCHEMA_KEY) !== 'dark')
      useDarkMode().isDark.value = false
  }
})

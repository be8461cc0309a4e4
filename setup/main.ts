import { useDarkMode } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { paletteCss } from '../snippets/palette'

export default defineAppSetup(() => {
  if (typeof document === 'undefined')
    return
  // Slide text takes its colours from the same palette module as the charts.
  const style = document.createElement('style')
  style.dataset.deckPalette = ''
  style.textContent = paletteCss()
  document.head.appendChild(style)
  // Light by default, whatever the laptop's own setting: a projector is light. `colorSchema: light`
  // would lock it, so the headmatter stays `auto` and `d` still toggles dark; a choice made with `d`
  // is kept in localStorage and wins from then on.
  if (localStorage.getItem('slidev-color-schema') === null)
    useDarkMode().isDark.value = false
})

import { defineRootSetup } from '@slidev/types'
import { NOTES_ROW_SIZE_KEY, NOTES_WIDTH_KEY } from '../snippets/slidev-seam'

// A roomier notes pane in the presenter view by default: Slidev keeps the pane sizes a presenter
// drags to in localStorage, so only fill them in when the presenter has not chosen any.
const PRESENTER_PANE_DEFAULTS: Record<string, string> = {
  [NOTES_WIDTH_KEY]: '600',
  [NOTES_ROW_SIZE_KEY]: '620',
}

export default defineRootSetup(() => {
  if (typeof localStorage === 'undefined')
    return
  for (const [key, value] of Object.entries(PRESENTER_PANE_DEFAULTS)) {
    if (localStorage.getItem(key) === null)
      localStorage.setItem(key, value)
  }
})

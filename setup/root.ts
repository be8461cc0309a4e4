import { defineRootSetup } from '@slidev/types'

// A roomier notes pane in the presenter view by default: Slidev keeps the pane sizes a presenter
// drags to in localStorage, so only fill them in when the presenter has not chosen any.
const PRESENTER_PANE_DEFAULTS: Record<string, string> = {
  'slidev-presenter-notes-width': '600',
  'slidev-presenter-notes-row-size': '620',
}

export default defineRootSetup(() => {
  if (typeof localStorage === 'undefined')
    return
  for (const [key, value] of Object.entries(PRESENTER_PANE_DEFAULTS)) {
    if (localStorage.getItem(key) === null)
      localStorage.setItem(key, value)
  }
})

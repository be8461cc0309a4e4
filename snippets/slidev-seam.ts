// The Slidev seam: every private Slidev 53 name this deck relies on, in one place. None of them is
// public API, so an upgrade may rename any; tests/unit/slidev-seam.test.ts finds each one where
// Slidev defines it and fails naming the one that moved. Plain constants: no Vue, no Slidev import.
// The patched Slidev files are the other half of the seam: patches/README.md.

/** Classes and ids Slidev puts on its views (for a selector, prefix `.` or `#`). */
const PRESENTER = 'slidev-presenter'
const NOTES_SECTION = 'grid-section note'
const NOTE = 'slidev-note'
const NOTE_MARK = 'slidev-note-click-mark'
const NOTE_MARK_ACTIVE = 'slidev-note-click-mark-active'
const NOTE_FADE = 'slidev-note-fade'
const NOTE_WITH_CLICKS = 'slidev-note-with-clicks'
const SLIDESHOW = 'slideshow'
const SLIDE_PAGE = 'slidev-page'
const SLIDE_NO = 'data-slidev-no'
const LAYOUT = 'slidev-layout'
const SLIDE_LOADING = 'slidev-slide-loading'
const VCLICK_HIDDEN = 'slidev-vclick-hidden'
const CODE = 'slidev-code'

/** localStorage keys Slidev reads at start-up. */
export const NOTES_WIDTH_KEY = 'slidev-presenter-notes-width'
export const NOTES_ROW_SIZE_KEY = 'slidev-presenter-notes-row-size'
export const COLOR_SCHEMA_KEY = 'slidev-color-schema'

/** The fields of `sharedState.timer` (Slidev's talk timer, shared by every window) the pace line uses. */
const TIMER_FIELDS = ['status', 'startedAt', 'pausedAt'] as const

/** Where Slidev defines each name: a file under node_modules and the text that must be in it. */
export const SEAM_SOURCES: ReadonlyArray<readonly [name: string, file: string, text: string]> = [
  [PRESENTER, '@slidev/client/pages/presenter.vue', `class="bg-main h-full ${PRESENTER} `],
  [NOTES_SECTION, '@slidev/client/pages/presenter.vue', `class="relative ${NOTES_SECTION} `],
  [NOTES_WIDTH_KEY, '@slidev/client/pages/presenter.vue', `useLocalStorage('${NOTES_WIDTH_KEY}'`],
  [NOTES_ROW_SIZE_KEY, '@slidev/client/pages/presenter.vue', `useLocalStorage('${NOTES_ROW_SIZE_KEY}'`],
  [NOTE, '@slidev/client/internals/NoteDisplay.vue', `outline-none ${NOTE}"`],
  [NOTE_MARK, '@slidev/client/internals/NoteDisplay.vue', `const CLASS_MARKER = '${NOTE_MARK}'`],
  // eslint-disable-next-line no-template-curly-in-string -- Slidev's source text, searched for as written
  [NOTE_MARK_ACTIVE, '@slidev/client/internals/NoteDisplay.vue', '`${CLASS_MARKER}-active`'],
  [NOTE_FADE, '@slidev/client/internals/NoteDisplay.vue', `const CLASS_FADE = '${NOTE_FADE}'`],
  [NOTE_WITH_CLICKS, '@slidev/client/internals/NoteDisplay.vue', `withClicks ? '${NOTE_WITH_CLICKS}' : ''`],
  [SLIDESHOW, '@slidev/client/internals/SlidesShow.vue', `id="${SLIDESHOW}"`],
  [SLIDE_PAGE, '@slidev/client/utils.ts', `'${SLIDE_PAGE}'`],
  [SLIDE_NO, '@slidev/client/internals/SlideWrapper.vue', `:${SLIDE_NO}="props.route.no"`],
  [LAYOUT, '@slidev/client/layouts/default.vue', `class="${LAYOUT} default"`],
  [SLIDE_LOADING, '@slidev/client/internals/SlideLoading.vue', SLIDE_LOADING],
  [VCLICK_HIDDEN, '@slidev/client/constants.ts', `CLASS_VCLICK_HIDDEN = '${VCLICK_HIDDEN}'`],
  [CODE, '@slidev/client/styles/code.css', `.${CODE} {`],
  [COLOR_SCHEMA_KEY, '@slidev/client/logic/dark.ts', `useLocalStorage('${COLOR_SCHEMA_KEY}'`],
  ...TIMER_FIELDS.map(field => [`timer.${field}`, '@slidev/client/state/shared.ts', `    ${field}: `] as const),
]

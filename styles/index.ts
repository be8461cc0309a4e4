// Slidev loads styles/index.css, then this (its glob takes both, in name order): the second style file.
import './views.css'

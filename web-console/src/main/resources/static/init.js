// Starts GOV.UK Frontend's components. A file, not an inline script, so the
// Content-Security-Policy can forbid inline script everywhere.
import { initAll } from '/govuk/govuk-frontend.min.js'

document.body.classList.add('js-enabled')
if ('noModule' in HTMLScriptElement.prototype) {
  document.body.classList.add('govuk-frontend-supported')
}
initAll()

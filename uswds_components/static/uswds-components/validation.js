/*
 * uswds-components: USWDS's validation checklist, with the field's description kept (the
 * validation component).
 *
 * USWDS's JS replaces the field's aria-describedby with its live status summary
 * ("<id>-sr-summary"), so screen readers lose the hint, the checklist and the error. The field
 * keeps its own list in data-describedby; this script names the summary after it, whenever
 * USWDS's JS sets aria-describedby. It is idempotent: loaded twice on one page, it binds once.
 */
(function () {
  "use strict";
  if (window.uswdsComponentsValidation) return;
  window.uswdsComponentsValidation = true;

  var FIELD = "[data-validation-element][data-describedby]";

  // USWDS names the summary "<field id>-sr-summary": where the same form is on the page twice,
  // the second summary gets a unique id (USWDS finds it by data-validation-status, not by id).
  function uniqueSummary(field, id) {
    var summary = field.parentNode.querySelector("[data-validation-status]");
    if (!summary || summary.id !== id || document.getElementById(id) === summary) return id;
    var unique = id;
    for (var n = 2; document.getElementById(unique); n += 1) unique = id + "-" + n;
    summary.id = unique;
    return unique;
  }

  function restore(field) {
    var own = field.getAttribute("data-describedby").split(/\s+/).filter(Boolean);
    var current = (field.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean);
    var added = current
      .filter(function (id) {
        return own.indexOf(id) < 0;
      })
      .map(function (id) {
        return uniqueSummary(field, id);
      });
    var wanted = own.concat(added).join(" ");
    if (wanted && field.getAttribute("aria-describedby") !== wanted) {
      field.setAttribute("aria-describedby", wanted);
    }
  }

  function watch(field) {
    if (field.getAttribute("data-uswds-components-ready") === "true") return;
    field.setAttribute("data-uswds-components-ready", "true");
    restore(field);
    if (window.MutationObserver) {
      new MutationObserver(function () {
        restore(field);
      }).observe(field, { attributes: true, attributeFilter: ["aria-describedby"] });
    }
  }

  function watchAll() {
    var fields = document.querySelectorAll(FIELD);
    for (var i = 0; i < fields.length; i += 1) watch(fields[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchAll);
  } else {
    watchAll();
  }
})();

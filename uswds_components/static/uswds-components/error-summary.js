/*
 * uswds-components: the error summary (the error_summary component), enhanced.
 *
 * Without this script the summary is already in the page, first in the form, and its links jump
 * to the fields. With it:
 * - when the page has loaded, focus moves to the first [data-uswds-components-error-summary]
 *   (it has tabindex="-1"), so screen readers read it at once and Tab goes on to its links;
 * - activating one of its links to "#id" focuses that field and scrolls its label into view (or,
 *   for an input in a fieldset, the legend, while the input stays on screen), so the question
 *   is seen with the field, not cut off above it.
 * It is idempotent: loaded twice on one page, it acts once.
 */
(function () {
  "use strict";
  if (window.uswdsComponentsErrorSummary) return;
  window.uswdsComponentsErrorSummary = true;

  var SUMMARY = "[data-uswds-components-error-summary]";

  // The element to bring into view with the field: its fieldset's legend when the legend and
  // the field fit on the screen together, else its label, else the field itself.
  function labelFor(field) {
    var fieldset = field.closest("fieldset");
    if (fieldset) {
      var legend = fieldset.querySelector("legend");
      if (legend) {
        var legendTop = legend.getBoundingClientRect().top;
        var fieldBottom = field.getBoundingClientRect().bottom;
        if (fieldBottom - legendTop < window.innerHeight * 0.9) return legend;
      }
    }
    var id = field.getAttribute("id");
    var labels = id ? document.querySelectorAll("label[for]") : [];
    for (var i = 0; i < labels.length; i += 1) {
      if (labels[i].getAttribute("for") === id) return labels[i];
    }
    return field.closest("label") || field;
  }

  function focusField(event) {
    var link = event.target.closest ? event.target.closest("a[href^='#']") : null;
    if (!link || !link.closest(SUMMARY)) return;
    var id = decodeURIComponent(link.getAttribute("href").slice(1));
    var field = document.getElementById(id);
    if (!field) return; // a target that is not on the page: let the browser follow the link
    event.preventDefault();
    labelFor(field).scrollIntoView();
    field.focus({ preventScroll: true });
  }

  function focusSummary() {
    var summary = document.querySelector(SUMMARY);
    if (summary && !summary.contains(document.activeElement)) summary.focus();
  }

  document.addEventListener("click", focusField);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", focusSummary);
  } else {
    focusSummary();
  }
})();

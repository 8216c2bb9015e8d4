/*
 * uswds-components: USWDS's combo box keeps its hint and error, in the page's language (the
 * combo_box and time_picker components; a time picker is a combo box once USWDS's JS runs).
 *
 * The input USWDS 3.14.0's JS creates takes the select's id, label and `required`, but not
 * aria-describedby or aria-invalid (uswds #6315; the fix, PR #6411, is not released): a screen
 * reader does not hear the hint or the error as the input gets focus. Its JS also writes its
 * words in English only. The form group (data-uswds-components-combo-box) carries the wiring
 * (data-describedby, data-invalid) and the same words in the page's language in data-*
 * attributes ("{count}" is a number). Whenever USWDS's JS builds or updates the combo box,
 * this script:
 * - gives USWDS's input the form group's aria-describedby and aria-invalid;
 * - says USWDS's button labels, "No results found" and the live results count in the form
 *   group's words.
 * It is idempotent: loaded twice on one page, it binds once.
 */
(function () {
  "use strict";
  if (window.uswdsComponentsComboBox) return;
  window.uswdsComponentsComboBox = true;

  var ROOT = "[data-uswds-components-combo-box]";

  // USWDS's English in its live status, by the data-* attribute that holds the page's words.
  var STATUS_WORDS = [
    ["results-one", /^(1) result available\.$/],
    ["results-many", /^(\d+) results available\.$/],
    ["no-results", /^No results\.$/],
  ];

  // Writes only what differs, so this script's own writes end the observer's round.
  function setAttribute(element, name, value) {
    if (element && value !== null && element.getAttribute(name) !== value) {
      element.setAttribute(name, value);
    }
  }

  function setText(element, value) {
    if (element && value !== null && element.textContent !== value) {
      element.textContent = value;
    }
  }

  function sayStatus(root, status) {
    if (!status) return;
    for (var i = 0; i < STATUS_WORDS.length; i += 1) {
      var match = STATUS_WORDS[i][1].exec(status.textContent);
      if (!match) continue;
      var words = root.getAttribute("data-" + STATUS_WORDS[i][0]);
      setText(status, words && words.replace("{count}", match[1]));
      return;
    }
  }

  function update(root) {
    var input = root.querySelector(".usa-combo-box__input");
    setAttribute(input, "aria-describedby", root.getAttribute("data-describedby"));
    setAttribute(input, "aria-invalid", root.getAttribute("data-invalid"));
    setAttribute(
      root.querySelector(".usa-combo-box__clear-input"),
      "aria-label",
      root.getAttribute("data-clear-input")
    );
    setAttribute(
      root.querySelector(".usa-combo-box__toggle-list"),
      "aria-label",
      root.getAttribute("data-toggle-list")
    );
    setText(
      root.querySelector(".usa-combo-box__list-option--no-results"),
      root.getAttribute("data-no-results-found")
    );
    sayStatus(root, root.querySelector(".usa-combo-box__status"));
  }

  function watch(root) {
    if (root.getAttribute("data-uswds-components-ready") === "true") return;
    root.setAttribute("data-uswds-components-ready", "true");
    update(root);
    // USWDS's JS may build the combo box after this runs, and rewrites its list and status
    // as the user types.
    if (window.MutationObserver) {
      new MutationObserver(function () {
        update(root);
      }).observe(root, { childList: true, characterData: true, subtree: true });
    }
  }

  function watchAll() {
    var roots = document.querySelectorAll(ROOT);
    for (var i = 0; i < roots.length; i += 1) watch(roots[i]);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchAll);
  } else {
    watchAll();
  }
})();

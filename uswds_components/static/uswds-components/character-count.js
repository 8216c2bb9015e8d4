/*
 * uswds-components: USWDS's character count in the page's language (the character_count component).
 *
 * USWDS's JS writes its count ("25 characters allowed", "3 characters left", "Character limit
 * exceeded.") and the field's "too long" validation message in English only, and at load it
 * says "N characters allowed" even when the answer that came back is over the limit. Each count
 * carries its words in the page's language in data-* attributes (data-allowed, data-left-one,
 * data-left, data-over-one, data-over, data-exceeded, data-too-long; "{count}" is the number).
 * This script says the count with them, counting the text as it is:
 * - the visible count, whenever USWDS's JS writes it;
 * - the visually hidden live status, only when USWDS's JS writes it (after typing pauses), so
 *   it is announced as often as USWDS announces it, never more;
 * - the validation message USWDS sets over the limit, and clears it again under the limit.
 * It is idempotent: loaded twice on one page, it binds once.
 */
(function () {
  "use strict";
  if (window.uswdsComponentsCharacterCount) return;
  window.uswdsComponentsCharacterCount = true;

  var ROOT = "[data-uswds-components-character-count]";
  var FIELD = ".usa-character-count__field";

  function words(root, key, count) {
    return (root.getAttribute("data-" + key) || "").replace("{count}", String(count));
  }

  function countText(root, length, max) {
    if (length === 0) return words(root, "allowed", max);
    var difference = Math.abs(max - length);
    var key = (length > max ? "over" : "left") + (difference === 1 ? "-one" : "");
    return words(root, key, difference);
  }

  function rewrite(element, text) {
    if (element && element.textContent && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function translate(root) {
    var field = root.querySelector(FIELD);
    var max = parseInt(root.getAttribute("data-maxlength"), 10);
    if (!field || !max) return;
    var length = field.value.length;
    var text = countText(root, length, max);
    rewrite(root.querySelector(".usa-character-count__status"), text);
    var spoken = length > max ? words(root, "exceeded", "") + " " + text : text;
    rewrite(root.querySelector(".usa-character-count__sr-status"), spoken);
  }

  function syncValidity(field) {
    var root = field.closest(ROOT);
    var max = root && parseInt(root.getAttribute("data-maxlength"), 10);
    if (!max) return;
    var ours = words(root, "too-long", "");
    if (field.value.length > max && field.validity.customError) {
      if (field.validationMessage !== ours) field.setCustomValidity(ours);
    } else if (field.validationMessage === ours) {
      field.setCustomValidity("");
    }
  }

  function watch(root) {
    if (root.getAttribute("data-uswds-components-ready") === "true") return;
    root.setAttribute("data-uswds-components-ready", "true");
    translate(root);
    if (window.MutationObserver) {
      new MutationObserver(function () {
        translate(root);
      }).observe(root, { childList: true, characterData: true, subtree: true });
    }
  }

  function watchAll() {
    var roots = document.querySelectorAll(ROOT);
    for (var i = 0; i < roots.length; i += 1) watch(roots[i]);
  }

  // USWDS's JS listens on document.body; this listener on the document runs after it.
  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field && field.matches && field.matches(ROOT + " " + FIELD)) syncValidity(field);
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", watchAll);
  } else {
    watchAll();
  }
})();

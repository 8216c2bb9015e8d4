/*
 * uswds-components: USWDS's file input, named by its label and in the page's language (the
 * file_input component).
 *
 * USWDS's JS gives the input an aria-label of its instructions ("Drag file here or choose from
 * folder", later "Change file"), which replaces the <label> as the input's name (uswds #5192),
 * and writes its words in English only. The form group (data-uswds-components-file-input)
 * carries the same words in the page's language in data-* attributes ("{count}" is a number,
 * "{files}" the file names). This script:
 * - names the input by its label, then USWDS's words: aria-labelledby is the label, then the
 *   input itself, whose aria-label USWDS keeps up to date;
 * - says USWDS's instructions, status and preview heading with the form group's words,
 *   whenever USWDS's JS writes them.
 * It is idempotent: loaded twice on one page, it binds once.
 */
(function () {
  "use strict";
  if (window.uswdsComponentsFileInput) return;
  window.uswdsComponentsFileInput = true;

  var ROOT = "[data-uswds-components-file-input]";

  // USWDS's English, by the data-* attribute that holds the page's words for it. The first
  // match wins and its result is not looked at again, so a file name is never translated.
  var USWDS_WORDS = [
    ["selected-many", /You have selected (\d+) files: (.*)/],
    ["selected-one", /You have selected the file: (.*)/],
    ["drag-many", /Drag files here or/],
    ["drag-one", /Drag file here or/],
    ["choose", /choose from folder/],
    ["choose-start", /Choose from folder/],
    ["none-many", /No files selected\./],
    ["none-one", /No file selected\./],
    ["heading-many", /^(\d+) files selected/],
    ["heading-one", /^Selected file/],
    ["change-many", /Change files/],
    ["change-one", /Change file/],
  ];
  var ALL = new RegExp(
    USWDS_WORDS.map(function (entry) {
      return "(" + entry[1].source.replace(/\((?!\?)/g, "(?:") + ")";
    }).join("|")
  );

  function say(root, text) {
    var match = ALL.exec(text);
    if (!match) return text;
    for (var i = 0; i < USWDS_WORDS.length; i += 1) {
      if (match[i + 1] === undefined) continue;
      var parts = USWDS_WORDS[i][1].exec(match[0]);
      var words = root.getAttribute("data-" + USWDS_WORDS[i][0]);
      if (words === null) return text;
      if (USWDS_WORDS[i][0] === "selected-many") {
        words = words.replace("{count}", parts[1]).replace("{files}", parts[2]);
      } else if (USWDS_WORDS[i][0] === "selected-one") {
        words = words.replace("{files}", parts[1]);
      } else if (USWDS_WORDS[i][0] === "heading-many") {
        words = words.replace("{count}", parts[1]);
      }
      var end = match.index + match[0].length;
      return text.slice(0, match.index) + words + say(root, text.slice(end));
    }
    return text;
  }

  // Where USWDS's JS writes its words: not the label, hint, error or file names.
  var USWDS_TEXT = [
    ".usa-file-input__instructions",
    ".usa-file-input__preview-heading",
    ".usa-file-input > .usa-sr-only",
  ].join(", ");

  // What this script last wrote, by node: a text it already says is not looked at again (a
  // file name such as "Change file.pdf" in "Seleccionó el archivo: …" stays as it is).
  var written = new WeakMap();

  function translateText(root, node) {
    if (node.nodeType === 3) {
      if (written.get(node) === node.nodeValue) return;
      var said = say(root, node.nodeValue);
      if (said !== node.nodeValue) node.nodeValue = said;
      written.set(node, said);
      return;
    }
    for (var child = node.firstChild; child; child = child.nextSibling) {
      translateText(root, child);
    }
  }

  function translateWritten(root) {
    var texts = root.querySelectorAll(USWDS_TEXT);
    for (var i = 0; i < texts.length; i += 1) translateText(root, texts[i]);
  }

  function nameByLabel(root) {
    var input = root.querySelector('input[type="file"]');
    var label = input && input.id && root.querySelector('label[for="' + input.id + '"]');
    if (!label) return;
    var labelId = label.id;
    if (!labelId) {
      // A unique id: the same form rendered twice must not get two labels of one id.
      labelId = input.id + "-label";
      for (var n = 2; document.getElementById(labelId); n += 1) {
        labelId = input.id + "-label-" + n;
      }
      label.id = labelId;
    }
    input.setAttribute("aria-labelledby", labelId + " " + input.id);
  }

  function translateInput(root) {
    var input = root.querySelector('input[type="file"]');
    var current = input && input.getAttribute("aria-label");
    if (current && written.get(input) !== current) {
      var said = say(root, current);
      if (said !== current) input.setAttribute("aria-label", said);
      written.set(input, said);
    }
  }

  function watch(root) {
    if (root.getAttribute("data-uswds-components-ready") === "true") return;
    root.setAttribute("data-uswds-components-ready", "true");
    var update = function () {
      translateWritten(root);
      translateInput(root);
    };
    nameByLabel(root);
    update();
    if (window.MutationObserver) {
      new MutationObserver(update).observe(root, {
        childList: true,
        characterData: true,
        subtree: true,
        attributes: true,
        attributeFilter: ["aria-label"],
      });
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

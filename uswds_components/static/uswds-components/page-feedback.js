/*
 * uswds-components: "Was this page helpful?" (the page_feedback component), enhanced.
 *
 * Without this script the form posts and the server answers with the next state. With it:
 * - choosing No reveals the reasons already in the page (focus stays on the radio);
 * - submitting posts with fetch (Accept: application/json); on success the form is removed, the
 *   thank-you is written into the polite live region and focus moves there; on errors the
 *   server's re-rendered component replaces this one and focus moves to its error summary;
 * - anything unexpected (no fetch, network error, a reply that is not our JSON) falls back to
 *   the ordinary form post.
 * It is idempotent: loaded twice on one page, it binds once (events are delegated).
 */
(function () {
  "use strict";
  if (window.uswdsPageFeedback) return;

  var ROOT = "[data-page-feedback]";
  var STEP = "[data-page-feedback-step]";

  // USWDS's character count speaks English only; for a Spanish form, say the same in Spanish.
  var SPANISH_COUNT = [
    [/^Character limit exceeded\. /, "Se superó el límite de caracteres. "],
    [/(\d+) characters allowed/, "$1 caracteres permitidos"],
    [/(\d+) character left/, "Queda $1 carácter"],
    [/(\d+) characters left/, "Quedan $1 caracteres"],
    [/(\d+) character over limit/, "$1 carácter por encima del límite"],
    [/(\d+) characters over limit/, "$1 caracteres por encima del límite"],
  ];
  var COUNT_MESSAGES = ".usa-character-count__status, .usa-character-count__sr-status";

  function translateCount(root) {
    if ((root.getAttribute("lang") || "").indexOf("es") !== 0) return;
    var messages = root.querySelectorAll(COUNT_MESSAGES);
    for (var i = 0; i < messages.length; i += 1) {
      var text = messages[i].textContent;
      var translated = text;
      for (var j = 0; j < SPANISH_COUNT.length; j += 1) {
        translated = translated.replace(SPANISH_COUNT[j][0], SPANISH_COUNT[j][1]);
      }
      if (translated !== text) messages[i].textContent = translated;
    }
  }

  function showReasons(form, show) {
    var root = form.closest(ROOT);
    var reasons = root && root.querySelector(".usa-page-feedback__reasons");
    var step = form.querySelector(STEP);
    if (!reasons || !step) return;
    reasons.hidden = !show;
    step.value = show ? "reasons" : "ask";
  }

  function syncWithChoice(root) {
    var no = root.querySelector('input[name="helpful"][value="no"]');
    if (no && root.querySelector(".usa-page-feedback__reasons")) {
      showReasons(no.form, no.checked);
    }
  }

  function enhance(root) {
    if (root.getAttribute("data-page-feedback-ready") === "true") return;
    root.setAttribute("data-page-feedback-ready", "true");
    // A page restored from the back/forward cache keeps No checked: keep the reasons shown.
    syncWithChoice(root);
    translateCount(root);
    if ((root.getAttribute("lang") || "").indexOf("es") === 0 && window.MutationObserver) {
      new MutationObserver(function () {
        translateCount(root);
      }).observe(root, { childList: true, characterData: true, subtree: true });
    }
  }

  function enhanceAll() {
    var roots = document.querySelectorAll(ROOT);
    for (var i = 0; i < roots.length; i += 1) enhance(roots[i]);
  }

  function thank(root, message) {
    var status = root.querySelector(".usa-page-feedback__status");
    var form = root.querySelector("form");
    if (!status) return;
    var alert = document.createElement("div");
    alert.className = "usa-alert usa-alert--success usa-alert--slim";
    var body = document.createElement("div");
    body.className = "usa-alert__body";
    var text = document.createElement("p");
    text.className = "usa-alert__text";
    text.textContent = message;
    body.appendChild(text);
    alert.appendChild(body);
    status.setAttribute("tabindex", "-1");
    status.appendChild(alert);
    if (form) form.parentNode.removeChild(form);
    status.focus();
  }

  function replaceWith(root, html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.querySelector(ROOT);
    if (!fresh) return null;
    root.parentNode.replaceChild(fresh, root);
    enhance(fresh);
    var target =
      fresh.querySelector(".usa-page-feedback__errors") ||
      fresh.querySelector(".usa-checkbox__input, .usa-radio__input");
    if (target) target.focus();
    return fresh;
  }

  function submit(event) {
    var form = event.target;
    var root = form.closest && form.closest(ROOT);
    if (!root || !window.fetch || !window.FormData || !window.URLSearchParams) return;
    event.preventDefault();
    if (form.getAttribute("data-page-feedback-busy") === "true") return;
    form.setAttribute("data-page-feedback-busy", "true");
    var fallback = function () {
      form.removeAttribute("data-page-feedback-busy");
      HTMLFormElement.prototype.submit.call(form); // an ordinary post: fires no submit event
    };
    window
      .fetch(form.action, {
        method: "POST",
        headers: {
          Accept: "application/json",
          "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
        },
        body: new URLSearchParams(new FormData(form)).toString(),
        credentials: "same-origin",
      })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") !== 0) throw new Error("not JSON");
        return response.json();
      })
      .then(function (reply) {
        if (reply && reply.state === "thanks" && reply.message) {
          thank(root, reply.message);
        } else if (!(reply && reply.html && replaceWith(root, reply.html))) {
          fallback();
        }
      })
      .catch(fallback);
  }

  window.uswdsPageFeedback = { enhance: enhance };

  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input && input.name === "helpful" && input.form && input.closest(ROOT)) {
      showReasons(input.form, input.value === "no" && input.checked);
    }
  });
  document.addEventListener("submit", submit);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
  // Restored from the back/forward cache: radios keep their state, the reasons must follow.
  window.addEventListener("pageshow", function () {
    var roots = document.querySelectorAll(ROOT);
    for (var i = 0; i < roots.length; i += 1) syncWithChoice(roots[i]);
  });
})();

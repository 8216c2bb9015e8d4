/*
 * uswds-components: "Was this page helpful?" (the page_feedback component), enhanced.
 *
 * Without this script the form posts and the server answers with the next state. With it:
 * - choosing No reveals the reasons already in the page (focus stays on the radio);
 * - each form gets a hidden submission_id, a random UUID made once per form state, so a post
 *   retried (or re-sent by the fallback below) is stored once;
 * - submitting posts with fetch (Accept: application/json); on success the form is removed, the
 *   thank-you is written into the polite live region and focus moves there; on errors the
 *   server's re-rendered component replaces this one and focus moves to its error summary; a
 *   refusal (too many posts, busy, expired) is shown above the form, focused, to try again;
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
    var reasons = root && root.querySelector(".uswds-components-page-feedback__reasons");
    var step = form.querySelector(STEP);
    if (!reasons || !step) return;
    reasons.hidden = !show;
    step.value = show ? "reasons" : "ask";
  }

  function syncWithChoice(root) {
    var no = root.querySelector('input[name="helpful"][value="no"]');
    if (no && root.querySelector(".uswds-components-page-feedback__reasons")) {
      showReasons(no.form, no.checked);
    }
  }

  // A random (version 4) UUID; crypto.randomUUID needs a secure context, getRandomValues not.
  function newSubmissionId() {
    var crypto = window.crypto;
    if (!crypto) return null;
    if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
    if (typeof crypto.getRandomValues !== "function") return null;
    var bytes = crypto.getRandomValues(new Uint8Array(16));
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = "";
    for (var i = 0; i < 16; i += 1) {
      hex += (bytes[i] + 0x100).toString(16).slice(1);
      if (i === 3 || i === 5 || i === 7 || i === 9) hex += "-";
    }
    return hex;
  }

  function addSubmissionId(root) {
    var form = root.querySelector("form");
    if (!form || form.querySelector('input[name="submission_id"]')) return;
    var id = newSubmissionId();
    if (!id) return;
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = "submission_id";
    input.value = id;
    form.appendChild(input);
  }

  function enhance(root) {
    if (root.getAttribute("data-page-feedback-ready") === "true") return;
    root.setAttribute("data-page-feedback-ready", "true");
    addSubmissionId(root);
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
    var status = root.querySelector(".uswds-components-page-feedback__status");
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

  // The request was refused as a whole (no form state to show): say why above the form and
  // keep it, so the person can try again (the same submission_id: stored once at most).
  function refused(form, message) {
    var alert = form.querySelector(".uswds-components-page-feedback__refused");
    if (!alert) {
      alert = document.createElement("div");
      alert.className = "usa-alert usa-alert--error usa-alert--slim uswds-components-page-feedback__refused";
      alert.setAttribute("tabindex", "-1");
      var body = document.createElement("div");
      body.className = "usa-alert__body";
      var text = document.createElement("p");
      text.className = "usa-alert__text";
      body.appendChild(text);
      alert.appendChild(body);
      form.insertBefore(alert, form.firstChild);
    }
    alert.querySelector(".usa-alert__text").textContent = message;
    alert.focus();
  }

  function replaceWith(root, html) {
    var template = document.createElement("template");
    template.innerHTML = html.trim();
    var fresh = template.content.querySelector(ROOT);
    if (!fresh) return null;
    root.parentNode.replaceChild(fresh, root);
    enhance(fresh);
    var target =
      fresh.querySelector(".uswds-components-page-feedback__errors") ||
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
        } else if (reply && reply.state === "error" && reply.message) {
          form.removeAttribute("data-page-feedback-busy");
          refused(form, reply.message);
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

// Copy buttons for the code blocks, previews sized to their content, and a Tab stop only on the
// code blocks and tables that scroll. Without JS the code is plain, selectable text, each
// preview keeps its fixed height, and every block that may scroll stays a named region in the
// Tab order.
(function () {
  "use strict";
  var status = document.getElementById("gallery-status");

  function announce(message) {
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function selectText(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.querySelectorAll("pre[data-copy-label]").forEach(function (pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "usa-button usa-button--unstyled gallery-copy";
    button.textContent = pre.getAttribute("data-copy-label");
    button.addEventListener("click", function () {
      var text = pre.textContent;
      var copied = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text)
        : Promise.reject(new Error("no clipboard"));
      copied.then(
        function () { announce("Copied to the clipboard."); },
        function () {
          selectText(pre);
          announce("Selected: press Control+C or Command+C to copy.");
        }
      );
    });
    pre.parentNode.insertBefore(button, pre);
  });

  // A Tab stop is how a keyboard user scrolls a block; on one that does not scroll it is an
  // extra stop and an extra landmark. The markup makes every candidate a named, focusable
  // region; here each keeps that only while it overflows, rechecked as its size changes (a
  // <details> opening, the window narrowing).
  function scrolls(node) {
    var style = window.getComputedStyle(node);
    var across = /auto|scroll/.test(style.overflowX) && node.scrollWidth > node.clientWidth;
    var down = /auto|scroll/.test(style.overflowY) && node.scrollHeight > node.clientHeight;
    return across || down;
  }

  function fitTabStop(node) {
    if (scrolls(node)) {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "region");
      node.setAttribute("aria-label", node.getAttribute("data-scroll-label"));
    } else {
      node.removeAttribute("tabindex");
      node.removeAttribute("role");
      node.removeAttribute("aria-label");
    }
  }

  var scrollables = document.querySelectorAll("[data-scroll-label]");
  scrollables.forEach(fitTabStop);
  if (window.ResizeObserver) {
    var observer = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) { fitTabStop(entry.target); });
    });
    scrollables.forEach(function (node) { observer.observe(node); });
  } else {
    window.addEventListener("resize", function () { scrollables.forEach(fitTabStop); });
  }

  function fit(frame) {
    try {
      var doc = frame.contentDocument;
      if (!doc || !doc.documentElement) return;
      frame.style.height = doc.documentElement.scrollHeight + 4 + "px";
    } catch (error) { /* another origin: keep the fixed height */ }
  }

  document.querySelectorAll("iframe.gallery-preview").forEach(function (frame) {
    function watch() {
      fit(frame);
      try {
        if (window.ResizeObserver) {
          new ResizeObserver(function () { fit(frame); }).observe(frame.contentDocument.body);
        }
      } catch (error) { /* another origin */ }
    }
    frame.addEventListener("load", watch);
    if (frame.contentDocument && frame.contentDocument.readyState === "complete") watch();
  });
})();

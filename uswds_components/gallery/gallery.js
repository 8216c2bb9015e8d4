// Copy buttons for the code blocks, and previews sized to their content. Without JS the code is
// plain, selectable text and each preview keeps its fixed height.
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

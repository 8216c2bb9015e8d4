// The language selector's dropdown: hide each closed submenu once USWDS's JS is on the page.
//
// USWDS's language-selector JS opens and closes the submenu (it sets and removes `hidden`), but
// it does not hide it when it starts: its own markup ships `hidden` in the HTML instead, which
// leaves the links unreachable when the JS never loads. Our markup has no `hidden`; this script
// adds it to every submenu whose button says aria-expanded="false", and only when USWDS's JS
// has run (window.uswdsPresent), so without it every language link stays on the page.
(function () {
  "use strict";

  function hideClosedSubmenus() {
    if (!window.uswdsPresent) {
      return;
    }
    var buttons = document.querySelectorAll(
      '.usa-language__link[aria-expanded="false"][aria-controls]'
    );
    Array.prototype.forEach.call(buttons, function (button) {
      var submenu = document.getElementById(button.getAttribute("aria-controls"));
      if (submenu) {
        submenu.hidden = true;
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", hideClosedSubmenus);
  } else {
    hideClosedSubmenus();
  }
  // USWDS's JS may come after this script: look again once everything has loaded. Only closed
  // submenus are hidden, so a second pass never closes one the user opened.
  window.addEventListener("load", hideClosedSubmenus);
})();

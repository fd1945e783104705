/* Quick exit (safety.md QE-4..QE-10), after GOV.UK's "Exit this page": a click on the
   button or skip link, or Shift pressed three times on its own (up to 5 s between
   presses, any other key resets), blanks the page at once and replaces this history
   entry with a neutral site. Loaded once; listeners live on document, bound once, so
   instant navigation cannot double them. Not Escape: it stops the page from loading. */
(function () {
  "use strict";
  var body = document.body;
  if (!body || body.dataset.qeBound === "1") return;
  body.dataset.qeBound = "1";

  var TIMEOUT = 5000;
  var presses = 0;
  var lastKeyWasModified = false;
  var pressTimer = null;
  var messageTimer = null;

  function bar() { return document.querySelector("[data-module='quick-exit']"); }
  function text(key) { var el = bar(); return (el && el.getAttribute("data-i18n-" + key)) || ""; }
  function exitUrl() { var link = document.querySelector(".qe-button"); return link && link.href; }

  function announce(message) {
    var status = document.querySelector(".qe-status");
    if (status) status.textContent = message;
  }

  function showPresses() {
    var lights = document.querySelectorAll(".qe-indicator span");
    for (var i = 0; i < lights.length; i++) lights[i].classList.toggle("is-on", i < presses);
    var indicator = document.querySelector(".qe-indicator");
    if (indicator) indicator.classList.toggle("is-visible", presses > 0);
  }

  function resetPresses() {
    clearTimeout(pressTimer);
    pressTimer = null;
    presses = 0;
    showPresses();
  }

  function startPressTimer() {
    clearTimeout(pressTimer);
    pressTimer = setTimeout(function () {
      resetPresses();
      announce(text("expired"));
      messageTimer = setTimeout(function () { announce(""); }, TIMEOUT);
    }, TIMEOUT);
  }

  function exitPage() {
    var url = exitUrl();
    if (!url) return;
    resetPresses();
    announce("");
    body.classList.add("qe-hide-content");
    var overlay = document.createElement("div");
    overlay.className = "qe-overlay";
    overlay.setAttribute("role", "alert");
    body.appendChild(overlay);
    overlay.textContent = text("loading"); // after insertion: announced more reliably
    // replace, not assign: this page leaves the tab's Back list. The static referrer
    // <meta> keeps the destination from learning where the reader came from (QE-10).
    window.location.replace(url);
  }

  function onKeyup(event) {
    if (event.key === "Shift" && !lastKeyWasModified) {
      presses += 1;
      showPresses();
      clearTimeout(messageTimer);
      if (presses >= 3) {
        exitPage();
      } else {
        announce(text(presses === 1 ? "press-two" : "press-one"));
        startPressTimer();
      }
    } else {
      // Another key breaks the sequence: start again, and take the "press N more times"
      // text out of the live region so it no longer tells the reader something untrue.
      if (pressTimer) resetPresses();
      clearTimeout(messageTimer);
      var status = document.querySelector(".qe-status");
      if (status && status.textContent) announce("");
    }
    lastKeyWasModified = event.shiftKey;
  }

  function onClick(event) {
    var target = event.target instanceof Element ? event.target.closest(".qe-button, .qe-skiplink") : null;
    if (!target) return;
    event.preventDefault();
    exitPage();
  }

  // Restored from the back/forward cache: remove the blank overlay so the page is usable.
  function onPageshow(event) {
    if (!event.persisted) return;
    resetPresses();
    clearTimeout(messageTimer);
    announce("");
    body.classList.remove("qe-hide-content");
    var overlays = document.querySelectorAll(".qe-overlay");
    for (var i = 0; i < overlays.length; i++) overlays[i].remove();
  }

  document.addEventListener("keyup", onKeyup, true);
  document.addEventListener("click", onClick, true);
  window.addEventListener("pageshow", onPageshow);
})();

/* Two fixes for Material's layout under our safety bar, bound once.
   1. Material appends glossary tooltips (content.tooltips) to <body>, outside every
      landmark, so a screen reader's landmark list misses them (axe "region"). Each is
      moved into <main> as it appears; <main> is not positioned, so the position Material
      computes against the page stays right.
   2. Material sizes each sticky sidebar for a header of its own height, not knowing that
      our safety bar sits above it (calm.css moves the sidebars below both), so near the
      footer a sidebar would hang over the footer's links. Its height is cut by the bar's. */
(function () {
  "use strict";
  var body = document.body;
  if (!body || !window.MutationObserver || body.dataset.materialFixesBound === "1") return;
  body.dataset.materialFixesBound = "1";

  function moveTooltips(change) {
    var main = document.querySelector("main");
    for (var i = 0; main && i < change.addedNodes.length; i++) {
      var node = change.addedNodes[i];
      if (node.nodeType === 1 && node.matches("[role=tooltip]")) main.appendChild(node);
    }
  }

  function fitSidebar(wrap) {
    var bar = document.querySelector(".safety-bar");
    var sidebar = wrap.closest(".md-sidebar");
    if (!bar || !sidebar || getComputedStyle(sidebar).position !== "sticky") return;
    if (!wrap.style.height || wrap.style.height === wrap.dataset.fitted) return; // ours
    wrap.dataset.fitted = Math.max(0, parseFloat(wrap.style.height) - bar.offsetHeight) + "px";
    wrap.style.height = wrap.dataset.fitted;
  }

  new MutationObserver(function (changes) {
    for (var i = 0; i < changes.length; i++) {
      var change = changes[i];
      if (change.type === "childList" && change.target === body) moveTooltips(change);
      else if (change.type === "attributes" && change.target.classList.contains("md-sidebar__scrollwrap")) fitSidebar(change.target);
    }
  }).observe(body, { childList: true, subtree: true, attributes: true, attributeFilter: ["style"] });
  var wraps = document.querySelectorAll(".md-sidebar__scrollwrap");
  for (var i = 0; i < wraps.length; i++) fitSidebar(wraps[i]);
})();

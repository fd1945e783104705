/* Material appends its glossary tooltips (content.tooltips) to <body>, outside every
   landmark, so a screen reader's landmark list misses them (axe "region"). Each one is
   moved into <main> as it appears. <main> is not positioned, so the tooltip's absolute
   position, which Material computes against the page, stays right. */
(function () {
  "use strict";
  var body = document.body;
  if (!body || !window.MutationObserver || body.dataset.tooltipMoverBound === "1") return;
  body.dataset.tooltipMoverBound = "1";
  new MutationObserver(function (changes) {
    var main = document.querySelector("main");
    if (!main) return;
    for (var i = 0; i < changes.length; i++) {
      var added = changes[i].addedNodes;
      for (var j = 0; j < added.length; j++) {
        if (added[j].nodeType === 1 && added[j].matches("[role=tooltip]")) main.appendChild(added[j]);
      }
    }
  }).observe(body, { childList: true });
})();

/* Keyboard access to Material's <label> controls (WCAG 2.1.1, 2.1.4, 2.4.3, 4.1.2).
   Material opens the drawer, search and nav sections with <label for="checkbox">: no Tab
   stop, no name, no state (and ARIA allows no role on a label). Here each is replaced by
   a real <button> with the same classes and `for` (Material's CSS selects on them), a
   name and aria-expanded; Escape closes the drawer or search and gives focus back to the
   control that opened it; Tab walks through the search results (Material closes search on Tab);
   and Material's one-letter shortcuts (f s / p n , .) are off, so typing never opens
   search or changes page. Bound once on document; after instant navigation the new
   sidebar's labels are enhanced again. Without JavaScript the footer lists every page. */
(function () {
  "use strict";
  var body = document.body;
  if (!body || body.dataset.controlsBound === "1") return;
  body.dataset.controlsBound = "1";

  // Header and search icons have no text, so they get a name; nav labels have their text.
  // Their words come from the safety bar (extra.quick_exit of each language's config).
  function word(key, fallback) {
    var bar = document.querySelector("[data-module='quick-exit']");
    return (bar && bar.getAttribute("data-i18n-" + key)) || fallback;
  }
  var ICON_NAMES = { __drawer: word("menu", "Menu"), __search: word("search", "Search") };
  var CONTROLS = "label.md-header__button[for], label.md-search__icon[for], " +
    ".md-nav--primary label.md-nav__link[for], .md-nav--primary label.md-nav__title:not([for='__drawer'])";
  var FOCUSABLE = "a[href], input:not([type=hidden]), button:not([tabindex='-1']), summary, [tabindex='0']";

  function toggle(id) { return document.getElementById(id); }
  function isOpen(id) { var input = toggle(id); return !!(input && input.checked); }
  function shown(el) {
    return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  }
  function headerButton(id) { return document.querySelector(".md-header__button[for='" + id + "']"); }
  function searchBox() { return document.querySelector(".md-search"); }
  function drawer() { return document.querySelector(".md-sidebar--primary"); }
  function inside(root, el) { return !!root && !!el && root.contains(el); }
  function focusables(root) { return [].filter.call(root.querySelectorAll(FOCUSABLE), shown); }

  function enhance() {
    var labels = document.querySelectorAll(CONTROLS);
    for (var i = 0; i < labels.length; i++) {
      var label = labels[i], input = toggle(label.htmlFor);
      if (!input || input.type !== "checkbox") continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = label.className + " sg-toggle";
      button.setAttribute("for", input.id);
      if (label.id) button.id = label.id; // Material's nested nav is aria-labelledby it
      while (label.firstChild) button.appendChild(label.firstChild);
      if (button.classList.contains("md-search__icon")) {
        button.tabIndex = -1; // reached by Tab inside search only (see tabInSearch)
        button.setAttribute("aria-label", word("close-search", "Close search"));
      } else if (ICON_NAMES[input.id] && !button.textContent.trim()) {
        button.setAttribute("aria-label", ICON_NAMES[input.id]);
      }
      if (input.id === "__search") {
        if (!button.classList.contains("md-search__icon")) button.setAttribute("aria-haspopup", "dialog");
      } else {
        button.setAttribute("aria-expanded", String(input.checked));
      }
      label.replaceWith(button);
    }
  }

  function showState(input) {
    var labels = document.querySelectorAll(".sg-toggle[for='" + input.id + "'][aria-expanded]");
    for (var i = 0; i < labels.length; i++) labels[i].setAttribute("aria-expanded", String(input.checked));
  }

  // The first control in the drawer that can be seen (calm.css hides what an open
  // section's pane covers on a small screen).
  function focusDrawer() {
    var first = drawer() && focusables(drawer())[0];
    if (first) first.focus();
  }

  // Focus goes back to the control that opens it: the header button, or on wide
  // screens (no search button) the search field itself, left closed until typed in.
  // After Escape on a wide screen the field keeps focus but search stays closed (Material
  // reopens it when the field gains focus) until the reader types, clicks or moves on.
  var holdSearchClosed = false;

  function close(id) {
    var button = headerButton(id);
    if (isOpen(id)) toggle(id).click();
    if (shown(button)) {
      button.focus();
    } else if (id === "__search") {
      var field = document.querySelector(".md-search__input"); // Zensical has its own search
      holdSearchClosed = !!field;
      if (field) field.focus();
    }
  }

  // The box may take a few frames to become focusable (Material's transitions).
  function focusWhenShown(el, frames) {
    if (!el) return; // Zensical's search has no Material field
    el.focus();
    if (document.activeElement !== el && frames > 0) {
      requestAnimationFrame(function () { focusWhenShown(el, frames - 1); });
    }
  }

  function activate(button) {
    var id = button.getAttribute("for"), wasOpen = isOpen(id);
    toggle(id).click();
    if (id === "__drawer" && !wasOpen && isOpen(id)) focusDrawer();
    // Material focuses the field on click, before the box is shown; focus it once shown.
    if (id === "__search" && !wasOpen && isOpen(id)) focusWhenShown(document.querySelector(".md-search__input"), 30);
    if (id === "__search" && wasOpen && !isOpen(id)) close(id);
  }

  // Tab walks the open search box: the field, its close button (on small screens) and
  // every result (Material gives results tabindex=-1 and closes search on any Tab).
  // Past either end search closes and focus goes on to the page: no keyboard trap.
  function searchStops() {
    var root = searchBox();
    return [].filter.call(root.querySelectorAll(".md-search__input, .sg-toggle, .md-search-result a[href], .md-search-result summary"),
      function (el) {
        // On wide screens the close button is only a magnifier glass (no pointer events).
        var decorative = el.classList.contains("sg-toggle") && getComputedStyle(el).pointerEvents === "none";
        // The field is always a stop: while the box fades in (250 ms after typing opens it)
        // it is not "shown" yet, and a quick Tab would otherwise leave search.
        if (el.classList.contains("md-search__input")) return true;
        return !decorative && shown(el.tagName === "A" ? el.firstElementChild || el : el); // a result's box is its child
      });
  }

  function leaveSearch(backwards) {
    var box = searchBox();
    var side = backwards ? Node.DOCUMENT_POSITION_PRECEDING : Node.DOCUMENT_POSITION_FOLLOWING;
    var page = focusables(body).filter(function (el) {
      return el.tabIndex >= 0 && !inside(box, el) && box.compareDocumentPosition(el) & side;
    });
    toggle("__search").click();
    var target = backwards ? page[page.length - 1] : page[0];
    if (target) target.focus();
  }

  function tabInSearch(event) {
    var stops = searchStops(), at = stops.indexOf(document.activeElement);
    var next = at + (event.shiftKey ? -1 : 1);
    event.preventDefault();
    if (at < 0 || next < 0 || next >= stops.length) leaveSearch(event.shiftKey);
    else stops[next].focus();
  }

  // On document, so it runs before Material's listener on window; stopPropagation keeps
  // Material from acting on the keys handled here.
  function onKeydown(event) {
    if (event.isComposing) return;
    var key = event.key;
    if (key === "Escape" && (isOpen("__search") || isOpen("__drawer"))) {
      event.stopPropagation();
      close(isOpen("__search") ? "__search" : "__drawer");
    } else if (key === "Tab" && isOpen("__search")) {
      event.stopPropagation();
      tabInSearch(event);
    } else if (!isOpen("__search") && key.length === 1 && !event.ctrlKey && !event.metaKey) {
      event.stopPropagation(); // Material's one-letter shortcuts: WCAG 2.1.4
      // Typing in the field of a search closed with Escape opens it again.
      if (event.target instanceof Element && event.target.matches(".md-search__input")) openHeldSearch();
    }
  }

  function onFocusin(event) {
    var el = event.target, root = drawer();
    if (!(el instanceof Element && el.matches(".md-search__input"))) holdSearchClosed = false;
    // Focus that leaves the open drawer on a small screen closes it, so it is never
    // hidden under the drawer or its overlay.
    if (isOpen("__drawer") && shown(headerButton("__drawer")) && !inside(root, el) &&
        el !== headerButton("__drawer")) {
      toggle("__drawer").click();
    }
  }

  function openHeldSearch() {
    holdSearchClosed = false;
    if (!isOpen("__search")) toggle("__search").click();
  }

  function onClick(event) {
    if (holdSearchClosed && event.target instanceof Element && event.target.matches(".md-search__input")) openHeldSearch();
    var button = event.target instanceof Element ? event.target.closest("button.sg-toggle") : null;
    if (button) activate(button);
  }

  function onChange(event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains("md-toggle")) return;
    if (input.id === "__search" && input.checked && holdSearchClosed) {
      setTimeout(function () { if (input.checked) input.click(); }, 0); // not inside its own click
    }
    showState(input);
  }

  document.addEventListener("keydown", onKeydown);
  document.addEventListener("focusin", onFocusin);
  document.addEventListener("change", onChange, true);
  document.addEventListener("click", onClick);
  enhance();
  // Material's document$ emits after each instant navigation (the sidebar is new).
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(enhance);
})();

// Quiz pages from scripts/quizkit; scores as quizkit/scoring.py. Stores and sends nothing.
(() => {
  const all = (root, selector) => root.querySelectorAll(selector);
  const one = (root, selector) => root.querySelector(selector);

  const errorTitle = (root, on) => {
    const prefix = root.dataset.errorPrefix, title = document.title, has = title.startsWith(prefix);
    if (on && !has) document.title = prefix + title;
    if (!on && has) document.title = title.slice(prefix.length);
  };

  const setError = (root, fieldset, on) => {
    const id = fieldset.id;
    fieldset.setAttribute("aria-describedby", id + "-hint" + (on ? ` ${id}-error` : ""));
    fieldset.classList.toggle("quiz__q--error", on);
    one(fieldset, ".quiz__error").hidden = !on;
    one(root, `[data-quiz-error-for="${id}"]`).hidden = !on;
    if (!on && !one(root, ".quiz__q--error")) {
      one(root, "[data-quiz-summary]").hidden = true;
      errorTitle(root, false);
    }
  };

  const focusTop = (element, block = element) => {
    block.scrollIntoView();
    element.focus({ preventScroll: true });
  };

  const hideResults = (root) => {
    one(root, "[data-quiz-results]").hidden = one(root, "[data-quiz-heading]").hidden = true;
    one(root, "[data-quiz-status]").textContent = "";
  };

  const reset = (root) => {
    one(root, "form").reset();
    all(root, "fieldset").forEach((fieldset) => setError(root, fieldset, false));
    hideResults(root);
  };

  const show = (root) => {
    const scores = { "": 0 }, flags = new Set();
    let missing = 0;
    all(root, "fieldset").forEach((fieldset) => {
      const chosen = all(fieldset, "input:checked"), subscale = fieldset.dataset.subscale;
      let sum = 0;
      chosen.forEach((input) => {
        sum += +input.dataset.points;
        (input.dataset.flags || "").split(" ").forEach((flag) => flags.add(flag));
      });
      scores[""] += sum;
      if (subscale) scores[subscale] = (scores[subscale] || 0) + sum;
      setError(root, fieldset, !chosen.length);
      missing += !chosen.length;
    });
    if (missing) {
      hideResults(root);
      const summary = one(root, "[data-quiz-summary]");
      summary.hidden = false;
      errorTitle(root, true);
      focusTop(summary);
      return;
    }
    let status = "";
    all(root, "[data-score-of]").forEach((section) => {
      const score = scores[section.dataset.scoreOf], max = +section.dataset.max;
      const text = root.dataset.score.replace("{score}", score).replace("{max}", max);
      one(section, "[data-quiz-score]").textContent = text;
      const bar = one(section, ".quiz__bar div");
      if (bar) bar.style.width = (max ? (100 * score) / max : 0) + "%"; // CSSOM: CSP-safe
      all(section, "[data-min]").forEach((band) => {
        band.hidden = score < +band.dataset.min || score > +band.dataset.max;
        if (!band.hidden && !status) status = text + ". " + one(band, "h4").textContent;
      });
    });
    let raised = 0;
    all(root, "[data-flag]").forEach((flag) => {
      flag.hidden = !flags.has(flag.dataset.flag);
      raised += !flag.hidden;
    });
    one(root, "[data-quiz-flags]").hidden = !raised;
    const heading = one(root, "[data-quiz-heading]");
    one(root, "[data-quiz-results]").hidden = heading.hidden = false;
    one(root, "[data-quiz-status]").textContent = heading.textContent + ": " + status;
    focusTop(heading);
  };

  const onChange = (root, input) => {
    const fieldset = input.closest("fieldset");
    // "None of these" unticks the others, and they untick it.
    if (input.checked) {
      all(fieldset, "input").forEach((other) => {
        if (other != input && ("exclusive" in input.dataset || "exclusive" in other.dataset)) other.checked = false;
      });
    }
    setError(root, fieldset, false);
    hideResults(root); // stale results would mislead
  };

  const onClick = (root, event) => {
    const target = event.target.closest("button, a");
    if (!target) return;
    if (target.hasAttribute("data-quiz-show")) show(root);
    else if (target.hasAttribute("data-quiz-reset")) {
      reset(root);
      one(root, "input").focus();
    } else if (target.hasAttribute("data-quiz-print")) print();
    else if (target.closest("[data-quiz-summary]")) {
      // Keep the URL and history: Material would push the hash.
      event.preventDefault();
      event.stopPropagation();
      const input = document.getElementById(target.hash.slice(1));
      focusTop(input, input.closest("fieldset"));
    }
  };

  // Runs on every page Material shows (document$), including Back and Forward, which can
  // bring back a quiz element that still holds answers: a shown quiz always starts blank.
  const init = () => {
    all(document, "[data-quiz][data-quiz-init]").forEach(reset);
    all(document, "[data-quiz]:not([data-quiz-init])").forEach((root) => {
      root.setAttribute("data-quiz-init", "");
      one(root, "form").reset();
      root.classList.add("quiz--js");
      one(root, "[data-quiz-actions]").hidden = false;
      hideResults(root);
      one(root, "form").addEventListener("change", (event) => onChange(root, event.target));
      root.addEventListener("click", (event) => onClick(root, event));
    });
  };

  // Neutral title on paper and in PDFs.
  let title;
  addEventListener("beforeprint", () => {
    const root = one(document, "[data-quiz-init]");
    if (root) [title, document.title] = [document.title, root.dataset.printTitle];
  });
  addEventListener("afterprint", () => {
    if (title) [document.title, title] = [title];
  });
  // Never restore answers from the back/forward cache.
  addEventListener("pageshow", (event) => {
    if (event.persisted) all(document, "[data-quiz-init]").forEach(reset);
  });

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();

// Quiz pages from scripts/steadyground/quizzes/; scores as steadyground/quizzes/scoring.py. Stores and sends nothing.
(() => {
  const all = (root, selector) => root.querySelectorAll(selector);
  const one = (root, selector) => root.querySelector(selector);

  const errorTitle = (root, on) => {
    const prefix = root.dataset.errorPrefix, title = document.title.replace(prefix, "");
    document.title = on ? prefix + title : title;
  };

  const setError = (root, fieldset, on) => {
    const id = fieldset.id;
    if (on) fieldset.setAttribute("aria-describedby", id + "e");
    else fieldset.removeAttribute("aria-describedby");
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

  // Results show while the root has quiz--done; without it the page (and paper) is the key.
  const done = (root, on) => {
    root.classList.toggle("quiz--done", on);
    if (!on) one(root, "[data-quiz-status]").textContent = "";
  };

  const reset = (root) => {
    one(root, "form").reset();
    all(root, "fieldset").forEach((fieldset) => setError(root, fieldset, false));
    done(root, false);
  };

  const show = (root) => {
    const scores = { "": 0 }, flags = new Set();
    let missing = 0;
    all(root, "fieldset").forEach((fieldset) => {
      const chosen = all(fieldset, "input:checked"), subscale = fieldset.dataset.subscale;
      let sum = 0;
      chosen.forEach((input) => {
        sum += +input.dataset.points;
        (input.dataset.flags || "").split(" ").forEach((flag) => flag && flags.add(flag));
      });
      scores[""] += sum;
      if (subscale) scores[subscale] = (scores[subscale] || 0) + sum;
      setError(root, fieldset, !chosen.length);
      missing += !chosen.length;
    });
    if (missing) {
      done(root, false);
      const summary = one(root, "[data-quiz-summary]");
      summary.hidden = false;
      errorTitle(root, true);
      focusTop(summary);
      return;
    }
    // data-if: only while one of its flags is raised; data-unless: only while none is.
    const raised = (list) => list.split(" ").some((flag) => flags.has(flag));
    const off = ({ dataset: d }) => (d.if != null && !raised(d.if)) || (d.unless != null && raised(d.unless));
    all(root, "[data-if], [data-unless]").forEach((element) => (element.hidden = off(element)));
    const status = [...all(root, "[data-flag]:not([hidden]) h3")].map((h3) => h3.textContent);
    all(root, "[data-score-of]").forEach((section) => {
      const score = scores[section.dataset.scoreOf];
      const text = root.dataset.score.replace("{score}", score).replace("{max}", section.dataset.max);
      one(section, "[data-quiz-score]").textContent = text;
      all(section, "[data-min]").forEach((band) => {
        band.hidden = off(band) || score < +band.dataset.min || score > +band.dataset.max;
        if (!band.hidden && !section.hidden && !section.dataset.scoreOf) status.push(text + ". " + one(band, "h4").textContent);
      });
    });
    const heading = one(root, "[data-quiz-heading]");
    done(root, true);
    one(root, "[data-quiz-status]").textContent = heading.textContent + ": " + status.join(". ");
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
    done(root, false); // stale results would mislead
  };

  const onClick = (root, event) => {
    const target = event.target.closest("button, a");
    if (!target) return;
    if (target.hasAttribute("data-quiz-reset")) {
      // A way back: clearing every answer needs a yes.
      if (one(root, "input:checked") && !confirm(root.dataset.confirm)) return;
      reset(root);
      focusTop(one(root, "input"), one(root, "form"));
    } else if (target.hasAttribute("data-quiz-print")) {
      // A printout or a saved PDF can be found by someone else: print only after a yes.
      if (confirm(root.dataset.quizPrintWarning)) print();
    }
    else if (target.closest("[data-quiz-summary]")) {
      // Keep the URL and history: Material would push the hash.
      event.preventDefault();
      event.stopPropagation();
      const fieldset = document.getElementById(target.hash.slice(1));
      focusTop(one(fieldset, "input"), fieldset);
    }
  };

  // Runs on every page Material shows (document$), including Back and Forward, which can
  // bring back a quiz element that still holds answers: a shown quiz always starts blank.
  const init = () => {
    all(document, "[data-quiz][data-quiz-init]").forEach(reset);
    all(document, "[data-quiz]:not([data-quiz-init])").forEach((root) => {
      const form = one(root, "form");
      root.setAttribute("data-quiz-init", "");
      form.reset();
      root.classList.add("quiz--js");
      all(root, "[data-quiz-actions], [data-quiz-more]").forEach((actions) => (actions.hidden = false));
      one(form, "button").disabled = false;
      form.addEventListener("change", (event) => onChange(root, event.target));
      // Enter or the button: scored here, never sent (the form's method is "dialog").
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        show(root);
      });
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

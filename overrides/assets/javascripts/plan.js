// The private plan (scripts/steadyground/plans/): what is typed lives only in the form's fields. It is
// never stored or sent, never put in the title or URL, and is cleared whenever the page is
// left, so Back, the back-forward cache and the quick exit's Back show empty fields.
(() => {
  const byId = (id) => document.getElementById(id);

  const clear = () => {
    const root = byId("plan");
    if (!root) return;
    const form = root.querySelector("form");
    form.reset(); // no field has a default: reset empties every one
    form.querySelectorAll("input").forEach((input) => {
      input.checked = false;
      input.value = "";
    });
  };

  const askBeforePrinting = (on) => {
    byId("plan-check").hidden = !on;
    byId("plan-buttons").hidden = on;
    (on ? byId("plan-check") : byId("plan-print")).focus();
  };

  const onClick = (event) => {
    const id = event.target.id;
    if (id === "plan-print") askBeforePrinting(true);
    else if (id === "plan-print-now") {
      askBeforePrinting(false);
      print();
    } else if (id === "plan-copy") askBeforePrinting(false);
    else if (id === "plan-clear" && confirm(byId("plan").dataset.confirm)) {
      clear();
      byId("plan-status").textContent = byId("plan-cleared").textContent;
      byId("plan").querySelector("input").focus();
    }
  };

  // Runs on every page Material shows (document$): a plan that comes back is blank.
  const init = () => {
    const root = byId("plan");
    if (!root) return;
    clear();
    if (root.classList.contains("plan--js")) return;
    root.classList.add("plan--js");
    byId("plan-buttons").hidden = false;
    // Enter in a field, or any other submit: nothing is sent (the method is "dialog" too).
    root.querySelector("form").addEventListener("submit", (event) => event.preventDefault());
    root.addEventListener("click", onClick);
  };

  // Neutral title on paper and in PDFs; never the reader's words.
  let title;
  addEventListener("beforeprint", () => {
    const root = byId("plan");
    if (root) [title, document.title] = [document.title, root.dataset.printTitle];
  });
  addEventListener("afterprint", () => {
    if (title) [document.title, title] = [title];
  });
  // Leaving by a link, the exit button or Shift x3, closing the tab: clear first, so
  // nothing typed is kept in the back-forward cache or restored by the browser.
  addEventListener("pagehide", clear);
  addEventListener("pageshow", (event) => event.persisted && clear());

  if (window.document$) window.document$.subscribe(init);
  else document.addEventListener("DOMContentLoaded", init);
})();

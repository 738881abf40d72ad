// Progressive enhancement only: every page works without this file. Loaded as a module, so
// browsers too old for the features used here never run it.

document.documentElement.classList.add("js-enabled");

/**
 * On small screens the filter panel folds behind "Show filters" (MoJ filter pattern). The page has a link to
 * the panel that works without JavaScript; here it becomes a button that opens and closes the panel in place.
 * The results region (link included) is replaced on every update, so `render` runs again after each one.
 */
function setUpFilterToggle(form) {
  let open = false;

  const render = () => {
    const panel = form.querySelector("[data-filter-panel]");
    let toggle = form.querySelector("[data-filter-toggle]");
    if (!panel || !toggle) return;
    if (toggle.tagName !== "BUTTON") {
      const button = document.createElement("button");
      button.type = "button";
      button.className = toggle.className;
      button.dataset.filterToggle = "";
      button.setAttribute("aria-controls", panel.id);
      button.addEventListener("click", () => {
        open = !open;
        render();
        if (open) panel.querySelector("input:not([disabled])")?.focus();
      });
      toggle.replaceWith(button);
      toggle = button;
    }
    const selected = panel.querySelectorAll("input:checked").length;
    panel.classList.toggle("filter-panel--collapsed", !open);
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = `${open ? "Hide" : "Show"} filters${selected ? ` (${selected} selected)` : ""}`;
  };

  /** "Apply filters": fold the panel away and take the reader to the results it gave. */
  const close = () => {
    open = false;
    render();
    document.getElementById("results-heading")?.focus();
  };
  render();
  return { render, close };
}

/** The URL the form would submit to, without empty words or an unchanged default sort. */
function urlFor(form) {
  const params = new URLSearchParams();
  const sort = form.querySelector("select[name=sort]");
  for (const [name, value] of new FormData(form)) {
    if (typeof value !== "string" || value.trim() === "") continue;
    if (name === "sort" && value === sort?.dataset.defaultSort) continue;
    params.append(name, value);
  }
  const query = params.toString();
  return form.action.split("?")[0] + (query ? `?${query}` : "");
}

/** Facet changes update the results in place (and the URL with them); the server renders both. */
function setUpLiveResults(form, toggle) {
  const announcer = form.querySelector("[data-catalogue-announcer]");
  const addressOf = (url) => {
    const { pathname, search } = new URL(url, window.location.href);
    return pathname + search;
  };
  let shown = addressOf(window.location.href); // the results on the page are for this address
  let pending;

  async function update(url, { push, applied = false }) {
    pending?.abort();
    pending = new AbortController();
    const region = form.querySelector("[data-catalogue-results]");
    region.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(url, { signal: pending.signal, headers: { Accept: "text/html" } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const fresh = doc.querySelector("[data-catalogue-results]");
      if (!fresh) throw new Error("No results in the response");

      const focusedId = region.contains(document.activeElement) ? document.activeElement.id : "";
      region.replaceWith(fresh);
      document.title = doc.title;
      // The body says whether this is a search (on a phone a search's results replace the introduction).
      document.body.className = doc.body.className;
      // The words box sits in the header, outside the form it belongs to (form="catalogue-form").
      const words = doc.getElementById("catalogue-q");
      const box = document.getElementById("catalogue-q");
      if (words && box) box.value = words.value;
      if (push) history.pushState({ catalogue: true }, "", url);
      shown = addressOf(url);
      toggle.render();
      if (applied) {
        toggle.close();
        announcer.textContent = fresh.querySelector("#result-count")?.textContent.trim() ?? "";
        return;
      }

      // Keep keyboard users where they were; if that control has gone, take them to the results.
      const target = focusedId && document.getElementById(focusedId);
      if (target && !target.disabled) target.focus();
      else if (focusedId) document.getElementById("results-heading")?.focus();
      announcer.textContent = fresh.querySelector("#result-count")?.textContent.trim() ?? "";
    } catch (error) {
      if (error.name === "AbortError") return;
      window.location.assign(url); // fall back to an ordinary page load
    }
  }

  form.addEventListener("change", (event) => {
    // Controls that belong to another form (the compare checkboxes use form="...") are not facets.
    if (event.target.form !== form) return;
    if (event.target.matches("input[type=checkbox], select")) update(urlFor(form), { push: true });
  });
  form.addEventListener("submit", (event) => {
    if (event.submitter && event.submitter.form !== form) return;
    event.preventDefault();
    update(urlFor(form), { push: true, applied: Boolean(event.submitter?.matches(".filter-panel__apply")) });
  });
  window.addEventListener("popstate", () => {
    // A link within the page ("Skip to results") fires popstate too: its results are already shown, and
    // reloading them would take away the keyboard focus the link just moved.
    if (addressOf(window.location.href) === shown) return;
    update(window.location.href, { push: false });
  });
}

const catalogueForm = document.querySelector("[data-catalogue-form]");
if (catalogueForm) {
  const toggle = setUpFilterToggle(catalogueForm);
  if (window.fetch && window.DOMParser && window.history.pushState) {
    setUpLiveResults(catalogueForm, toggle);
  }
}

// Progressive enhancement only: every page works without this file. Loaded as a module, so
// browsers too old for the features used here never run it.

document.documentElement.classList.add("js-enabled");

/** On small screens, fold the filter panel behind a "Show filters" button (MoJ filter pattern). */
function setUpFilterToggle(form) {
  const results = form.querySelector("[data-catalogue-results]");
  const toggle = document.createElement("button");
  toggle.type = "button";
  toggle.className = "govuk-button govuk-button--secondary filter-toggle";
  toggle.setAttribute("aria-controls", "filters");
  results.before(toggle);

  let open = false;
  const render = () => {
    const panel = form.querySelector("[data-filter-panel]");
    const selected = panel.querySelectorAll("input:checked").length;
    panel.classList.toggle("filter-panel--collapsed", !open);
    toggle.setAttribute("aria-expanded", String(open));
    toggle.textContent = `${open ? "Hide" : "Show"} filters${selected ? ` (${selected} selected)` : ""}`;
  };
  toggle.addEventListener("click", () => {
    open = !open;
    render();
    if (open) form.querySelector("[data-filter-panel] input:not([disabled])")?.focus();
  });
  render();
  return render;
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
function setUpLiveResults(form, afterUpdate) {
  const announcer = form.querySelector("[data-catalogue-announcer]");
  let pending;

  async function update(url, { push }) {
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
      const words = doc.getElementById("catalogue-q");
      if (words) form.querySelector("#catalogue-q").value = words.value;
      if (push) history.pushState({ catalogue: true }, "", url);
      afterUpdate();

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
    update(urlFor(form), { push: true });
  });
  window.addEventListener("popstate", () => update(window.location.href, { push: false }));
}

const catalogueForm = document.querySelector("[data-catalogue-form]");
if (catalogueForm) {
  const renderToggle = setUpFilterToggle(catalogueForm);
  if (window.fetch && window.DOMParser && window.history.pushState) {
    setUpLiveResults(catalogueForm, renderToggle);
  }
}

// "Find a reference in the library" in the entry form (editorial/citations/finder.py, finder_widget.py):
// a combobox (ARIA 1.2 pattern: the text box owns a listbox of matches; Up/Down move through them, Enter picks,
// Escape closes, then clears). A picked reference becomes a new row of the references formset, added with
// Wagtail's own InlinePanel code and filled through the row's chooser widget, exactly as the chooser's modal
// does; the form is then saved as it is when a reference is chosen there.
(function () {
  "use strict";

  const TYPING_PAUSE_MS = 200;

  function rowsOf(prefix) {
    return document.getElementById(`id_${prefix}-FORMS`);
  }

  function alreadyCited(prefix, field, id) {
    const rows = rowsOf(prefix);
    if (!rows) return false;
    return Array.from(rows.querySelectorAll(`input[name$="-${field}"]`)).some(
      (input) => input.value === id && !input.closest("[data-inline-panel-child]")?.classList.contains("deleted"),
    );
  }

  // The rows are ordered when the empty row (in its <template>) carries an ORDER field, as the entry's do.
  function hasOrder(prefix) {
    const template = document.getElementById(`id_${prefix}-EMPTY_FORM_TEMPLATE`);
    return Boolean(template && template.content.querySelector(`input[name="${prefix}-__prefix__-ORDER"]`));
  }

  // Wagtail builds one InlinePanel per formset in an inline script and keeps no handle on it. A second one,
  // made without initialising controls (the `false`, as Wagtail's own telepath adapter does), shares all its
  // state through the page (the form count is read from TOTAL_FORMS), so it adds rows exactly as the modal.
  function addRow(prefix, field, reference) {
    const total = document.getElementById(`id_${prefix}-TOTAL_FORMS`);
    if (!window.InlinePanel || !total) return false;
    const panel = new window.InlinePanel(
      {
        formsetPrefix: `id_${prefix}`,
        emptyChildFormPrefix: `${prefix}-__prefix__`,
        canOrder: hasOrder(prefix),
        maxForms: 1000,
        relationName: prefix,
      },
      false,
    );
    panel.addForm();
    const index = parseInt(total.value, 10) - 1;
    const chooser = document.getElementById(`id_${prefix}-${index}-${field}-chooser`);
    if (!chooser || !chooser.widget) return false;
    chooser.widget.setStateFromModalData({
      id: reference.id,
      string: reference.string,
      title: reference.string,
      edit_url: reference.edit_url,
    });
    return true;
  }

  function setUp(box) {
    if (box.dataset.finderReady) return;
    box.dataset.finderReady = "yes";
    const input = box.querySelector("[role=combobox]");
    const list = box.querySelector("[role=listbox]");
    const status = box.querySelector("[data-finder-status]");
    const { searchUrl, formsetPrefix, chooserField } = box.dataset;
    let results = [];
    let active = -1;
    let timer = null;
    let pending = null;

    function close() {
      list.hidden = true;
      list.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      const options = list.querySelectorAll("[role=option]");
      options.forEach((option, n) => option.setAttribute("aria-selected", n === index ? "true" : "false"));
      active = index;
      if (index < 0) {
        input.removeAttribute("aria-activedescendant");
        return;
      }
      input.setAttribute("aria-activedescendant", options[index].id);
      options[index].scrollIntoView({ block: "nearest" });
    }

    function describe(reference) {
      const year = reference.year ? ` (${reference.year})` : " (n.d.)";
      return `${reference.authors}${year}`;
    }

    function show(found, message) {
      results = found;
      list.replaceChildren();
      found.forEach((reference, n) => {
        const option = document.createElement("li");
        option.id = `${input.id}-option-${n}`;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "editorial-finder__option";
        const title = document.createElement("span");
        title.className = "editorial-finder__title";
        title.textContent = reference.title;
        const meta = document.createElement("span");
        meta.className = "editorial-finder__meta";
        meta.textContent = describe(reference);
        option.append(title, meta);
        // mousedown, not click: the text box keeps the focus (and the list stays open) until the pick is made.
        option.addEventListener("mousedown", (event) => event.preventDefault());
        option.addEventListener("click", () => pick(n));
        list.append(option);
      });
      const open = found.length > 0;
      list.hidden = !open;
      input.setAttribute("aria-expanded", open ? "true" : "false");
      active = -1;
      input.removeAttribute("aria-activedescendant");
      if (message) status.textContent = message;
      else if (input.value.trim()) {
        status.textContent = open
          ? `${found.length} matching reference${found.length === 1 ? "" : "s"}: use the arrow keys or click to pick one.`
          : "No reference in the library matches. Paste it below as BibTeX or RIS to add it.";
      } else status.textContent = "";
    }

    function pick(index) {
      const reference = results[index];
      if (!reference) return;
      close();
      if (alreadyCited(formsetPrefix, chooserField, reference.id)) {
        status.textContent = `Already cited: ${reference.string}`;
        return;
      }
      if (addRow(formsetPrefix, chooserField, reference)) {
        input.value = "";
        status.textContent = `Added to the references: ${reference.string}`;
      } else {
        status.textContent = "This reference could not be added here: use 'Add reference'.";
      }
      input.focus();
    }

    async function search() {
      const query = input.value.trim();
      if (pending) pending.abort();
      if (query.length < 2) {
        show([], "");
        return;
      }
      pending = new AbortController();
      const url = `${searchUrl}?${new URLSearchParams({ q: query })}`;
      try {
        const response = await fetch(url, {
          headers: { Accept: "application/json" },
          signal: pending.signal,
          credentials: "same-origin",
        });
        const answer = await response.json();
        if (input.value.trim() === query) show(answer.results || [], answer.message || "");
      } catch (error) {
        if (error.name !== "AbortError") show([], "The library could not be searched just now: use 'Add reference'.");
      }
    }

    input.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(search, TYPING_PAUSE_MS);
    });
    input.addEventListener("keydown", (event) => {
      const count = results.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (list.hidden || !count) return;
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        highlight((active + step + count) % count);
      } else if (event.key === "Enter") {
        // Never submit the entry form from the search box.
        event.preventDefault();
        if (!list.hidden && active >= 0) pick(active);
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          status.textContent = "";
        }
      }
    });
    input.addEventListener("blur", () => window.setTimeout(close, 0));
  }

  function setUpAll() {
    document.querySelectorAll("[data-reference-finder]").forEach(setUp);
  }

  // Wagtail loads form media in the page head, before the form exists: wait for the document.
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUpAll);
  else setUpAll();
})();

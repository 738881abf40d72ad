// Filter-as-you-type for long checkbox lists (local authorities, references) in the entry form.
// Without this script the list is still a plain list of checkboxes; ticked boxes are never hidden.
function setUpCheckboxFilter(box) {
  const label = box.querySelector("[data-filter-label]");
  const input = box.querySelector("[data-filter-input]");
  const status = box.querySelector("[data-filter-status]");
  if (!label || !input || box.dataset.filterReady) return;
  box.dataset.filterReady = "yes";
  label.hidden = false;
  const options = Array.from(box.querySelectorAll("input[type=checkbox]")).map((checkbox) => ({
    checkbox,
    row: checkbox.closest("div:not(.editorial-filterable__list)") || checkbox.parentElement,
    text: (checkbox.closest("label") || checkbox.parentElement).textContent.toLowerCase(),
  }));
  input.addEventListener("input", () => {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    options.forEach(({ checkbox, row, text }) => {
      const match = checkbox.checked || words.every((word) => text.includes(word));
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = words.length ? `${shown} of ${options.length} shown` : "";
  });
}

function setUpCheckboxFilters() {
  document.querySelectorAll("[data-filter-checkboxes]").forEach(setUpCheckboxFilter);
}

// Wagtail loads form media in the page head, before the form exists: wait for the document.
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", setUpCheckboxFilters);
} else {
  setUpCheckboxFilters();
}

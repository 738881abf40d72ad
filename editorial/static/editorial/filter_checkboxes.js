// Filter-as-you-type for long checkbox lists (local authorities) in the entry form.
// Without this script the list is still a plain list of checkboxes; ticked boxes are never hidden.
// Several names may be typed or pasted at once, separated by commas ("Manchester, Leeds"): the list shows what
// matches any of them, and Enter ticks each box whose name is exactly one of them (and never submits the form).

// The names typed, as the editor wrote them (for messages), each with the form it is compared in. Some official
// names hold a comma themselves ("Bristol, City of", "Kingston upon Hull, City of"): with `known` (the list's
// names, compared form), a piece and the next are read as one name whenever together they are one.
function namesIn(value, known = new Set()) {
  const pieces = value
    .split(",")
    .map((name) => name.trim().replace(/\s+/g, " "))
    .filter(Boolean);
  const names = [];
  for (let i = 0; i < pieces.length; i += 1) {
    const joined = i + 1 < pieces.length ? `${pieces[i]}, ${pieces[i + 1]}` : "";
    if (joined && known.has(joined.toLowerCase())) {
      names.push(joined);
      i += 1;
    } else {
      names.push(pieces[i]);
    }
  }
  return names.map((typed) => ({ typed, key: typed.toLowerCase() }));
}

function tickExactMatches(options, names, status) {
  const ticked = [];
  const unmatched = [];
  names.forEach(({ typed, key }) => {
    const exact = options.filter(({ label }) => label === key);
    if (!exact.length) {
      unmatched.push(typed);
      return;
    }
    exact.forEach(({ checkbox }) => {
      if (!checkbox.checked) {
        checkbox.checked = true;
        checkbox.dispatchEvent(new Event("change", { bubbles: true }));
      }
      ticked.push(checkbox.closest("label")?.textContent.trim() || typed);
    });
  });
  const parts = [];
  if (ticked.length) parts.push(`Ticked: ${ticked.join(", ")}.`);
  if (unmatched.length) parts.push(`No exact match for: ${unmatched.join(", ")}; tick it in the list.`);
  status.textContent = parts.join(" ");
  return unmatched;
}

function setUpCheckboxFilter(box) {
  const label = box.querySelector("[data-filter-label]");
  const input = box.querySelector("[data-filter-input]");
  const status = box.querySelector("[data-filter-status]");
  if (!label || !input || box.dataset.filterReady) return;
  box.dataset.filterReady = "yes";
  label.hidden = false;
  const options = Array.from(box.querySelectorAll("input[type=checkbox]")).map((checkbox) => {
    const text = (checkbox.closest("label") || checkbox.parentElement).textContent.toLowerCase();
    return {
      checkbox,
      row: checkbox.closest("div:not(.editorial-filterable__list)") || checkbox.parentElement,
      text,
      label: text.trim().replace(/\s+/g, " "),
    };
  });

  const known = new Set(options.map(({ label }) => label));

  function filter() {
    const names = namesIn(input.value, known).map(({ key }) => key.split(" "));
    let shown = 0;
    options.forEach(({ checkbox, row, text }) => {
      const match = checkbox.checked || !names.length || names.some((words) => words.every((w) => text.includes(w)));
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = names.length ? `${shown} of ${options.length} shown. Enter ticks each exact name.` : "";
  }

  input.addEventListener("input", filter);
  input.addEventListener("keydown", (event) => {
    if (event.key !== "Enter") return;
    event.preventDefault(); // a search box inside the entry form: Enter must not submit it
    const names = namesIn(input.value, known);
    if (!names.length) return;
    const unmatched = tickExactMatches(options, names, status);
    // Keep only the names still to find, so the list shows their near matches to tick by hand.
    input.value = unmatched.join(", ");
    const message = status.textContent;
    filter();
    status.textContent = message;
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

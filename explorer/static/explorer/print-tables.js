// Data tables are closed by default (a summary opens each); printing opens every one, so a printed page
// carries its tables, and closes again afterwards the ones the reader had not opened.
const opened = [];
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll("details.explorer-chart__table:not([open])")) {
    details.open = true;
    opened.push(details);
  }
});
window.addEventListener("afterprint", () => {
  while (opened.length) opened.pop().open = false;
});

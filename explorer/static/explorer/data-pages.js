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

// On a phone the data sub-menu starts closed behind its summary (it is open without JavaScript, and on
// wider screens, where the summary is hidden).
const menu = document.querySelector(".explorer-nav__details");
if (menu && window.matchMedia("(max-width: 40.0525em)").matches) menu.open = false;

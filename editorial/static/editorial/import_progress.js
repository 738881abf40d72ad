// While the import request runs, show a progress bar and stop a second submission.
// Without JavaScript the form still works; the browser's own loading indicator shows progress.
document.querySelectorAll("[data-import-form]").forEach((form) => {
  form.addEventListener("submit", () => {
    const progress = form.querySelector("[data-import-progress]");
    if (progress) progress.hidden = false;
    form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; });
  });
});

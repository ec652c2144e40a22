// Small behaviours without inline script (the Content-Security-Policy forbids inline script).
document.addEventListener("submit", (event) => {
  const form = event.target;
  // Ask before anything is removed, revoked or ended.
  const question = form.dataset.confirm;
  if (question && !window.confirm(question)) {
    event.preventDefault();
    return;
  }
  // One tap, one submission: disable the buttons while the form is sent.
  if (form.dataset.submitted) {
    event.preventDefault();
    return;
  }
  form.dataset.submitted = "1";
  setTimeout(() => delete form.dataset.submitted, 5000);
});

// After a refused form, the cursor goes to the first field with an error, so that a screen
// reader reads out its label and its error message (aria-describedby).
document.addEventListener("DOMContentLoaded", () => {
  const invalid = document.querySelector("main [aria-invalid='true']");
  if (invalid) invalid.focus();
});

// The mentor tapped a level and htmx swapped in the saved card: keep the keyboard on the
// tapped level and the confirmation under it in view, where the thumb is.
document.addEventListener("htmx:afterSettle", () => {
  const saved = document.querySelector("[data-just-saved]");
  if (!saved) return;
  saved.removeAttribute("data-just-saved");
  saved.focus({ preventScroll: true });
  const note = saved.closest("form").querySelector(".saved-note");
  (note || saved).scrollIntoView({ block: "nearest" });
});

// "Copy link": copies the field named by data-copy and says so on the button.
document.addEventListener("click", async (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  field.select();
  try {
    await navigator.clipboard.writeText(field.value);
    button.textContent = button.dataset.copied;
  } catch {
    // No clipboard (an old browser or a closed permission): the link stays selected to copy.
  }
});

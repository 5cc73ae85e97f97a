// Behaviour kept out of the pages so that the content-security policy needs no inline script.
document.addEventListener("change", (event) => {
  const form = event.target.closest("form[data-autosubmit]");
  if (form) form.submit();
});
document.addEventListener("submit", (event) => {
  // Long work (imports) shows its status while the server is busy.
  const form = event.target.closest("form[data-busy]");
  if (!form) return;
  const status = document.getElementById(form.dataset.busy);
  if (status) status.hidden = false;
  form.querySelectorAll("button[type=submit]").forEach((button) => { button.disabled = true; });
});

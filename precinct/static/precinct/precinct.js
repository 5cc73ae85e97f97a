// Behaviour kept out of the pages so that the content-security policy needs no inline script.
// With scripts, the menu folds away on small screens behind its button; without, it stays open.
document.documentElement.classList.add("js");
document.addEventListener("click", (event) => {
  const toggle = event.target.closest(".nav-toggle");
  if (!toggle) return;
  const menu = document.getElementById(toggle.getAttribute("aria-controls"));
  const open = toggle.getAttribute("aria-expanded") !== "true";
  toggle.setAttribute("aria-expanded", String(open));
  menu.classList.toggle("open", open);
});
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

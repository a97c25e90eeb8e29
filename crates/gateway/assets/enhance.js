// Progressive enhancement only: every page works without this file.
// Filter forms marked data-autosubmit apply their choice at once, and the
// submit button they keep for everyone else steps aside.
document.addEventListener("change", function (event) {
  var form = event.target.closest("form[data-autosubmit]");
  if (form) {
    form.requestSubmit();
  }
});
document.documentElement.classList.add("js");

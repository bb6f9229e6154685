// Select2 (the admin's autocomplete) renders a combobox named only by its current
// value, so an empty one has no accessible name: name it after its field's label.
(function () {
  function nameComboboxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var container = select.nextElementSibling;
      if (!container || !container.classList.contains("select2")) return;
      var label = document.querySelector('label[for="' + select.id + '"]');
      var name = label ? label.textContent.replace(/:\s*$/, "").trim() : select.getAttribute("aria-label");
      if (!name) return;
      container.querySelectorAll(
        "[role=combobox], .select2-selection__rendered, .select2-search__field"
      ).forEach(function (element) {
        element.removeAttribute("aria-labelledby");
        element.setAttribute("aria-label", name);
      });
    });
  }
  window.addEventListener("load", function () {
    nameComboboxes();
    new MutationObserver(nameComboboxes).observe(document.body, { childList: true, subtree: true });
  });
})();

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
  // A multiple select's "remove all" cross is a <span> inside its list of choices,
  // which a list may not hold: move it just before the list (still inside the
  // selection, whose click handler finds it there), dropping an earlier copy.
  function moveClearButtons() {
    document.querySelectorAll("ul.select2-selection__rendered > .select2-selection__clear").forEach(function (clear) {
      var list = clear.parentNode;
      var previous = list.previousElementSibling;
      if (previous && previous.classList.contains("select2-selection__clear")) previous.remove();
      list.parentNode.insertBefore(clear, list);
    });
  }
  function fix() {
    nameComboboxes();
    moveClearButtons();
  }
  window.addEventListener("load", function () {
    fix();
    new MutationObserver(fix).observe(document.body, { childList: true, subtree: true });
  });
})();

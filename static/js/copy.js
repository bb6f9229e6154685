// Adds a "Copy" button to each citation; without JavaScript the text stays selectable.
document.querySelectorAll(".copyable").forEach((block) => {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy-button";
  button.textContent = "Copy";
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(block.textContent);
      button.textContent = "Copied";
    } catch (error) {
      window.getSelection().selectAllChildren(block);
      button.textContent = "Selected: press Ctrl+C";
    }
    setTimeout(() => { button.textContent = "Copy"; }, 2000);
  });
  block.insertAdjacentElement("afterend", button);
});

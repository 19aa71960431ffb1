/**
 * The ribbon's message dialog (message.html): shows the `text` query parameter as text
 * (never markup) and closes on OK by messaging the function file that opened it.
 */
const text = new URLSearchParams(window.location.search).get("text") ?? "";

Office.onReady(() => {
  const shown = document.getElementById("message");
  if (shown) shown.textContent = text;
  document.getElementById("ok")?.addEventListener("click", () => Office.context.ui.messageParent("close"));
});

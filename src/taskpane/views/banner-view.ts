/** The error banner: one friendly sentence, dismissible, announced by screen readers. */
import { h, replaceChildren } from "../dom";

export interface BannerView {
  show(message: string): void;
  clear(): void;
}

export function createBannerView(root: HTMLElement): BannerView {
  const clear = (): void => {
    root.hidden = true;
    replaceChildren(root);
  };
  return {
    show(message) {
      const dismiss = h("button", { className: "banner-dismiss", attrs: { type: "button", "aria-label": "Dismiss message" }, onClick: clear }, "×");
      replaceChildren(root, h("span", { className: "banner-icon", attrs: { "aria-hidden": "true" } }, "!"), h("p", { className: "banner-text" }, message), dismiss);
      root.hidden = false;
    },
    clear,
  };
}

/**
 * One export of the native addon for a test, after making sure the CLI (and the addon) is
 * built. The addon is built by `npm run build:cli` where g++ and make are (this machine;
 * .ci/run installs them), so its absence is a failure, not a skip.
 */
import { nativeAddonFile } from "../../src/cli/native-addon";
import { ensureCliBuilt } from "./ensure-cli-built";

export async function builtNative<T>(load: () => T | undefined, what: string): Promise<T> {
  await ensureCliBuilt();
  const loaded = load();
  if (!loaded) throw new Error(`the native ${what} is not built (${nativeAddonFile() ?? "no native/build/Release/sctvm_native.node"}): run npm run build:cli and read its warning`);
  return loaded;
}

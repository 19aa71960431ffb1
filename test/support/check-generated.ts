/** Checks of generated harness files: TypeScript type checks of JS, and loading JS modules with stubs. */
import { join, resolve } from "node:path";
import { runInNewContext } from "node:vm";
import ts from "typescript";

export const ROOT = resolve(__dirname, "../..");

/** Type-check JS files (checkJs) with the given ambient types; returns the diagnostics as text. */
export function typeCheckJs(files: readonly string[], types: readonly string[]): string[] {
  const program = ts.createProgram([...files], {
    allowJs: true,
    checkJs: true,
    noEmit: true,
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ["lib.es2022.d.ts"],
    types: [...types],
    typeRoots: [join(ROOT, "node_modules/@types")],
    baseUrl: ROOT,
    paths: { "@gatling.io/*": [join(ROOT, "node_modules/@gatling.io/*")] },
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}` : "";
    return `${where} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

/** Runs an ES module's text as CommonJS in a fresh context with `require` answered by `modules`. */
export function loadModule(text: string, modules: Record<string, unknown>, globals: Record<string, unknown> = {}): Record<string, unknown> {
  const js = ts.transpileModule(text, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText;
  const module = { exports: {} as Record<string, unknown> };
  const require = (name: string): unknown => {
    if (!(name in modules)) throw new Error(`unexpected import ${name}`);
    return modules[name];
  };
  runInNewContext(js, { module, exports: module.exports, require, ...globals });
  return module.exports;
}

/** Syntax errors of a JavaScript text (script or module). */
export function jsSyntaxErrors(text: string): string[] {
  const sf = ts.createSourceFile("x.js", text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.JS);
  const diags = (sf as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  return diags.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

/** The kinds of a JS text's tokens (comments skipped) with the values of its string literals. */
export function jsTokens(text: string): { kinds: string[]; strings: string[] } {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  const kinds: string[] = [];
  const strings: string[] = [];
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    kinds.push(ts.SyntaxKind[k] ?? String(k));
    if (k === ts.SyntaxKind.StringLiteral) strings.push(scanner.getTokenValue());
  }
  return { kinds, strings };
}

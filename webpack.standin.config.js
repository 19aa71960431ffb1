/**
 * The stand-in Excel host for the browser (test/standin/standin-office.ts), bundled to
 * .tmp/standin/standin-office.js, plus the preview page's script. The preview server and
 * the end-to-end test serve the stand-in where office.js would load from Microsoft's CDN.
 * Never deployed: `npm run build` does not include it.
 */
const path = require("node:path");

module.exports = {
  mode: "development",
  devtool: "source-map",
  entry: {
    "standin-office": "./test/standin/standin-office.ts",
    "preview-page": "./scripts/preview/preview-page.ts",
  },
  output: {
    path: path.resolve(__dirname, ".tmp/standin"),
    filename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        // Type-checked by `npm run typecheck`; here only transpiled.
        use: { loader: "ts-loader", options: { configFile: path.resolve(__dirname, "tsconfig.web.json"), transpileOnly: true } },
      },
    ],
  },
};

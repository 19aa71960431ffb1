/**
 * The add-in's web build, after Microsoft's Office-Addin-TaskPane template: entries
 * `taskpane` and `commands`, one HtmlWebpackPlugin page each, assets and the manifest
 * copied. `npm run build` writes dist/; `npm run dev-server` serves it on
 * https://localhost:3000 with office-addin-dev-certs (the only step that needs them).
 * `npm run build -- --env url=https://host/path` writes a production manifest: every
 * localhost URL replaced by that base and SupportUrl at its support page
 * (`--env supportUrl=…` to point elsewhere). Every page gets the one
 * Content-Security-Policy of src/content-security-policy.js.
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { HEADER_POLICY, META_POLICY } = require("./src/content-security-policy");
const { productionManifest } = require("./scripts/production-manifest");

const DEV_SERVER_PORT = 3000;
const SAMPLE_JSON = path.resolve(__dirname, ".tmp/generated/sample-model.json");

/** One page: its template, its script (if any), the policy for its <meta>. */
function page(filename, template, chunk) {
  return new HtmlWebpackPlugin({
    filename,
    template,
    chunks: chunk ? [chunk] : [],
    // Written by each template as the first tag of <head>: a policy in a <meta> covers only what comes after it.
    csp: META_POLICY,
  });
}

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  // Checked here, so a bad URL stops the build with one clear line.
  const manifestFor = env.url ? (xml) => productionManifest(xml, env.url, env.supportUrl) : (xml) => xml;
  manifestFor("<x/>");
  const config = {
    mode: dev ? "development" : "production",
    // The eval-based default devtools break the pane's Content-Security-Policy.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: path.resolve(__dirname, "tsconfig.web.json") } },
        },
      ],
    },
    plugins: [
      page("taskpane.html", "./src/taskpane/taskpane.html", "taskpane"),
      page("commands.html", "./src/commands/commands.html", "commands"),
      page("message.html", "./src/commands/message.html", "message"),
      page("support.html", "./src/support/support.html"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: SAMPLE_JSON, to: "assets/sample-model.json" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => manifestFor(content.toString("utf8")) },
        ],
      }),
    ],
    performance: { maxAssetSize: 600_000, maxEntrypointSize: 600_000 },
  };
  if (env.WEBPACK_SERVE) {
    // Required lazily: on Linux it may call sudo to trust its CA, which builds never need.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_SERVER_PORT,
      headers: { "Access-Control-Allow-Origin": "*", "Content-Security-Policy": HEADER_POLICY },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
      hot: false,
      liveReload: true,
    };
  }
  return config;
};

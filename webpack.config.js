/**
 * The add-in's web build, after Microsoft's Office-Addin-TaskPane template: entries
 * `taskpane` and `commands`, one HtmlWebpackPlugin page each, assets and the manifest
 * copied. `npm run build` writes dist/; `npm run dev-server` serves it on
 * https://localhost:3000 with office-addin-dev-certs (the only step that needs them).
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_SERVER_PORT = 3000;
const SAMPLE_JSON = path.resolve(__dirname, ".tmp/generated/sample-model.json");

module.exports = async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const config = {
    mode: dev ? "development" : "production",
    // The eval-based default devtools break the pane's Content-Security-Policy.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/taskpane.ts",
      commands: "./src/commands/commands.ts",
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: SAMPLE_JSON, to: "assets/sample-model.json" },
          { from: "src/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "manifest.xml", to: "manifest.xml" },
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
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      static: false,
      hot: false,
      liveReload: true,
    };
  }
  return config;
};

// Lint of our own browser scripts (the hosts' wwwroot and web/), run by ./test.sh through
// `npm run lint:web`. Formatting (quotes, spacing) is Prettier's job (.prettierrc.json).
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["**/wwwroot/lib/**", "**/bin/**", "**/obj/**", "node_modules/**", "tests/**", "bench/**"],
  },
  {
    files: ["web/**/*.js", "*/wwwroot/**/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      ecmaVersion: 2022,
      // Classic scripts loaded by <script src>: they share names through window.
      sourceType: "script",
      globals: {
        ...globals.browser,
        signalR: "readonly",
        Chart: "readonly",
        QkHub: "readonly",
        QkLiveFeed: "readonly",
        QkPage: "readonly",
        Qk: "readonly",
        QkApi: "readonly",
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      "no-unused-vars": ["error", { args: "none", caughtErrors: "none" }],
      eqeqeq: ["error", "always"],
      "no-var": "error",
      "prefer-const": "error",
      strict: ["error", "global"],
    },
  },
];

// ESLint flat config: type-aware typescript-eslint (strict), Next.js and React hooks rules, and the
// module boundaries of docs/developing.md enforced by the tool (ADR 0010). `npm run lint` runs it
// with --max-warnings=0, so a warning here is as blocking as an error.
import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import prettierConfig from "eslint-config-prettier/flat";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import { importX } from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/**
 * Things that do I/O: a pure rule (lib/<domain>/rules/**) may import none of them at runtime.
 * `import type` is fine (it vanishes at runtime), and so are the generated Prisma enums: plain
 * constant objects with no client behind them.
 */
const IO_MODULES = [
  { name: "pg", message: "Pure rules do no I/O: no database driver." },
  { name: "next", message: "Pure rules do not depend on Next.js." },
  ...["fs", "fs/promises", "node:fs", "node:fs/promises", "node:child_process", "node:net", "node:http", "node:https"].map((name) => ({
    name,
    message: "Pure rules do no I/O: the caller reads and passes the data in.",
  })),
];
const IO_PATTERNS = [
  { group: ["next/*"], message: "Pure rules do not depend on Next.js." },
  {
    regex: "^(@prisma/|@/lib/generated/(?!prisma/enums$))",
    message: "Pure rules do no I/O: `import type` from the generated client (or values from its enums) only.",
  },
  { group: ["@/lib/db", "@/lib/db/*"], message: "Pure rules do no I/O: the verb loads the rows and passes them in." },
];

export default tseslint.config(
  {
    // Generated or built output, local data, and the files Next writes itself.
    ignores: [
      "node_modules/**",
      "lib/generated/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      "bench-results/**",
      "public/**",
    ],
  },
  { linterOptions: { reportUnusedDisableDirectives: "error" } },

  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },

  nextPlugin.configs["core-web-vitals"],
  reactHooks.configs.flat.recommended,

  {
    rules: {
      // `as never` silences the compiler instead of stating a type; say what the value is.
      "no-restricted-syntax": [
        "error",
        { selector: "TSAsExpression > TSNeverKeyword", message: "No `as never`: give the value its real type." },
        { selector: "TSTypeAssertion > TSNeverKeyword", message: "No `<never>` casts: give the value its real type." },
      ],
      // Numbers and booleans in messages and URLs are routine here (page numbers, counts, years);
      // objects, arrays, null and undefined are still refused (they print "[object Object]"/"undefined").
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true, allowBoolean: true }],
      // Server actions and route handlers are async by contract (Next calls them with await) even
      // when the body happens not to await; React form `action={…}` props take promise-returning functions.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      // Spreading a string into code points is how Chinese text is cut into characters here (a
      // Han character is one code point); grapheme clusters would only matter for emoji.
      "@typescript-eslint/no-misused-spread": ["error", { allow: [{ from: "lib", name: "string" }] }],
      // `onClick={() => window.print()}` and `.then(() => resolve())` are not confusing.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
      // The full-width space (U+3000) is ordinary typography in Chinese text and JSX.
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipJSXText: true, skipRegExps: true }],
      // `_`-prefixed names are the convention for an intentionally unused parameter or destructured rest.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" },
      ],
    },
  },

  // ---- Module boundaries (ADR 0010). Resolved paths, so `@/…` aliases and relative paths both count.
  {
    plugins: { "import-x": importX },
    settings: {
      // Without these import-x parses no .ts file for no-cycle (its default is JavaScript only).
      "import-x/extensions": [".ts", ".tsx", ".mts", ".js", ".mjs"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts", ".tsx", ".mts"] },
      "import-x/external-module-folders": ["node_modules", "node_modules/@types"],
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json", alwaysTryTypes: true })],
    },
    rules: {
      "import-x/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports routes: move the shared code into lib/." },
            { target: "./lib", from: "./components", message: "lib/ never imports React components." },
            { target: "./lib", from: "./tests", message: "Production code never imports test code." },
            { target: "./components", from: "./lib/db", message: "Components get data from pages/verbs, never from the database." },
            { target: "./components", from: "./lib/generated", message: "Components do not import Prisma; use a domain type from lib/." },
            { target: "./lib/*/rules/**", from: "./lib/db", message: "Pure rules do no I/O: the verb loads the rows and passes them in." },
          ],
        },
      ],
    },
  },
  {
    files: ["components/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          // lib/db and lib/generated are caught by no-restricted-paths above (alias or relative);
          // here the Prisma packages themselves.
          patterns: [{ group: ["@prisma/*"], message: "Components do not import Prisma; use a domain type from lib/." }],
        },
      ],
    },
  },
  {
    files: ["lib/*/rules/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: IO_MODULES.map((p) => ({ ...p, allowTypeImports: true })),
          patterns: IO_PATTERNS.map((p) => ({ ...p, allowTypeImports: true })),
        },
      ],
    },
  },
  {
    // No import cycles (type-only imports do not count: they vanish at runtime). None exist
    // today in lib/, components/ or app/; tests and scripts are leaves.
    files: ["lib/**", "components/**", "app/**"],
    rules: { "import-x/no-cycle": ["error", { ignoreExternal: true }] },
  },

  {
    // Tests: values typed `any` by their source (a JSON body from `res.json()`, a rejection
    // caught with `.catch((e) => e)`) only feed expect(), which fails on a wrong shape, and tests
    // index into rows they just created (`rows[0]!`): a wrong guess fails the test anyway.
    // no-explicit-any stays on, so nothing is typed `any` on purpose.
    files: ["tests/**"],
    rules: {
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/use-unknown-in-catch-callback-variable": "off",
    },
  },

  // Last, so it also switches off the typed rules configured above. The two .mjs config files are not in the TypeScript project; lint them without types.
  { files: ["**/*.{js,mjs,cjs}"], ...tseslint.configs.disableTypeChecked },

  // Formatting belongs to Prettier: turn off every stylistic rule that would fight it.
  prettierConfig,
);

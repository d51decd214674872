import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "dist/**",
      ".data/**",
      "node_modules/**",
      "generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      // Vendored: Scalar's standalone.js (the /api/docs page), copied from @scalar/api-reference 1.76.4.
      "public/scalar/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // A job reads as its list of steps (issue 13): waiting, rescheduling and poll pacing belong to the wait step.
    files: ["lib/**/*.ts", "worker/**/*.ts"],
    ignores: ["lib/jobs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@/lib/jobs/outcome",
              importNames: ["Reschedule"],
              message: "Jobs wait with op.wait / op.arm(access).lro (lib/jobs/wait-step.ts), never by rescheduling.",
            },
            {
              name: "@/lib/jobs/poll-delay",
              importNames: ["nextPollDelayMs", "inlineWaitMaxMs"],
              message: "When to look again is the wait step's decision: return a Progress with hints instead.",
            },
            { name: "@/lib/jobs/step-recorder", message: "Jobs get their steps from the JobContext (op)." },
          ],
        },
      ],
    },
  },
];

export default config;

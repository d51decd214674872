import { z } from "zod";

export const totpCodeSchema = z
  .string()
  .trim()
  .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app.");

export const confirmTotpSchema = z.object({ code: totpCodeSchema });

/** The sign-in step: a code from the app, or a recovery code. */
export const secondFactorSchema = z.discriminatedUnion("method", [
  z.object({ method: z.literal("totp"), code: totpCodeSchema, next: z.string().max(2000).optional() }),
  z.object({
    method: z.literal("recovery"),
    code: z.string().trim().min(16, "Enter one of your recovery codes, e.g. abcd-efgh-jkmn-pqrs.").max(40),
    next: z.string().max(2000).optional(),
  }),
]);

export const turnOffTotpSchema = z.object({
  password: z.string().min(1, "Enter your password.").max(200),
  code: z.string().trim().min(6, "Enter a code from your authenticator app or a recovery code.").max(40),
});
export type TurnOffTotpInput = z.infer<typeof turnOffTotpSchema>;

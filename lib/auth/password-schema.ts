import { z } from "zod";
import { passwordProblem } from "./password-policy";

const newPassword = z.string().superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200, "Use at most 200 characters."),
    newPassword,
    confirmPassword: z.string(),
  })
  .superRefine((v, ctx) => {
    if (v.confirmPassword !== v.newPassword)
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords differ." });
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

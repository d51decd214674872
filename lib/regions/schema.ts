import { z } from "zod";

// A form posts one `regions` value per ticked box: none at all, one string or several; all become a list.
const asList = (v: unknown) => (v === undefined || v === null || v === "" ? [] : Array.isArray(v) ? v : [v]);

export const setAllowedRegionsSchema = z.object({
  regions: z.preprocess(
    asList,
    z
      .array(
        z
          .string()
          .trim()
          .toLowerCase()
          .regex(/^[a-z0-9]{2,64}$/, "Region names are Azure's short names, like westeurope."),
      )
      .max(500, "That is more regions than Azure has.")
      .transform((names) => [...new Set(names)].sort()),
  ),
});
export type SetAllowedRegionsInput = z.infer<typeof setAllowedRegionsSchema>;

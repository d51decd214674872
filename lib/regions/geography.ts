/** The geographies the Regions page groups by, in the order Azure's own region picker shows them. */
export const geographies = [
  "Americas",
  "Europe",
  "Asia Pacific",
  "Middle East",
  "Africa",
  "US Government",
  "China",
  "Other",
] as const;
export type Geography = (typeof geographies)[number];

// Azure reports a geographyGroup per location, but discovery keeps only names; region names are stable enough to
// group by. Order matters: "usgov…" before the US rule, "southafrica…" before the "southeast/…asia" rules.
const rules: [RegExp, Geography][] = [
  [/^us(gov|dod|sec|nat)/, "US Government"],
  [/^china/, "China"],
  [/^(southafrica|africa)/, "Africa"],
  [/^(uae|qatar|israel|saudiarabia|kuwait|bahrain)/, "Middle East"],
  [/(us\d?$|^us|canada|brazil|mexico|chile|southamerica)/, "Americas"],
  [
    /(europe|^uk|^france|^germany|^switzerland|^norway|^sweden|^poland|^italy|^spain|^austria|^belgium|^denmark|^finland|^greece)/,
    "Europe",
  ],
  [
    /(asia|^japan|^korea|^india|^(central|south|west)india|^jio|^australia|^newzealand|^indonesia|^malaysia|^taiwan)/,
    "Asia Pacific",
  ],
];

/** The geography of an Azure region short name ("westeurope" → Europe), with Azure's own group when known. */
export function regionGeography(name: string, reported?: string | null): Geography {
  const known = reported && geographies.find((g) => g.toLowerCase() === reported.toLowerCase());
  if (known) return known;
  if (reported === "US" || reported === "Canada" || reported === "South America" || reported === "Mexico")
    return "Americas";
  const key = name.toLowerCase();
  return rules.find(([re]) => re.test(key))?.[1] ?? "Other";
}

import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

/** Joins class names and lets later Tailwind utilities override earlier ones (`cn("px-2", props.className)`). */
export function cn(...inputs: ClassValue[]) {
  return twMerge(clsx(inputs));
}

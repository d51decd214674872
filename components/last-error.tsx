import { CircleX } from "lucide-react";

/** The error an object's last operation left on it, with Azure's message; `children` add the code and links. */
export function LastError({
  title,
  message,
  children,
}: {
  title: string;
  message: string;
  children?: React.ReactNode;
}) {
  return (
    <section
      aria-label="Last error"
      className="flex gap-3 rounded-xl border border-destructive/30 bg-destructive/5 p-4 text-sm"
    >
      <CircleX aria-hidden className="mt-0.5 size-5 shrink-0 text-destructive" />
      <div className="min-w-0 space-y-1">
        <h2 className="font-semibold">{title}</h2>
        <p className="break-words">{message}</p>
        {children}
      </div>
    </section>
  );
}

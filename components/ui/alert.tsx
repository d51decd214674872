import * as React from "react";
import { cva, type VariantProps } from "class-variance-authority";
import { CircleAlert, CircleCheck, Info, TriangleAlert } from "lucide-react";
import { cn } from "@/lib/utils/cn";

const alertVariants = cva(
  "relative flex w-full gap-3 rounded-lg border px-4 py-3 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0",
  {
    variants: {
      variant: {
        default: "bg-card text-card-foreground",
        info: "border-info/30 bg-info/8 text-foreground [&>svg]:text-info",
        success: "border-success/30 bg-success/8 text-foreground [&>svg]:text-success",
        warning:
          "border-warning/40 bg-warning/10 text-foreground [&>svg]:text-[color-mix(in_oklab,var(--warning)_70%,black)] dark:[&>svg]:text-warning",
        destructive: "border-destructive/30 bg-destructive/8 text-foreground [&>svg]:text-destructive",
      },
    },
    defaultVariants: { variant: "default" },
  },
);

type AlertVariant = NonNullable<VariantProps<typeof alertVariants>["variant"]>;
const icons: Record<AlertVariant, React.ComponentType<{ className?: string; "aria-hidden"?: boolean }>> = {
  default: Info,
  info: Info,
  success: CircleCheck,
  warning: TriangleAlert,
  destructive: CircleAlert,
};

export type AlertProps = Omit<React.ComponentProps<"div">, "title"> &
  VariantProps<typeof alertVariants> & {
    title?: React.ReactNode;
    /** Pass `false` to hide the icon. */
    icon?: React.ReactNode | false;
  };

/** Destructive and warning alerts announce themselves (role="alert"); the others are polite status messages. */
export function Alert({ className, variant, title, icon, children, ...props }: AlertProps) {
  const v = variant ?? "default";
  const Icon = icons[v];
  const isUrgent = v === "destructive" || v === "warning";
  return (
    <div
      data-slot="alert"
      role={isUrgent ? "alert" : "status"}
      className={cn(alertVariants({ variant }), className)}
      {...props}
    >
      {icon === false ? null : (icon ?? <Icon aria-hidden />)}
      <div className="grid min-w-0 gap-1">
        {title && <p className="leading-5 font-medium">{title}</p>}
        {children && (
          <div className={cn("leading-5 [&_p]:leading-relaxed", title && "text-muted-foreground")}>{children}</div>
        )}
      </div>
    </div>
  );
}

import { Alert } from "@/components/ui/alert";

export function SuspendedBanner({ tenantName }: { tenantName: string }) {
  return (
    <Alert variant="warning" title={`${tenantName} is suspended`} className="mb-6">
      You can look at everything, but changes are disabled until your service provider reactivates the account.
    </Alert>
  );
}

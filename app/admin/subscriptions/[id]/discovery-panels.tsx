import { QuotaBar } from "@/components/quota-bar";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { imageLabel, type Discovery } from "@/lib/subscriptions/discovery";
import { SizesTable } from "./sizes-table";

/** What the last successful validation found: regions with their vCPU quota, VM sizes and images. */
export function DiscoveryPanels({ discovery }: { discovery: Discovery }) {
  if (discovery.regions.length === 0) {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Discovered capacity</CardTitle>
          <CardDescription>
            Regions, VM sizes, images and quota appear here once a validation has passed.
          </CardDescription>
        </CardHeader>
      </Card>
    );
  }
  const regionName = new Map(discovery.regions.map((r) => [r.name, r.displayName]));
  const quota = Object.entries(discovery.quota).sort(([a], [b]) =>
    (regionName.get(a) ?? a).localeCompare(regionName.get(b) ?? b),
  );
  return (
    <div className="grid gap-6">
      <div className="grid gap-6 xl:grid-cols-2">
        <Card aria-labelledby="regions-title">
          <CardHeader>
            <CardTitle id="regions-title">Regions</CardTitle>
            <CardDescription>
              {discovery.regions.length} regions offered by this subscription. Which ones tenants may use is set on the
              Regions page.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-wrap gap-1.5" aria-label="Discovered regions">
              {discovery.regions.map((r) => (
                <li key={r.name}>
                  <Badge variant="muted" title={r.name}>
                    {r.displayName}
                  </Badge>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card aria-labelledby="quota-title">
          <CardHeader>
            <CardTitle id="quota-title">Regional vCPU quota</CardTitle>
            <CardDescription>
              Cores used and allowed per region, as Azure reported them at the last validation.
            </CardDescription>
          </CardHeader>
          {/* A scrolling box takes the focus, so a keyboard user can scroll it too (WCAG 2.1.1). */}
          <CardContent
            tabIndex={0}
            role="region"
            aria-labelledby="quota-title"
            className="grid max-h-96 gap-4 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-ring"
          >
            {quota.length === 0 ? (
              <p className="text-sm text-muted-foreground">No quota was reported.</p>
            ) : (
              quota.map(([name, q]) => (
                <QuotaBar key={name} label={regionName.get(name) ?? name} used={q.used} limit={q.limit} unit="vCPUs" />
              ))
            )}
          </CardContent>
        </Card>
      </div>
      <Card aria-labelledby="sizes-title">
        <CardHeader>
          <CardTitle id="sizes-title">VM sizes</CardTitle>
          <CardDescription>
            Sizes this subscription may deploy, with the discovered regions each one is available in.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <SizesTable sizes={discovery.sizes} />
        </CardContent>
      </Card>
      <Card aria-labelledby="images-title">
        <CardHeader>
          <CardTitle id="images-title">Images</CardTitle>
          <CardDescription>
            {discovery.images.length} marketplace images; plans choose which of them tenants may use.
          </CardDescription>
        </CardHeader>
        <CardContent>
          {discovery.images.length === 0 ? (
            <p className="text-sm text-muted-foreground">No images were found.</p>
          ) : (
            <ul className="grid gap-2 sm:grid-cols-2 xl:grid-cols-3" aria-label="Discovered images">
              {discovery.images.map((image) => (
                <li key={`${image.publisher}/${image.offer}/${image.sku}`} className="rounded-lg border px-3 py-2">
                  <p className="text-sm font-medium">{imageLabel(image)}</p>
                  <p
                    className="truncate font-mono text-xs text-muted-foreground"
                    title={`${image.publisher}:${image.offer}:${image.sku}`}
                  >
                    {image.publisher}:{image.offer}:{image.sku}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {image.osType} · {image.versions.length} version{image.versions.length === 1 ? "" : "s"}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

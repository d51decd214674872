import { KeyRound } from "lucide-react";
import { ConfirmDialog } from "@/components/confirm-dialog";
import {
  DataTable,
  DataTableToolbar,
  parseTableParams,
  type SearchParamsInput,
  type TableParams,
} from "@/components/data-table";
import { EmptyState } from "@/components/empty-state";
import { RelativeTime } from "@/components/relative-time";
import { StatusBadge } from "@/components/status-badge";
import {
  apiTokenStatus,
  apiTokenStatuses,
  type ApiTokenListFilter,
  type ApiTokenListItem,
  type ApiTokenStatus,
} from "@/lib/api-tokens/queries";
import type { ActionResult } from "@/lib/utils/action-result";

type Props = {
  list: { total: number; rows: ApiTokenListItem[] };
  params: TableParams;
  /** The bound revoke action of one token; null when the viewer may not revoke. */
  revokeAction: ((tokenId: string) => (form: FormData) => Promise<ActionResult>) | null;
};

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const stateLabels: Record<ApiTokenStatus, string> = { active: "Active", expired: "Expired", revoked: "Revoked" };
const scopeLabels: Record<string, string> = { admin: "Admin", helpdesk: "Helpdesk" };
const roleLabels: Record<string, string> = { owner: "Owner", operator: "Operator", reader: "Reader" };

/** The token list's query string (search, state, page), read the same way on the provider's and a tenant's page. */
export function tokenTableParams(searchParams: SearchParamsInput) {
  const params = parseTableParams(searchParams, {
    sortable: ["createdAt"],
    defaultSort: "createdAt",
    defaultDir: "desc",
    filters: { state: apiTokenStatuses },
  });
  const filter: ApiTokenListFilter = {
    q: params.q || undefined,
    state: params.filters.state as ApiTokenStatus | undefined,
    skip: params.skip,
    take: params.take,
  };
  return { params, filter };
}

/** The tokens with what identifies them (never the secret): prefix, scope, creator, expiry, last use, state. */
export function TokenTable({ list, params, revokeAction }: Props) {
  const now = new Date();
  const isFiltered = Boolean(params.q || params.filters.state);
  return (
    <DataTable
      label="API tokens"
      toolbar={
        <DataTableToolbar
          searchPlaceholder="Search by name, prefix or creator"
          filters={[
            {
              name: "state",
              label: "State",
              options: apiTokenStatuses.map((s) => ({ value: s, label: stateLabels[s] })),
            },
          ]}
        />
      }
      total={list.total}
      page={params.page}
      pageSize={params.pageSize}
      columns={[
        { key: "name", header: "Name" },
        { key: "prefix", header: "Prefix", hideBelow: "md" },
        { key: "scope", header: "Scope" },
        { key: "createdBy", header: "Created by", hideBelow: "lg" },
        { key: "expiresAt", header: "Expires (UTC)", hideBelow: "sm" },
        { key: "lastUsedAt", header: "Last used", hideBelow: "md" },
        { key: "state", header: "State" },
        { key: "actions", header: <span className="sr-only">Actions</span>, align: "right" },
      ]}
      emptyState={
        isFiltered ? undefined : (
          <EmptyState
            bare
            icon={KeyRound}
            title="No API tokens yet"
            description="Create one above for a script, a billing system or CI."
          />
        )
      }
      rows={list.rows.map((t) => {
        const status = apiTokenStatus(t, now);
        return {
          id: t.id,
          cells: {
            name: <span className="font-medium">{t.name}</span>,
            prefix: <code className="font-mono text-xs text-muted-foreground">{t.prefix}</code>,
            scope: t.role ? roleLabels[t.role] : scopeLabels[t.scope],
            createdBy: <span title={t.createdBy.email}>{t.createdBy.name}</span>,
            expiresAt: dateFormat.format(t.expiresAt),
            lastUsedAt: t.lastUsedAt ? (
              <RelativeTime date={t.lastUsedAt} />
            ) : (
              <span className="text-muted-foreground">Never</span>
            ),
            state: <StatusBadge state={status} />,
            actions:
              revokeAction && !t.revokedAt ? (
                <ConfirmDialog
                  trigger="Revoke"
                  triggerVariant="outline"
                  triggerSize="sm"
                  title={`Revoke ${t.name}?`}
                  description={`Calls made with ${t.prefix}… are refused from the next request on. This cannot be undone.`}
                  confirmLabel="Revoke token"
                  pendingLabel="Revoking…"
                  action={revokeAction(t.id)}
                />
              ) : null,
          },
        };
      })}
    />
  );
}

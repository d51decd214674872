"use client";

import * as React from "react";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

const tabs = ["overview", "members", "subscriptions"] as const;
type Tab = (typeof tabs)[number];

/** The active tab is mirrored into `?tab=` so a link (or a reload after an action) opens the same one. */
export function TenantTabs(props: {
  initialTab?: string;
  counts: { members: number; subscriptions: number };
  overview: React.ReactNode;
  members: React.ReactNode;
  subscriptions: React.ReactNode;
}) {
  const [tab, setTab] = React.useState<Tab>(
    tabs.includes(props.initialTab as Tab) ? (props.initialTab as Tab) : "overview",
  );
  function change(next: string) {
    setTab(next as Tab);
    const url = new URL(window.location.href);
    if (next === "overview") url.searchParams.delete("tab");
    else url.searchParams.set("tab", next);
    window.history.replaceState(window.history.state, "", url);
  }
  const count = (n: number) => (
    <span className="rounded-full bg-muted px-1.5 text-xs text-muted-foreground tabular-nums">{n}</span>
  );
  return (
    <Tabs value={tab} onValueChange={change}>
      <TabsList aria-label="Tenant sections">
        <TabsTrigger value="overview">Overview</TabsTrigger>
        <TabsTrigger value="members">Members {count(props.counts.members)}</TabsTrigger>
        <TabsTrigger value="subscriptions">Subscriptions {count(props.counts.subscriptions)}</TabsTrigger>
      </TabsList>
      <TabsContent value="overview">{props.overview}</TabsContent>
      <TabsContent value="members">{props.members}</TabsContent>
      <TabsContent value="subscriptions">{props.subscriptions}</TabsContent>
    </Tabs>
  );
}

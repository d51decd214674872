// Readable names for operation kinds (`noun.verb`); unknown kinds fall back to "Noun: verb" from the kind itself.
const labels: Record<string, string> = {
  "vm.create": "Create VM",
  "vm.start": "Start VM",
  "vm.stop": "Stop VM",
  "vm.deallocate": "Deallocate VM",
  "vm.restart": "Restart VM",
  "vm.resize": "Resize VM",
  "vm.delete": "Delete VM",
  "vm.sync": "Sync VMs",
  "subscription.validate": "Validate subscription",
  "subscription.discover": "Discover regions, sizes and images",
  "subscription.registerProviders": "Register resource providers",
  "tenantSubscription.provision": "Provision tenant subscription",
  "tenantSubscription.cancel": "Cancel tenant subscription",
  "dr.enableProtection": "Enable protection",
  "dr.disableProtection": "Disable protection",
  "dr.testFailover": "Test failover",
  "dr.testFailoverCleanup": "Clean up test failover",
  "dr.plannedFailover": "Planned failover",
  "dr.unplannedFailover": "Unplanned failover",
  "dr.commit": "Commit failover",
  "dr.reprotect": "Reprotect",
  "dr.followReplication": "Follow replication",
  "dr.mapNetwork": "Map network",
  "lb.addFrontend": "Add frontend IP",
  "lb.removeFrontend": "Remove frontend IP",
  "lb.addRule": "Add load-balancing rule",
  "lb.removeRule": "Remove load-balancing rule",
  "lb.sync": "Sync load balancers",
};

const nouns: Record<string, string> = { vm: "VM", lb: "load balancer", dr: "protection", ip: "IP", vnet: "virtual network" };

const words = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/[_-]+/g, " ").toLowerCase().trim();

export function describeOperationKind(kind: string): string {
  const known = labels[kind];
  if (known) return known;
  const dot = kind.lastIndexOf(".");
  if (dot < 0) return capitalize(words(kind));
  const noun = kind.slice(0, dot);
  const verb = words(kind.slice(dot + 1));
  return `${capitalize(nouns[noun] ?? words(noun.replace(/\./g, " ")))}: ${verb}`;
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

import type { Store } from "../../core/store.js";
import { asArray, type Json, refOf } from "./json.js";

export const TYPES = {
  vnet: "Microsoft.Network/virtualNetworks",
  nic: "Microsoft.Network/networkInterfaces",
  pip: "Microsoft.Network/publicIPAddresses",
  nsg: "Microsoft.Network/networkSecurityGroups",
  lb: "Microsoft.Network/loadBalancers",
} as const;

/** Who uses what: the read-only back-references Azure shows on the referenced resource. */
export interface Usage {
  /** public IP id → the NIC ipConfiguration or LB frontend using it. */
  pip: Map<string, string>;
  /** subnet id → ipConfigurations / frontends in it. */
  subnet: Map<string, string[]>;
  /** LB backend pool id → NIC ipConfigurations. */
  pool: Map<string, string[]>;
  /** inbound NAT rule id → NIC ipConfiguration. */
  natRule: Map<string, string>;
  /** NSG id → NICs and subnets. */
  nsgNics: Map<string, string[]>;
  nsgSubnets: Map<string, string[]>;
}

const push = (m: Map<string, string[]>, key: string | undefined, value: string) => {
  if (!key) return;
  const k = key.toLowerCase();
  m.set(k, [...(m.get(k) ?? []), value]);
};

export function collectUsage(store: Store, subscriptionId: string): Usage {
  const u: Usage = {
    pip: new Map(),
    subnet: new Map(),
    pool: new Map(),
    natRule: new Map(),
    nsgNics: new Map(),
    nsgSubnets: new Map(),
  };
  for (const nic of store.listResources({ subscriptionId, type: TYPES.nic })) {
    push(u.nsgNics, refOf(nic.body.properties && (nic.body.properties as Json).networkSecurityGroup), nic.id);
    for (const ipc of asArray((nic.body.properties as Json | undefined)?.ipConfigurations)) {
      const p = (ipc.properties ?? {}) as Json;
      const id = String(ipc.id);
      const pip = refOf(p.publicIPAddress);
      if (pip) u.pip.set(pip.toLowerCase(), id);
      push(u.subnet, refOf(p.subnet), id);
      for (const pool of asArray(p.loadBalancerBackendAddressPools)) push(u.pool, refOf(pool), id);
      for (const rule of asArray(p.loadBalancerInboundNatRules))
        if (refOf(rule)) u.natRule.set(refOf(rule)!.toLowerCase(), id);
    }
  }
  for (const lb of store.listResources({ subscriptionId, type: TYPES.lb })) {
    for (const fe of asArray((lb.body.properties as Json | undefined)?.frontendIPConfigurations)) {
      const p = (fe.properties ?? {}) as Json;
      const pip = refOf(p.publicIPAddress);
      if (pip) u.pip.set(pip.toLowerCase(), String(fe.id));
      push(u.subnet, refOf(p.subnet), String(fe.id));
    }
  }
  for (const vnet of store.listResources({ subscriptionId, type: TYPES.vnet })) {
    for (const s of asArray((vnet.body.properties as Json | undefined)?.subnets))
      push(u.nsgSubnets, refOf(s.properties?.networkSecurityGroup), String(s.id));
  }
  return u;
}

const refs = (ids: string[] | undefined) => (ids?.length ? ids.map((id) => ({ id })) : undefined);

function setOrDelete(target: Json, key: string, value: unknown): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/**
 * Rewrites the derived back-references (public IP ipConfiguration, subnet ipConfigurations, pool
 * backendIPConfigurations, NSG networkInterfaces/subnets) from the owning resources. Runs after every network
 * write and before reads, so references held by resources deleted elsewhere (a group delete) disappear too.
 * ETags do not change: these fields are read-only views.
 */
export function syncBackReferences(store: Store, subscriptionId: string): void {
  const u = collectUsage(store, subscriptionId);
  const update = (type: string, apply: (body: Json) => void) => {
    for (const r of store.listResources({ subscriptionId, type })) {
      const body = structuredClone(r.body) as Json;
      apply(body);
      if (JSON.stringify(body) !== JSON.stringify(r.body)) store.putResource(r.id, body);
    }
  };
  update(TYPES.pip, (b) => {
    const user = u.pip.get(String(b.id).toLowerCase());
    setOrDelete(b.properties, "ipConfiguration", user ? { id: user } : undefined);
  });
  update(TYPES.vnet, (b) => {
    for (const s of asArray(b.properties?.subnets))
      setOrDelete(s.properties, "ipConfigurations", refs(u.subnet.get(String(s.id).toLowerCase())));
  });
  update(TYPES.lb, (b) => {
    for (const pool of asArray(b.properties?.backendAddressPools))
      setOrDelete(pool.properties, "backendIPConfigurations", refs(u.pool.get(String(pool.id).toLowerCase())));
    for (const rule of asArray(b.properties?.inboundNatRules)) {
      const user = u.natRule.get(String(rule.id).toLowerCase());
      setOrDelete(rule.properties, "backendIPConfiguration", user ? { id: user } : undefined);
    }
  });
  update(TYPES.nsg, (b) => {
    setOrDelete(b.properties, "networkInterfaces", refs(u.nsgNics.get(String(b.id).toLowerCase())));
    setOrDelete(b.properties, "subnets", refs(u.nsgSubnets.get(String(b.id).toLowerCase())));
  });
}

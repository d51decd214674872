/**
 * The Kubernetes manifests, checked offline: every file parses, base and production overlay render (our small
 * kustomize, compared with `kubectl kustomize` where kubectl exists), every object passes the Kubernetes schemas
 * (kubernetes-models), and images, commands, ports, env names, probes and Secrets agree with the Dockerfile,
 * docker-compose.yml, the README and the code.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ConfigMap, Namespace, Service } from "kubernetes-models/v1";
import { Deployment } from "kubernetes-models/apps/v1";
import { Job } from "kubernetes-models/batch/v1";
import { HorizontalPodAutoscaler } from "kubernetes-models/autoscaling/v2";
import { PodDisruptionBudget } from "kubernetes-models/policy/v1";
import { Ingress } from "kubernetes-models/networking.k8s.io/v1";
import { freePort } from "../../scripts/lib/ports";
import { webNodeFlags } from "../../scripts/lib/web-heap";
import { workerArgs, workerBundle } from "../../scripts/lib/worker-bundle";
import { podContainers, readYamlFile, renderKustomization, type K8sObject } from "./kustomize";

const root = path.resolve(import.meta.dirname, "../..");
const here = import.meta.dirname;
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

const models: Record<string, new (data: never) => { validate(): void }> = {
  "v1/ConfigMap": ConfigMap,
  "v1/Namespace": Namespace,
  "v1/Service": Service,
  "apps/v1/Deployment": Deployment,
  "batch/v1/Job": Job,
  "autoscaling/v2/HorizontalPodAutoscaler": HorizontalPodAutoscaler,
  "policy/v1/PodDisruptionBudget": PodDisruptionBudget,
  "networking.k8s.io/v1/Ingress": Ingress,
};

const base = renderKustomization(path.join(here, "base"));
const production = renderKustomization(path.join(here, "overlays/production"));
const renders = { base, production };

type Container = ReturnType<typeof podContainers>[number] & {
  command?: string[];
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: { secretKeyRef?: { key: string; optional?: boolean } } }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: { exec?: { command: string[] } };
  livenessProbe?: { exec?: { command: string[] } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
};
const find = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found as K8sObject & { spec: unknown; data?: Record<string, string> };
};
const container = (objects: K8sObject[], workload: string, kind = "Deployment") =>
  podContainers(find(objects, kind, workload))[0] as Container;
const workloads = (objects: K8sObject[]) => objects.filter((o) => podContainers(o).length > 0);

const compose = parse(read("docker-compose.yml"), { merge: true }) as {
  services: Record<
    string,
    { image?: string; command?: string[]; environment?: Record<string, string>; ports?: string[] }
  >;
};
const dockerfile = read("Dockerfile");
const readme = read("README.md");
const webPort = Number(/^EXPOSE (\d+)$/m.exec(dockerfile)?.[1]);

/** Every env name the portal's own code reads (process.env.X, env.X, env["X"]), outside tests. */
function envNamesReadByCode() {
  const names = new Set<string>();
  const visit = (rel: string) => {
    const full = path.join(root, rel);
    if (!existsSync(full)) return;
    for (const entry of readdirSync(full, { withFileTypes: true, recursive: true })) {
      const file = path.join(entry.parentPath, entry.name);
      if (!entry.isFile() || !/\.(ts|tsx|mjs|js)$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) continue;
      for (const m of readFileSync(file, "utf8").matchAll(
        /\benv(?:\.([A-Z][A-Z0-9_]+)|\[["']([A-Z][A-Z0-9_]+)["']\])/g,
      ))
        names.add(m[1] ?? m[2]);
    }
  };
  ["app", "lib", "worker", "scripts"].forEach(visit);
  for (const file of readdirSync(root).filter((f) => /\.(ts|mjs|js)$/.test(f))) {
    for (const m of read(file).matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)) names.add(m[1]);
  }
  return names;
}

/** The env names a container gets: its own env entries and the keys of the ConfigMaps it imports. */
function envOf(objects: K8sObject[], c: Container) {
  const fromMaps = (c.envFrom ?? []).flatMap((e) =>
    e.configMapRef ? Object.keys(find(objects, "ConfigMap", e.configMapRef.name).data ?? {}) : [],
  );
  return new Set([...(c.env ?? []).map((e) => e.name), ...fromMaps]);
}

describe("Kubernetes manifests", () => {
  it("parse, render and pass the Kubernetes schemas", () => {
    const files = readdirSync(here, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"));
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(readYamlFile(path.join(here, file)).length).toBeGreaterThan(0);

    for (const [name, objects] of Object.entries(renders)) {
      const ids = objects.map((o) => `${o.kind}/${o.metadata.name}`);
      expect(new Set(ids).size, `${name}: duplicate objects`).toBe(ids.length);
      for (const o of objects) {
        const Model = models[`${o.apiVersion}/${o.kind}`];
        expect(Model, `${name}: no schema for ${o.apiVersion} ${o.kind}`).toBeDefined();
        expect(() => new Model(o as never).validate(), `${name}: ${o.kind} ${o.metadata.name}`).not.toThrow();
      }
    }
    expect(production.every((o) => o.kind === "Namespace" || o.metadata.namespace === "cloud-portal")).toBe(true);
  });

  it.skipIf(!hasKubectl())("render the production overlay as kubectl kustomize does", () => {
    const out = execFileSync("kubectl", ["kustomize", path.join(here, "overlays/production")], { encoding: "utf8" });
    const byId = (objects: K8sObject[]) =>
      Object.fromEntries(objects.map((o) => [`${o.kind}/${o.metadata.name}`, JSON.parse(JSON.stringify(o))]));
    const theirs = out.split(/^---$/m).map((doc) => parse(doc) as K8sObject);
    expect(byId(production)).toEqual(byId(theirs));
  });

  it("run the image docker-compose builds, with its commands, on the Node of the Dockerfile", () => {
    const image = compose.services.web.image!;
    for (const name of ["web", "worker", "migrate"]) expect(compose.services[name].image).toBe(image);
    for (const o of workloads(base)) for (const c of podContainers(o)) expect(c.image).toBe(image);
    for (const o of workloads(production))
      for (const c of podContainers(o)) expect(c.image).toMatch(new RegExp(`/${image.split(":")[0]}:[\\w.-]+$`));

    // The web runs the image's CMD, as docker-compose's web service does; worker and migration name theirs.
    expect(container(base, "portal-web").command).toBeUndefined();
    expect(compose.services.web.command).toBeUndefined();
    expect(container(base, "portal-worker").command).toEqual(compose.services.worker.command);
    expect(container(base, "portal-migrate", "Job").command).toEqual(compose.services.migrate.command);
    for (const [, ...args] of [container(base, "portal-worker").command!, compose.services.migrate.command!]) {
      const entry = args.find((a) => /\.(ts|mjs)$/.test(a))!;
      // The worker runs its bundle, which the image builds from worker/main.ts (npm run build:worker).
      const source = entry === path.relative(root, workerBundle(root)) ? "worker/main.ts" : entry;
      expect(existsSync(path.join(root, source)), source).toBe(true);
    }
    expect(dockerfile).toContain("npm run build:worker");
    // The web's heap bounds, as npm start sets them.
    expect(dockerfile).toContain(`CMD [${["node", ...webNodeFlags({})].map((a) => JSON.stringify(a)).join(", ")}, `);
    expect(compose.services.worker.command).toEqual(["node", ...workerArgs(".", {})]);

    const nodeMajors = [...dockerfile.matchAll(/^FROM node:(\d+)-/gm)].map((m) => m[1]);
    expect(nodeMajors.length).toBeGreaterThan(0);
    expect(new Set(nodeMajors).size).toBe(1);
    const engines = (JSON.parse(read("package.json")) as { engines: { node: string } }).engines.node;
    expect(engines).toContain(`^${nodeMajors[0]}`);

    // The image's user, by number: runAsNonRoot cannot check a user name.
    const uid = Number(/useradd [^\n]*--uid (\d+)/.exec(dockerfile)?.[1]);
    for (const o of workloads(base))
      expect(
        (o.spec as { template: { spec: { securityContext: { runAsUser: number } } } }).template.spec,
      ).toMatchObject({ securityContext: { runAsNonRoot: true, runAsUser: uid } });
  });

  it("serve the port of the Dockerfile, docker-compose and the README", () => {
    expect(dockerfile).toMatch(new RegExp(`"-p", "${webPort}"`));
    expect(compose.services.web.ports).toContain(`${webPort}:${webPort}`);
    expect(readme).toMatch(new RegExp(`\\| \`PORT\` \\| \`${webPort}\` \\|`));
    for (const objects of Object.values(renders)) {
      const web = container(objects, "portal-web");
      expect(web.ports).toEqual([{ name: "http", containerPort: webPort }]);
      const service = find(objects, "Service", "portal-web").spec as {
        selector: object;
        ports: { name: string; targetPort: string }[];
      };
      expect(service.ports.map((p) => p.targetPort)).toEqual(["http"]);
      const podLabels = (
        find(objects, "Deployment", "portal-web").spec as { template: { metadata: { labels: object } } }
      ).template.metadata.labels;
      expect(podLabels).toMatchObject(service.selector);
    }
    const ingress = find(production, "Ingress", "portal-web").spec as {
      rules: { http: { paths: { backend: object }[] } }[];
    };
    expect(ingress.rules[0].http.paths[0].backend).toEqual({ service: { name: "portal-web", port: { name: "http" } } });
  });

  it("set only env names the portal reads, and every one docker-compose sets", () => {
    const read = envNamesReadByCode();
    const documented = new Set([...readme.matchAll(/^\| `([A-Z][A-Z0-9_]+)`/gm)].map((m) => m[1]));
    for (const [name, objects] of Object.entries(renders)) {
      for (const [workload, service, kind] of [
        ["portal-web", "web", "Deployment"],
        ["portal-worker", "worker", "Deployment"],
        ["portal-migrate", "migrate", "Job"],
      ]) {
        const env = envOf(objects, container(objects, workload, kind));
        for (const v of env) {
          expect(read, `${name} ${workload}: ${v} is read nowhere in the code`).toContain(v);
          expect(documented, `${name} ${workload}: ${v} is not in the README's Configuration`).toContain(v);
        }
        for (const v of Object.keys(compose.services[service].environment ?? {}))
          expect(env, `${name} ${workload}: docker-compose sets ${v}`).toContain(v);
      }
    }
    expect(find(production, "ConfigMap", "portal-config").data).toMatchObject({ PORTAL_DEMO: "0" });
    expect(find(production, "ConfigMap", "portal-config").data!.PORTAL_URL).toMatch(/^https:/);
  });

  it("reference Secrets, never carry one", () => {
    const secretish = /SECRET|KEY|TOKEN|PASSWORD|DATABASE_URL/;
    for (const objects of Object.values(renders)) {
      expect(objects.filter((o) => o.kind === "Secret")).toEqual([]);
      for (const o of objects.filter((o) => o.kind === "ConfigMap"))
        for (const key of Object.keys((o as { data?: object }).data ?? {})) expect(key).not.toMatch(secretish);
      for (const o of workloads(objects))
        for (const c of podContainers(o) as Container[]) {
          for (const e of c.env ?? [])
            if (secretish.test(e.name)) expect(e.valueFrom?.secretKeyRef, `${c.name} ${e.name}`).toBeDefined();
          for (const e of c.envFrom ?? [])
            expect(Object.keys(e)).toEqual(
              expect.arrayContaining([expect.stringMatching(/^(configMapRef|secretRef)$/)]),
            );
        }
    }
    // The README's `kubectl create secret` gives every key a container requires.
    const required = workloads(base).flatMap((o) =>
      (podContainers(o) as Container[]).flatMap((c) =>
        (c.env ?? []).filter((e) => e.valueFrom?.secretKeyRef && !e.valueFrom.secretKeyRef.optional).map((e) => e.name),
      ),
    );
    const createSecret = /create secret generic portal-secrets[^`]*/.exec(readme)?.[0] ?? "";
    for (const key of new Set(required)) expect(createSecret).toContain(`--from-literal=${key}=`);
    expect(readme).toContain("kubectl apply -k deploy/kubernetes/overlays/production");
  });

  it("size every container, scale the web on CPU and let a node drain", () => {
    const units: Record<string, number> = { m: 1e-3, Mi: 2 ** 20, Gi: 2 ** 30 };
    const quantity = (q: string) => {
      const [, n, unit] = /^([\d.]+)(m|Mi|Gi)?$/.exec(q)!;
      return Number(n) * (unit ? units[unit] : 1);
    };
    for (const objects of Object.values(renders)) {
      for (const o of workloads(objects))
        for (const c of podContainers(o) as Container[])
          for (const r of ["cpu", "memory"]) {
            const { requests, limits } = c.resources ?? {};
            expect(requests?.[r] && limits?.[r], `${c.name} ${r}`).toBeTruthy();
            expect(quantity(requests![r])).toBeLessThanOrEqual(quantity(limits![r]));
          }
      const hpa = find(objects, "HorizontalPodAutoscaler", "portal-web").spec as {
        scaleTargetRef: object;
        minReplicas: number;
        maxReplicas: number;
      };
      expect(hpa.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: "portal-web" });
      expect(hpa.minReplicas).toBeLessThan(hpa.maxReplicas);
      expect((find(objects, "Deployment", "portal-web").spec as { replicas: number }).replicas).toBe(hpa.minReplicas);
      for (const name of ["portal-web", "portal-worker"]) {
        const deployment = find(objects, "Deployment", name).spec as {
          replicas: number;
          template: { metadata: { labels: object } };
        };
        const pdb = find(objects, "PodDisruptionBudget", name).spec as {
          minAvailable: number;
          selector: { matchLabels: object };
        };
        expect(deployment.template.metadata.labels).toMatchObject(pdb.selector.matchLabels);
        expect(pdb.minAvailable).toBeLessThan(deployment.replicas);
      }
    }
  });

  it("probe the web on /api/health: ready unless down, alive while it answers", async () => {
    const web = container(base, "portal-web");
    const probes = { ready: web.readinessProbe!.exec!.command, alive: web.livenessProbe!.exec!.command };
    for (const command of Object.values(probes)) {
      const url = new URL(/'(http:\/\/[^']+)'/.exec(command.join(" "))![1]);
      expect(url.port).toBe(String(webPort));
      expect(existsSync(path.join(root, "app", url.pathname, "route.ts"))).toBe(true);
    }
    expect(read("lib/jobs/health.ts")).toMatch(/status: "ok" \| "degraded" \| "down"/);

    // Run each probe's script against servers answering what /api/health answers, and against none.
    const answers = [
      [200, '{"status":"ok"}'],
      [503, '{"status":"degraded"}'],
      [503, '{"status":"down"}'],
      [502, "<html>bad gateway</html>"],
    ] as const;
    const servers = await Promise.all(
      answers.map(
        ([status, body]) =>
          new Promise<Server>((resolve) => {
            const server = createServer((_req, res) => res.writeHead(status).end(body));
            server.listen(0, "127.0.0.1", () => resolve(server));
          }),
      ),
    );
    const closedPort = await freePort();
    // The script runs in a fresh context with the same fetch; process.exit reports the exit code (no node spawn).
    const run = (command: string[], port: number) => {
      expect(command.slice(0, 2)).toEqual(["node", "-e"]);
      const script = command[2].replace(`127.0.0.1:${webPort}`, `127.0.0.1:${port}`);
      return new Promise<number>((exit) => runInNewContext(script, { fetch, AbortSignal, process: { exit } }));
    };
    const targets: [string, number][] = answers.map(([status, body], i) => [`${status} ${body}`, portOf(servers[i])]);
    targets.push(["no server", closedPort]);
    const outcomes = Object.fromEntries(
      await Promise.all(
        targets.map(async ([name, port]) => [
          name,
          await Promise.all([run(probes.ready, port), run(probes.alive, port)]),
        ]),
      ),
    );
    servers.forEach((s) => s.close());
    expect(outcomes).toEqual({
      '200 {"status":"ok"}': [0, 0],
      '503 {"status":"degraded"}': [0, 0],
      '503 {"status":"down"}': [1, 0],
      "502 <html>bad gateway</html>": [1, 1],
      "no server": [1, 1],
    });
  });
});

const portOf = (server: Server) => (server.address() as { port: number }).port;

function hasKubectl() {
  try {
    execFileSync("kubectl", ["version", "--client"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

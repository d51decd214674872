import { describe, expect, it } from "vitest";
import { cloudEndpoints, graphEndpoint } from "./clouds";

const none = { armEndpoint: null, authorityHost: null, caCertificate: null };

describe("cloudEndpoints", () => {
  it("knows the public and sovereign clouds", () => {
    expect(cloudEndpoints({ cloud: "AzureCloud", ...none })).toEqual({
      resourceManager: "https://management.azure.com",
      authorityHost: "https://login.microsoftonline.com",
      scope: "https://management.azure.com/.default",
      disableInstanceDiscovery: false,
    });
    expect(cloudEndpoints({ cloud: "AzureUSGovernment", ...none }).authorityHost).toBe(
      "https://login.microsoftonline.us",
    );
    expect(cloudEndpoints({ cloud: "AzureUSGovernment", ...none }).scope).toBe(
      "https://management.usgovcloudapi.net/.default",
    );
    expect(cloudEndpoints({ cloud: "AzureChinaCloud", ...none }).resourceManager).toBe(
      "https://management.chinacloudapi.cn",
    );
    expect(cloudEndpoints({ cloud: "AzureChinaCloud", ...none }).authorityHost).toBe("https://login.chinacloudapi.cn");
  });

  it("ignores a CA for public clouds so the public roots stay trusted", () => {
    expect(cloudEndpoints({ cloud: "AzureCloud", ...none, caCertificate: "PEM" }).ca).toBeUndefined();
  });

  it("builds a Custom cloud from the record", () => {
    const c = cloudEndpoints({
      cloud: "Custom",
      armEndpoint: "https://127.0.0.1:8443/",
      authorityHost: "https://127.0.0.1:8443",
      caCertificate: "PEM",
    });
    expect(c).toEqual({
      resourceManager: "https://127.0.0.1:8443",
      authorityHost: "https://127.0.0.1:8443",
      scope: "https://127.0.0.1:8443/.default",
      disableInstanceDiscovery: true,
      ca: "PEM",
    });
  });

  it("uses a published audience for Azure Stack Hub", () => {
    const c = cloudEndpoints(
      {
        cloud: "Custom",
        armEndpoint: "https://management.local.azurestack.external",
        authorityHost: "https://login.microsoftonline.com",
        caCertificate: null,
      },
      { audience: "https://management.contoso.onmicrosoft.com/0a1b2c3d/" },
    );
    expect(c.scope).toBe("https://management.contoso.onmicrosoft.com/0a1b2c3d/.default");
    expect(c.ca).toBeUndefined();
  });

  it("refuses a Custom cloud without endpoints", () => {
    expect(() => cloudEndpoints({ cloud: "Custom", ...none })).toThrow(/ARM endpoint/);
  });
});

describe("graphEndpoint", () => {
  it("names each cloud's Graph, and a Custom cloud's from its record or its ARM endpoint", () => {
    expect(graphEndpoint({ cloud: "AzureCloud", armEndpoint: null })).toEqual({
      graph: "https://graph.microsoft.com",
      scope: "https://graph.microsoft.com/.default",
    });
    expect(graphEndpoint({ cloud: "AzureUSGovernment", armEndpoint: null }).graph).toBe("https://graph.microsoft.us");
    expect(graphEndpoint({ cloud: "Custom", armEndpoint: "https://127.0.0.1:8443/" })).toEqual({
      graph: "https://127.0.0.1:8443",
      scope: "https://graph.microsoft.com/.default",
    });
    expect(
      graphEndpoint({ cloud: "Custom", armEndpoint: "https://arm.local", graphEndpoint: "https://graph.local/" }).graph,
    ).toBe("https://graph.local");
  });
});

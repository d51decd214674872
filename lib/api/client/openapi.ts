// Generated from /api/v1/openapi.json by lib/api/client/generate.ts: do not edit.
export interface paths {
  "/api/v1/tenants/{tenant}/subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's active subscriptions
     * @description With each plan's quotas and what is in use. Any tenant role.
     */
    get: operations["listTenantSubscriptions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's VMs
     * @description Newest first, filtered like the VM list in the portal. Any tenant role.
     */
    get: operations["listVms"];
    put?: never;
    /**
     * Create one VM or a bulk of them
     * @description Checked against the plan (region, size, image, quota) exactly as the create form is; returns at once with one vm.create operation per VM. Location points at the first operation. Operator or owner. Send Idempotency-Key to make a retry safe.
     */
    post: operations["createVms"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one VM
     * @description Its size, image, network, disks and states as the VM page shows them. Any tenant role.
     */
    get: operations["getVm"];
    put?: never;
    post?: never;
    /**
     * Delete a VM
     * @description Deletes the VM and what was made for it (NIC, public IP, disks) in Azure. Operator or owner.
     */
    delete: operations["deleteVm"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/connect": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How to connect to a VM
     * @description The ssh command or Remote Desktop address and user. Passwords are never stored, so never returned.
     */
    get: operations["getVmConnectInfo"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/start": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Start a VM
     * @description 409 when the VM is busy with another operation or already in that state.
     */
    post: operations["startVm"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/stop": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Stop (deallocate) a VM
     * @description 409 when the VM is busy with another operation or already in that state.
     */
    post: operations["stopVm"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/restart": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Restart a running VM
     * @description 409 when the VM is busy with another operation or already in that state.
     */
    post: operations["restartVm"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/resize": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Resize a VM
     * @description To a size the plan offers in the VM's region, within the vCPU quota (409 QuotaExceeded otherwise).
     */
    post: operations["resizeVm"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/data-disks": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add an empty data disk
     * @description At the next free LUN, up to what the VM's size takes.
     */
    post: operations["addVmDataDisk"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/vms/{vmId}/data-disks/{lun}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /**
     * Detach and delete a data disk
     * @description The disk at this LUN; 404 when the VM has none there.
     */
    delete: operations["removeVmDataDisk"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/operations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's operations
     * @description Newest first. Any tenant role.
     */
    get: operations["listTenantOperations"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/operations/{operationId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one of the tenant's operations
     * @description With its steps, error code and Azure request id. Poll it after a 202 until it has ended.
     */
    get: operations["getTenantOperation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operations": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List every tenant's operations (provider)
     * @description The helpdesk console's list and filters. Helpdesk or admin token.
     */
    get: operations["listOperations"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operations/{operationId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read any operation (provider)
     * @description As the helpdesk console shows it, with Azure's raw error (secrets masked). Helpdesk or admin token.
     */
    get: operations["getOperation"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operations/{operationId}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel an operation (admin)
     * @description Stops it at its next step boundary; some kinds only while queued (409 says why). Admin token (a helpdesk token gets 403).
     */
    post: operations["cancelOperation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/operations/{operationId}/retry": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Retry a failed operation (admin)
     * @description Continues from the step that failed; steps that succeeded are kept. Admin token (a helpdesk token gets 403).
     */
    post: operations["retryOperation"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    TenantSubscription: {
      id: string;
      name: string;
      planName: string;
      offersDr: boolean;
      quota: {
        vms: number;
        vcpus: number;
        publicIps: number;
      };
      /** @description Counted as the quota checks count (VMs being deleted still count). */
      used: {
        vms: number;
        vcpus: number;
        publicIps: number;
      };
    };
    Problem: {
      /** @example urn:azure-sp-portal:problem:InvalidInput */
      type: string;
      /** @example Bad Request */
      title: string;
      /** @example 400 */
      status: number;
      /** @example Check the highlighted fields. */
      detail: string;
      /** @example InvalidInput */
      code: string;
      /** @description One entry per refused field (400 only). */
      errors?: {
        field: string;
        message: string;
      }[];
      /** @description For 500s: quote it to your provider. */
      reference?: string;
    };
    VmPage: {
      value: components["schemas"]["Vm"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    Vm: {
      id: string;
      name: string;
      subscription: {
        name: string;
      };
      region: string;
      size: string;
      vcpus: number;
      memoryMb: number;
      osType: string;
      image: {
        offer: string;
        sku: string;
      };
      /** @example Succeeded */
      provisioningState: string;
      /** @example running */
      powerState: string | null;
      privateIp: string | null;
      publicIp: string | null;
      errorMessage: string | null;
      /** @description The last inventory sync did not find it in Azure. */
      isMissing: boolean;
      /** Format: date-time */
      createdAt: string;
      href: string;
    };
    VmDetail: components["schemas"]["Vm"] & {
      subscription?: {
        id: string;
        name: string;
        resourceGroup: string;
      };
      image?: {
        publisher: string;
        offer: string;
        sku: string;
        version: string;
      };
      adminUsername: string;
      /** @enum {string} */
      authType: "password" | "ssh";
      network: {
        name: string;
        subnet: string;
      };
      hasPublicIp: boolean;
      dataDisks: {
        lun: number;
        sizeGb: number;
      }[];
      azureResourceId: string | null;
      errorCode: string | null;
      /** Format: date-time */
      lastSyncedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
    };
    /** @description How to reach the VM. Never a password: it is not stored anywhere. */
    VmConnect: {
      /** @enum {string} */
      method: "ssh" | "rdp" | "none";
      adminUsername: string;
      publicIp: string | null;
      privateIp: string | null;
      isRunning: boolean;
      /** @example ssh azureops@203.0.113.10 */
      command: string | null;
      hint: string;
    };
    CreateVmsAccepted: {
      vms: {
        id: string;
        name: string;
        href: string;
      }[];
      /** @description One vm.create operation per VM, in the same order. */
      operations: components["schemas"]["Operation"][];
    };
    Operation: components["schemas"]["OperationSummary"] & {
      error: {
        code: string | null;
        message: string | null;
        requestId: string | null;
        correlationId: string | null;
        /** @description Azure's error, secrets masked (provider tokens only). */
        detail?: unknown;
      } | null;
      /** Format: date-time */
      cancelRequestedAt: string | null;
      cancelRequestedBy: string | null;
      steps: components["schemas"]["OperationStep"][];
    };
    OperationStep: {
      position: number;
      name: string;
      /** @enum {string} */
      state: "pending" | "running" | "succeeded" | "failed" | "skipped";
      attempt: number;
      detail: string | null;
      percent: number | null;
      /** @description Azure's x-ms-request-id of the step's last ARM call. */
      requestId: string | null;
      correlationId: string | null;
      errorCode: string | null;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      endedAt: string | null;
    };
    OperationSummary: {
      id: string;
      /** @example vm.create */
      kind: string;
      /** @enum {string} */
      state: "queued" | "running" | "succeeded" | "failed" | "cancelled";
      target: {
        type: string;
        id: string;
        name: string;
      };
      tenant: {
        slug: string;
        name: string;
      } | null;
      /** @description The email of who asked (a token acts as its creator). */
      requestedBy: string | null;
      stepsTotal: number;
      stepsDone: number;
      percent: number | null;
      attempts: number;
      errorCode: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      startedAt: string | null;
      /** Format: date-time */
      endedAt: string | null;
      /** @description This operation's URL in the API (poll it). */
      href: string;
    };
    /** @description One VM, or `count` VMs named name-01 … name-NN. */
    CreateVm: {
      tenantSubscriptionId: string;
      region: string;
      image: string;
      /** @enum {string} */
      osType: "Windows" | "Linux";
      size: string;
      name: string;
      /** @default 1 */
      count: number;
      adminUsername: string;
      /**
       * @default password
       * @enum {string}
       */
      authType: "password" | "ssh";
      adminPassword?: string;
      confirmPassword?: string;
      sshPublicKey?: string;
      /** @default default */
      network: string;
      /** @default false */
      publicIp: boolean;
      /** @default 0 */
      dataDiskCount: number | null;
      /** @default 128 */
      dataDiskSizeGb: number;
    };
    ResizeVm: {
      size: string;
    };
    AddDataDisk: {
      sizeGb: number;
    };
    OperationPage: {
      value: components["schemas"]["OperationSummary"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listTenantSubscriptions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscriptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            value: components["schemas"]["TenantSubscription"][];
          };
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listVms: {
    parameters: {
      query?: {
        /** @description A power state or a provisioning state. */
        state?: "running" | "deallocated" | "stopped" | "Creating" | "Updating" | "Deleting" | "Failed";
        /** @description Part of the VM's name, any case. */
        search?: string;
        region?: string;
        /** @description A tenant subscription id. */
        subscription?: string;
        /** @description Items per page (default 50, at most 200). */
        top?: number;
        /** @description Opaque: copy it from the previous page's nextLink, never build it. */
        $skipToken?: string;
      };
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of VMs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["VmPage"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  createVms: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateVm"];
      };
    };
    responses: {
      /** @description The VMs are written as Creating. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreateVmsAccepted"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The VM. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["VmDetail"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  deleteVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The vm.delete operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getVmConnectInfo: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Connection details. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["VmConnect"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  startVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The vm.start operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  stopVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The vm.stop operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  restartVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The vm.restart operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  resizeVm: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ResizeVm"];
      };
    };
    responses: {
      /** @description The vm.resize operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  addVmDataDisk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AddDataDisk"];
      };
    };
    responses: {
      /** @description The vm.setDataDisks operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  removeVmDataDisk: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        vmId: string;
        lun: number | null;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The vm.setDataDisks operation. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listTenantOperations: {
    parameters: {
      query?: {
        kind?:
          | "subscription.validate"
          | "subscription.sync"
          | "subscription.registerProviders"
          | "tenantSubscription.provision"
          | "tenantSubscription.deprovision"
          | "vm.create"
          | "vm.start"
          | "vm.stop"
          | "vm.restart"
          | "vm.resize"
          | "vm.setDataDisks"
          | "vm.delete"
          | "lb.create"
          | "lb.update"
          | "lb.addFrontend"
          | "lb.removeFrontend"
          | "lb.addRule"
          | "lb.removeRule"
          | "lb.refresh"
          | "dr.registerVault"
          | "dr.refreshFabric"
          | "dr.createVaultCredentials"
          | "dr.setupTenant"
          | "dr.refreshProtection"
          | "dr.enableProtection"
          | "dr.disableProtection"
          | "dr.followReplication"
          | "dr.testFailover"
          | "dr.testFailoverCleanup"
          | "dr.plannedFailover"
          | "dr.unplannedFailover"
          | "dr.commit"
          | "dr.failback"
          | "dr.reprotect";
        state?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
        /** @description Created in the last 24h, 7d or 30d, or between from and to (custom). */
        period?: "24h" | "7d" | "30d" | "custom";
        /** @description With period=custom. */
        from?: string;
        /** @description With period=custom. */
        to?: string;
        /** @description Part of the target's name, or exactly an operation id or an Azure request id. */
        search?: string;
        /** @description One object's history, e.g. a VM id. */
        targetId?: string;
        /** @description Items per page (default 50, at most 200). */
        top?: number;
        /** @description Opaque: copy it from the previous page's nextLink, never build it. */
        $skipToken?: string;
      };
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of operations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OperationPage"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getTenantOperation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        operationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The operation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  listOperations: {
    parameters: {
      query?: {
        /** @description A tenant slug. */
        tenant?: string;
        kind?:
          | "subscription.validate"
          | "subscription.sync"
          | "subscription.registerProviders"
          | "tenantSubscription.provision"
          | "tenantSubscription.deprovision"
          | "vm.create"
          | "vm.start"
          | "vm.stop"
          | "vm.restart"
          | "vm.resize"
          | "vm.setDataDisks"
          | "vm.delete"
          | "lb.create"
          | "lb.update"
          | "lb.addFrontend"
          | "lb.removeFrontend"
          | "lb.addRule"
          | "lb.removeRule"
          | "lb.refresh"
          | "dr.registerVault"
          | "dr.refreshFabric"
          | "dr.createVaultCredentials"
          | "dr.setupTenant"
          | "dr.refreshProtection"
          | "dr.enableProtection"
          | "dr.disableProtection"
          | "dr.followReplication"
          | "dr.testFailover"
          | "dr.testFailoverCleanup"
          | "dr.plannedFailover"
          | "dr.unplannedFailover"
          | "dr.commit"
          | "dr.failback"
          | "dr.reprotect";
        state?: "queued" | "running" | "succeeded" | "failed" | "cancelled";
        /** @description Created in the last 24h, 7d or 30d, or between from and to (custom). */
        period?: "24h" | "7d" | "30d" | "custom";
        /** @description With period=custom. */
        from?: string;
        /** @description With period=custom. */
        to?: string;
        /** @description Part of the target's name, or exactly an operation id or an Azure request id. */
        search?: string;
        /** @description One object's history, e.g. a VM id. */
        targetId?: string;
        /** @description Items per page (default 50, at most 200). */
        top?: number;
        /** @description Opaque: copy it from the previous page's nextLink, never build it. */
        $skipToken?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description A page of operations. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["OperationPage"];
        };
      };
      /** @description Refused input: `errors` names each field and why. Nothing was written and no Azure API was called. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  getOperation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        operationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The operation. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  cancelOperation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        operationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The operation, as it is now. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
  retryOperation: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        operationId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The operation, as it is now. */
      202: {
        headers: {
          /** @description The operation's URL: poll it until its state is succeeded, failed or cancelled. */
          Location?: string;
          /** @description The same URL (Azure's header name). */
          "Operation-Location"?: string;
          /** @description Seconds to wait before the first poll. */
          "Retry-After"?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Operation"];
        };
      };
      /** @description No token, or a token that is unknown, revoked or expired. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The token's role does not allow this, or the tenant is suspended (reads still work). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description No such object for this token (another tenant's objects are not found either). */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description The object is busy, already in that state, over quota, or the same Idempotency-Key is still in flight. */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description This Idempotency-Key was used with a different request. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Rate limit: wait Retry-After seconds. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
      /** @description Unexpected error; `reference` identifies it in the portal's log. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/problem+json": components["schemas"]["Problem"];
        };
      };
    };
  };
}

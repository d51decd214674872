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
    /**
     * Subscribe to a plan
     * @description Creates the subscription and provisions its resource group as a tenantSubscription.provision operation, whose target is the new subscription. Owners only, like the Plans page.
     */
    post: operations["subscribeToPlan"];
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
  "/api/v1/provider/azure-subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the onboarded Azure subscriptions (admin)
     * @description Filtered and sorted like the admin console's list. Admin token.
     */
    get: operations["listAzureSubscriptions"];
    put?: never;
    /**
     * Onboard an Azure subscription (admin)
     * @description Saves it as validating and starts the subscription.validate operation (sign-in, role, resource providers, regions, sizes and images); it becomes active when the validation passes. The operation's target.id is the new subscription's id. Admin token.
     */
    post: operations["onboardAzureSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/azure-subscriptions/{subscriptionId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one Azure subscription (admin)
     * @description Its endpoints, last validation and discovered regions; never its secret. Admin token.
     */
    get: operations["getAzureSubscription"];
    put?: never;
    post?: never;
    /**
     * Remove an Azure subscription from the portal (admin)
     * @description Forgets it and its sealed secret; nothing in Azure is touched. 409 while a plan uses it. Admin token.
     */
    delete: operations["deleteAzureSubscription"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/azure-subscriptions/{subscriptionId}/validate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Validate an Azure subscription again (admin)
     * @description 409 when it is disabled. Admin token.
     */
    post: operations["validateAzureSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/azure-subscriptions/{subscriptionId}/rotate-secret": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Replace the client secret (admin)
     * @description The new secret is sealed and never echoed. An enabled subscription is validated again with it (202 with the operation); a disabled one just keeps it (200 with the subscription). Admin token.
     */
    post: operations["rotateAzureSubscriptionSecret"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/azure-subscriptions/{subscriptionId}/enable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Enable an Azure subscription (admin)
     * @description It is validated again and becomes active when the validation passes. Admin token.
     */
    post: operations["enableAzureSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/azure-subscriptions/{subscriptionId}/disable": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Disable an Azure subscription (admin)
     * @description Nothing new is deployed to it and it is not validated until it is enabled again; tenants' resources keep running. Answers at once with the subscription. Admin token.
     */
    post: operations["disableAzureSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/azure-subscriptions/{subscriptionId}/register-providers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Register the missing resource providers (admin)
     * @description Registers the providers the last validation found missing, then validates again; 409 when none is missing. Admin token.
     */
    post: operations["registerAzureSubscriptionProviders"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/regions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read the allowed regions (admin)
     * @description The regions tenants may deploy to, and the regions that may be allowed. Admin token.
     */
    get: operations["getRegions"];
    /**
     * Replace the allowed regions (admin)
     * @description Each must be offered by an active Azure subscription now (400 names the others). Answers at once. Admin token.
     */
    put: operations["setAllowedRegions"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/plans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the plans (admin)
     * @description Filtered like the admin console's plan list. Admin token.
     */
    get: operations["listPlans"];
    put?: never;
    /**
     * Create a plan (admin)
     * @description On an active Azure subscription that backs no other plan. Answers at once. Admin token.
     */
    post: operations["createPlan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/plans/{planId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one plan (admin)
     * @description With its sizes and images resolved against the catalogue, its usage and its tenants. Admin token.
     */
    get: operations["getPlan"];
    /**
     * Change a plan (admin)
     * @description Replaces its name, description, subscription, sizes, images, quotas and DR offer, with the edit form's rules (quotas not below what tenants use; the subscription only while nobody subscribed). Send If-Match with the ETag you read: 412 when the plan changed since, and nothing is written. Admin token.
     */
    put: operations["updatePlan"];
    post?: never;
    /**
     * Delete a plan nobody ever subscribed to (admin)
     * @description 409 once any tenant subscription used it (retire it instead); frees its Azure subscription for another plan. If-Match is honoured. Admin token.
     */
    delete: operations["deletePlan"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/plans/{planId}/state": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Make a plan public, private or retired (admin)
     * @description Public: tenants subscribe themselves; private: only admins subscribe tenants; retired: nobody new subscribes and existing tenants keep running. If-Match is honoured as on the plan. Admin token.
     */
    put: operations["setPlanState"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenants (admin)
     * @description Filtered and sorted like the admin console's tenant list. Admin token.
     */
    get: operations["listTenants"];
    put?: never;
    /**
     * Create a tenant (admin)
     * @description Optionally with a first owner. When the owner is a new user, the answer holds their one-time password once. Admin token. Idempotency-Key is refused (400): the answer may hold a one-time password, which is never stored.
     */
    post: operations["createTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one tenant (admin)
     * @description With its members and its subscriptions to plans, as the tenant's admin page shows them. Admin token.
     */
    get: operations["getTenant"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/suspend": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Suspend a tenant (admin)
     * @description Its members' sessions end; they and its tokens can read but change nothing until it is reactivated. 409 when it already is. Answers at once. Admin token.
     */
    post: operations["suspendTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/reactivate": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reactivate a suspended tenant (admin)
     * @description Its members and tokens can change things again. 409 when it already is. Answers at once. Admin token.
     */
    post: operations["reactivateTenant"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/plan-subscriptions": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a tenant's subscriptions to plans (admin)
     * @description Cancelled ones too, for the record, each with its newest operation. Admin token.
     */
    get: operations["listTenantPlanSubscriptions"];
    put?: never;
    /**
     * Subscribe a tenant to a plan (admin)
     * @description Any plan that is not retired, private ones included, on an active Azure subscription; its resource group is provisioned by the tenantSubscription.provision operation. Admin token.
     */
    post: operations["subscribeTenantToPlan"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/plan-subscriptions/{subscriptionId}/cancel": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Cancel a tenant's subscription to a plan (admin)
     * @description Deletes its resource group in Azure, and everything in it, as the tenantSubscription.deprovision operation. 409 unless it is active. Admin token.
     */
    post: operations["cancelTenantPlanSubscription"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/members": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List a tenant's members (admin)
     * @description With their roles and last sign-in. Admin token.
     */
    get: operations["listTenantMembers"];
    put?: never;
    /**
     * Add a member (admin)
     * @description An existing user by email, or a new one (then `name` is needed and the answer holds their one-time password, once). Provider staff cannot be members. Admin token. Idempotency-Key is refused (400): the answer may hold a one-time password, which is never stored.
     */
    post: operations["addTenantMember"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/members/{memberId}": {
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
     * Remove a member (admin)
     * @description Their sessions end; 409 for the last owner. The user account stays. Admin token.
     */
    delete: operations["removeTenantMember"];
    options?: never;
    head?: never;
    /**
     * Change a member's role (admin)
     * @description Their sessions end so the new role applies at once; 409 for the last owner. Admin token.
     */
    patch: operations["changeTenantMemberRole"];
    trace?: never;
  };
  "/api/v1/provider/tenants/{tenant}/members/{memberId}/reset-password": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Reset a member's password (admin)
     * @description Replaces it with a one-time password returned once, ends their sessions, and makes them choose a new one at sign-in. 409 for provider staff. Admin token. Idempotency-Key is refused (400): the answer may hold a one-time password, which is never stored.
     */
    post: operations["resetTenantMemberPassword"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/provider/audit-events": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List audit events (admin)
     * @description Newest first, with the audit log page's filters. Admin token.
     */
    get: operations["listAuditEvents"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/plans": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the plans you can subscribe to
     * @description Public plans with their quotas, sizes and images, and how many subscriptions you have on each.
     */
    get: operations["listOfferedPlans"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the tenant's load balancers
     * @description By name, with their frontends, pools, probes and rules as last read from Azure. Any tenant role.
     */
    get: operations["listLoadBalancers"];
    put?: never;
    /**
     * Create a public load balancer
     * @description Checked like the create form (names, region, quota of public IPs and load balancers, pool VMs in its region, probe and rule) before any Azure call; the lb.create operation's target is the new load balancer. Operator or owner.
     */
    post: operations["createLoadBalancer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one load balancer
     * @description Its frontends (VIPs), backend pools with their VMs, probes and rules. The ETag header is the version to send as If-Match on a change. Any tenant role.
     */
    get: operations["getLoadBalancer"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/public-ip-options": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the public IPs a new frontend can take
     * @description Kept public IP addresses (a frontend removed with publicIp=keep), unattached, in the load balancer's region and subscription: the Add frontend form's choices for an existing address. Any tenant role.
     */
    get: operations["listLoadBalancerPublicIpOptions"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Read one load balancer again from Azure
     * @description Operator or owner, like the Refresh button.
     */
    post: operations["refreshLoadBalancer"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Find and read a subscription's load balancers in Azure
     * @description Reads every load balancer in the tenant subscription's resource group and its known groups; ones found in Azure are added. Operator or owner.
     */
    post: operations["refreshLoadBalancers"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/frontends": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a frontend IP (VIP) with its probe and rule
     * @description The guide's second VIP: a public IP, a frontend IP configuration, a probe (new or existing) and a rule, saved as one change. Conflicts (a frontend port in use, a name taken, quota) are 400/409 before any Azure call.
     */
    post: operations["addLoadBalancerFrontend"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/frontends/{frontendName}": {
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
     * Remove a frontend IP
     * @description With its rules and the probes nothing else uses. `publicIp=release` (default) deletes its public IP, `keep` leaves it unattached for another frontend. The only frontend cannot be removed (409).
     */
    delete: operations["removeLoadBalancerFrontend"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/rules": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Add a load-balancing rule to a frontend
     * @description With a new probe (probeChoice "new") or an existing one (probeChoice names it).
     */
    post: operations["addLoadBalancerRule"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/rules/{ruleName}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Edit a load-balancing rule
     * @description Ports, pool, probe, idle timeout; `frontendName` moves it to another frontend. Floating IP is fixed.
     */
    put: operations["updateLoadBalancerRule"];
    post?: never;
    /**
     * Remove a load-balancing rule
     * @description And the probe only it used; its frontend stays.
     */
    delete: operations["removeLoadBalancerRule"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/load-balancers/{loadBalancerId}/probes/{probeName}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /**
     * Edit a health probe
     * @description Protocol, port, path (Http/Https), interval (5–3600 s) and count, as the Edit probe form.
     */
    put: operations["updateLoadBalancerProbe"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/dr/setup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Disaster recovery setup status
     * @description The VMM cloud your provider assigned, the subscription its replicas go to, and the setup's three steps (targets, policy, network mapping). Any tenant role.
     */
    get: operations["getDrSetup"];
    /**
     * Set up disaster recovery
     * @description Storage and network in your subscription, the replication policy and the mapping of your on-premises network (an id from GET /dr/setup), run as one operation of three steps. 404 until your provider assigns a cloud. Owner.
     */
    put: operations["setupDr"];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/dr/vms": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List the on-premises VMs you can protect
     * @description The assigned cloud's VMs, each with its protected item when protected. 404 before DR is set up.
     */
    get: operations["listDrOnPremisesVms"];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/dr/refresh": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Read replication state from Azure again
     * @description For every protected item (it also runs on a schedule). Operator or owner, like the Refresh button.
     */
    post: operations["refreshDr"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * List protected VMs
     * @description By VM name, with replication health, last recovery point and failover state. Any tenant role.
     */
    get: operations["listProtectedItems"];
    put?: never;
    /**
     * Protect on-premises VMs
     * @description One protected item and one dr.enableProtection operation per VM, within the plan's protected-VM quota, once every setup step has succeeded (409 otherwise). Location points at the first operation. Operator or owner.
     */
    post: operations["enableProtection"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Read one protected VM
     * @description Its replication, the last ASR job's tasks, recent operations and RPO samples. Any tenant role.
     */
    get: operations["getProtectedItem"];
    put?: never;
    post?: never;
    /**
     * Disable protection
     * @description Stops replication and removes the recovery points; the on-premises VM keeps running.
     */
    delete: operations["disableProtection"];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/test-failover": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run a test failover
     * @description A copy of the VM in Azure, in an isolated test network, from the latest recovery point.
     */
    post: operations["testFailover"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/planned-failover": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fail over to Azure (planned)
     * @description Shuts the on-premises VM down, synchronises the last changes and starts it in Azure.
     */
    post: operations["plannedFailover"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/commit": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Commit a failover
     * @description Makes the current side final; no other recovery point can be chosen afterwards.
     */
    post: operations["commitFailover"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/failback": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fail back to on-premises
     * @description For a VM running in Azure after a committed failover: planned failover back to its site.
     */
    post: operations["failback"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/reprotect": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Protect the VM again
     * @description Starts replication again after a failover has been committed (Azure's ReverseReplicate).
     */
    post: operations["reprotect"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/test-failover-cleanup": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Clean up a test failover
     * @description Deletes the test VM in Azure and records the test as complete, with your notes.
     */
    post: operations["testFailoverCleanup"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/protected-items/{protectedItemId}/unplanned-failover": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Fail over to Azure now (unplanned)
     * @description From the recovery point chosen; changes after it are lost. For when the on-premises site is down. `shutDownSource` tries to shut the on-premises VM down first.
     */
    post: operations["unplannedFailover"];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  "/api/v1/tenants/{tenant}/dr/setup/rerun": {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Run one setup step again
     * @description targets, policy or mapping — after fixing something in Azure, say. Owner.
     */
    post: operations["rerunDrSetupStep"];
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
    AzureSubscriptionPage: {
      value: components["schemas"]["AzureSubscription"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    AzureSubscription: {
      id: string;
      displayName: string;
      /** @enum {string} */
      cloud: "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud" | "Custom";
      /** @description Azure's subscription id (a GUID). */
      subscriptionId: string;
      directoryId: string;
      /** @enum {string} */
      state: "validating" | "active" | "error" | "disabled";
      /** Format: date-time */
      lastValidatedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** @description The plan this subscription backs, if any. */
      plan: {
        id: string;
        name: string;
        state: string;
      } | null;
      usage: {
        regions: string[];
        vCpusUsed: number;
        vCpusLimit: number;
      };
      href: string;
    };
    /** @description Never the client secret: it is write-only. */
    AzureSubscriptionDetail: {
      id: string;
      displayName: string;
      /** @enum {string} */
      cloud: "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud" | "Custom";
      armEndpoint: string | null;
      authorityHost: string | null;
      caCertificate: string | null;
      subscriptionId: string;
      directoryId: string;
      clientId: string;
      /** @enum {string} */
      state: "validating" | "active" | "error" | "disabled";
      /** Format: date-time */
      lastValidatedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      plan: {
        id: string;
        name: string;
        state: string;
        tenantSubscriptions: number;
      } | null;
      /** @description The last validation's checks (Azure's messages, masked). */
      validation: {
        ok: boolean;
        checkedAt: string;
        checks: {
          name: string;
          ok: boolean;
          message: string;
          code?: string;
        }[];
        unregisteredProviders: string[];
      } | null;
      discovery: {
        regions: {
          name: string;
          displayName: string;
        }[];
        /** @description VM sizes discovered. */
        sizes: number;
        /** @description Images discovered. */
        images: number;
      };
      href: string;
    };
    /** @description A service principal's credentials for one subscription. `armEndpoint` and `authorityHost` are needed (https) for the Custom cloud only. `clientSecret` is sealed at once and never returned. */
    OnboardAzureSubscription: {
      displayName: string;
      /** @enum {string} */
      cloud: "AzureCloud" | "AzureUSGovernment" | "AzureChinaCloud" | "Custom";
      armEndpoint?: string;
      authorityHost?: string;
      caCertificate?: string;
      directoryId: string;
      subscriptionId: string;
      clientId: string;
      clientSecret: string;
    };
    RotateAzureSubscriptionSecret: {
      clientSecret: string;
    };
    Regions: {
      allowed: {
        name: string;
        displayName: string;
      }[];
      /** @description What may be allowed: the regions the active Azure subscriptions offer. */
      discovered: {
        name: string;
        displayName: string;
        /** @enum {string} */
        geography:
          "Americas" | "Europe" | "Asia Pacific" | "Middle East" | "Africa" | "US Government" | "China" | "Other";
        /** @description Active Azure subscriptions offering it. */
        subscriptions: number;
      }[];
    };
    SetAllowedRegions: {
      /** @description Azure's short names; the list replaces the allowed regions ([] allows none). */
      regions: string[];
    };
    PlanPage: {
      value: components["schemas"]["Plan"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    Plan: {
      id: string;
      name: string;
      description: string;
      /** @enum {string} */
      state: "public" | "private" | "retired";
      offersDr: boolean;
      azureSubscription: {
        id: string;
        displayName: string;
        state: string;
      };
      /** @description Tenant subscriptions not cancelled. */
      tenantCount: number;
      sizeCount: number;
      imageCount: number;
      quotas: {
        quotaVms: number;
        quotaVcpus: number;
        quotaPublicIps: number;
        quotaLoadBalancers: number;
        quotaProtectedVms: number;
      };
      href: string;
    };
    PlanDetail: {
      id: string;
      name: string;
      description: string;
      /** @enum {string} */
      state: "public" | "private" | "retired";
      offersDr: boolean;
      /** Format: date-time */
      createdAt: string;
      /** Format: date-time */
      updatedAt: string;
      azureSubscription: {
        id: string;
        displayName: string;
        state: string;
        subscriptionId: string;
        cloud: string;
      };
      quotas: {
        quotaVms: number;
        quotaVcpus: number;
        quotaPublicIps: number;
        quotaLoadBalancers: number;
        quotaProtectedVms: number;
      };
      /** @description The most any live tenant subscription of the plan uses. */
      usage: {
        quotaVms: number;
        quotaVcpus: number;
        quotaPublicIps: number;
        quotaLoadBalancers: number;
        quotaProtectedVms: number;
      };
      allowedSizes: string[];
      allowedImages: {
        publisher: string;
        offer: string;
        sku: string;
        version: string;
      }[];
      sizes: {
        name: string;
        vCpus: number | null;
        memoryMb: number | null;
        /** @description False when the subscription no longer offers it. */
        isOfferable: boolean;
      }[];
      images: {
        publisher: string;
        offer: string;
        sku: string;
        version: string;
        label: string;
        osType: string | null;
        /** @description False when the catalogue no longer has it. */
        isOffered: boolean;
      }[];
      tenantSubscriptions: {
        id: string;
        name: string;
        state: string;
        /** Format: date-time */
        createdAt: string;
        tenant: {
          slug: string;
          name: string;
          state: string;
        };
      }[];
      liveTenantCount: number;
      href: string;
    };
    /** @description Sizes and images must be offered by the Azure subscription in an allowed region. */
    CreatePlan: {
      name: string;
      /** @default  */
      description: string;
      azureSubscriptionId: string;
      allowedSizes: string[];
      allowedImages: {
        publisher: string;
        offer: string;
        sku: string;
        version: string;
      }[];
      quotaVms: number;
      quotaVcpus: number;
      quotaPublicIps: number;
      quotaLoadBalancers: number;
      quotaProtectedVms: number;
      /**
       * @description Whether tenants may protect VMs (DR).
       * @default false
       */
      offersDr: boolean;
      /**
       * @default private
       * @enum {string}
       */
      state: "public" | "private";
    };
    /** @description Every field, as the edit form sends them; the state has its own route. */
    UpdatePlan: {
      name: string;
      /** @default  */
      description: string;
      azureSubscriptionId: string;
      allowedSizes: string[];
      allowedImages: {
        publisher: string;
        offer: string;
        sku: string;
        version: string;
      }[];
      quotaVms: number;
      quotaVcpus: number;
      quotaPublicIps: number;
      quotaLoadBalancers: number;
      quotaProtectedVms: number;
      /**
       * @description Whether tenants may protect VMs (DR).
       * @default false
       */
      offersDr: boolean;
    };
    SetPlanState: {
      /** @enum {string} */
      state: "public" | "private" | "retired";
    };
    TenantPage: {
      value: components["schemas"]["Tenant"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    Tenant: {
      id: string;
      slug: string;
      name: string;
      /** @enum {string} */
      state: "active" | "suspended";
      /** Format: date-time */
      createdAt: string;
      members: number;
      /** @description Subscriptions to plans, not cancelled. */
      subscriptions: number;
      href: string;
    };
    TenantDetail: {
      id: string;
      slug: string;
      name: string;
      /** @enum {string} */
      state: "active" | "suspended";
      /** Format: date-time */
      createdAt: string;
      href: string;
      /** Format: date-time */
      updatedAt: string;
      members: components["schemas"]["TenantMember"][];
      subscriptions: components["schemas"]["PlanSubscription"][];
    };
    TenantMember: {
      /** @description The membership's id (members routes take it). */
      id: string;
      userId: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: "owner" | "operator" | "reader";
      disabled: boolean;
      /** Format: date-time */
      lastLoginAt: string | null;
      /** Format: date-time */
      createdAt: string;
    };
    PlanSubscription: {
      id: string;
      name: string;
      /** @example active */
      state: string;
      resourceGroup: string;
      location: string;
      /** Format: date-time */
      createdAt: string;
      plan: {
        id: string;
        name: string;
        state: string;
      };
      /** @description The newest provisioning or cancelling operation. */
      lastOperation: {
        id: string;
        kind: string;
        state: string;
        href: string;
      } | null;
    };
    CreatedTenant: {
      tenant: components["schemas"]["TenantDetail"];
      owner: {
        email: string;
        name: string;
        isNew: boolean;
      } | null;
      credential: components["schemas"]["OneTimeCredential"];
    };
    /** @description A new user's one-time password, shown this once (only its hash is stored); they choose their own at first sign-in. Hand it over out of band. */
    OneTimeCredential: {
      email: string;
      name: string;
      oneTimePassword: string;
    } | null;
    /** @description The slug (the tenant's address) is derived from the name when omitted. With ownerEmail, that person becomes the first owner; a new user also needs ownerName. */
    CreateTenant: {
      name: string;
      slug?: string;
      /** Format: email */
      ownerEmail?: string;
      ownerName?: string;
    };
    SubscribeTenant: {
      planId: string;
      name?: string;
    };
    AddedMember: {
      member: components["schemas"]["TenantMember"];
      isNewUser: boolean;
      credential: components["schemas"]["MemberCredential"];
    };
    /** @description The one-time password, shown this once (only its hash is stored); it must be changed at sign-in. */
    MemberCredential: {
      email: string;
      name: string;
      oneTimePassword: string;
    } | null;
    AddMember: {
      /** Format: email */
      email: string;
      name?: string;
      /** @enum {string} */
      role: "owner" | "operator" | "reader";
    };
    ChangeMemberRole: {
      /** @enum {string} */
      role: "owner" | "operator" | "reader";
    };
    AuditEventPage: {
      value: components["schemas"]["AuditEvent"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    AuditEvent: {
      id: string;
      /** Format: date-time */
      at: string;
      actorId: string | null;
      /** @description Null for the system. */
      actorEmail: string | null;
      /** @example plan.update */
      action: string;
      /** @example success */
      outcome: string;
      target: {
        type: string | null;
        id: string | null;
        name: string | null;
      };
      tenantId: string | null;
      ip: string | null;
      userAgent: string | null;
      /** @description The API token the call was made with, if any. */
      apiTokenId: string | null;
      detail?: unknown;
    };
    OfferedPlan: {
      id: string;
      name: string;
      description: string;
      offersDr: boolean;
      quotas: {
        quotaVms: number;
        quotaVcpus: number;
        quotaPublicIps: number;
        quotaLoadBalancers: number;
        quotaProtectedVms: number;
      };
      sizes: {
        name: string;
        vCpus: number;
        memoryMb: number;
      }[];
      images: {
        label: string;
        /** @enum {string|null} */
        osType: "Windows" | "Linux" | null;
        version: string;
      }[];
      /** @description Your live subscriptions to this plan. */
      subscribed: number;
    };
    /** @description A public plan's id, and a name for the subscription (the plan's name when omitted). */
    SubscribeToPlan: {
      planId: string;
      name?: string;
    };
    LoadBalancerPage: {
      value: components["schemas"]["LoadBalancer"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    LoadBalancer: {
      id: string;
      name: string;
      subscription: {
        id: string;
      };
      resourceGroup: string;
      region: string;
      sku: string;
      /** @example Succeeded */
      provisioningState: string;
      errorMessage: string | null;
      /** @description Found in Azure by a refresh rather than created here. */
      isDiscovered: boolean;
      azureResourceId: string | null;
      frontends: {
        name: string;
        publicIpName: string | null;
        publicIpAddress: string | null;
        publicIpId: string | null;
      }[];
      backendPools: {
        name: string;
        members: {
          vmId: string | null;
          vmName: string;
          privateIp: string | null;
          powerState: string | null;
        }[];
      }[];
      probes: components["schemas"]["LoadBalancerProbe"][];
      rules: components["schemas"]["LoadBalancerRule"][];
      /** Format: date-time */
      lastRefreshedAt: string | null;
      /** Format: date-time */
      updatedAt: string;
      /** @description The ETag header's value: send it as If-Match on a change. */
      etag: string;
      href: string;
    };
    LoadBalancerProbe: {
      name: string;
      /** @enum {string} */
      protocol: "Tcp" | "Http" | "Https";
      port: number;
      requestPath?: string;
      intervalSeconds: number;
      probeCount: number;
    };
    LoadBalancerRule: {
      name: string;
      /** @enum {string} */
      protocol: "Tcp" | "Udp" | "All";
      frontendName: string;
      frontendPort: number;
      backendPort: number;
      backendPoolName: string;
      probeName?: string;
      floatingIp: boolean;
      idleTimeoutMinutes: number;
      tcpReset: boolean;
    };
    LoadBalancerPublicIpOption: {
      /** @description Send it as existingPublicIpId with publicIpMode "existing". */
      id: string;
      name: string;
      ipAddress: string | null;
      sku: string;
      resourceGroup: string;
    };
    /** @description The guide's shape: a frontend on a new public IP, a pool of the tenant's VMs, a probe and a rule. */
    CreateLoadBalancer: {
      tenantSubscriptionId: string;
      name: string;
      region: string;
      /**
       * @default Standard
       * @enum {string}
       */
      sku: "Standard" | "Basic";
      frontendName: string;
      publicIpName: string;
      /**
       * @default Static
       * @enum {string}
       */
      publicIpAllocation: "Static" | "Dynamic";
      memberVmIds?: string[];
      probeName: string;
      /**
       * @default Http
       * @enum {string}
       */
      probeProtocol: "Tcp" | "Http" | "Https";
      /** @default 80 */
      probePort: number;
      probePath?: string;
      /** @default 5 */
      probeInterval: number;
      /** @default 2 */
      probeCount: number;
      ruleName: string;
      /**
       * @default Tcp
       * @enum {string}
       */
      ruleProtocol: "Tcp" | "Udp" | "All";
      frontendPort: number | null;
      backendPort: number | null;
      backendPool: string;
      /** @default false */
      floatingIp: boolean | null;
      /** @default 4 */
      idleTimeout: number;
      /** @default false */
      tcpReset: boolean | null;
    };
    RefreshLoadBalancers: {
      tenantSubscriptionId: string;
    };
    /** @description A frontend VIP on a new public IP (or an unattached one), with a new probe (probeChoice "new") or an existing one, and its rule. */
    AddLoadBalancerFrontend: {
      frontendName: string;
      /**
       * @default new
       * @enum {string}
       */
      publicIpMode: "new" | "existing";
      publicIpName?: string;
      /**
       * @default Static
       * @enum {string}
       */
      publicIpAllocation: "Static" | "Dynamic";
      /**
       * @default Standard
       * @enum {string}
       */
      publicIpSku: "Standard" | "Basic";
      existingPublicIpId?: string;
      /** @default new */
      probeChoice: string;
      probeName: string;
      /**
       * @default Http
       * @enum {string}
       */
      probeProtocol: "Tcp" | "Http" | "Https";
      /** @default 80 */
      probePort: number;
      probePath?: string;
      /** @default 5 */
      probeInterval: number;
      /** @default 2 */
      probeCount: number;
      ruleName: string;
      /**
       * @default Tcp
       * @enum {string}
       */
      ruleProtocol: "Tcp" | "Udp" | "All";
      frontendPort: number | null;
      backendPort: number | null;
      backendPool: string;
      /** @default false */
      floatingIp: boolean | null;
      /** @default 4 */
      idleTimeout: number;
      /** @default false */
      tcpReset: boolean | null;
    };
    AddLoadBalancerRule: {
      frontendName: string;
      /** @default new */
      probeChoice: string;
      probeName: string;
      /**
       * @default Http
       * @enum {string}
       */
      probeProtocol: "Tcp" | "Http" | "Https";
      /** @default 80 */
      probePort: number;
      probePath?: string;
      /** @default 5 */
      probeInterval: number;
      /** @default 2 */
      probeCount: number;
      ruleName: string;
      /**
       * @default Tcp
       * @enum {string}
       */
      ruleProtocol: "Tcp" | "Udp" | "All";
      frontendPort: number | null;
      backendPort: number | null;
      backendPool: string;
      /** @default false */
      floatingIp: boolean | null;
      /** @default 4 */
      idleTimeout: number;
      /** @default false */
      tcpReset: boolean | null;
    };
    UpdateLoadBalancerProbe: {
      /**
       * @default Http
       * @enum {string}
       */
      probeProtocol: "Tcp" | "Http" | "Https";
      /** @default 80 */
      probePort: number;
      probePath?: string;
      /** @default 5 */
      probeInterval: number;
      /** @default 2 */
      probeCount: number;
    };
    UpdateLoadBalancerRule: {
      /**
       * @default Tcp
       * @enum {string}
       */
      ruleProtocol: "Tcp" | "Udp" | "All";
      frontendPort: number | null;
      backendPort: number | null;
      backendPool: string;
      /** @default false */
      floatingIp: boolean | null;
      /** @default 4 */
      idleTimeout: number;
      /** @default false */
      tcpReset: boolean | null;
      /** @default  */
      probeChoice: string;
      frontendName?: string;
    };
    DrSetup: {
      /** @description Your provider has given you a VMM cloud to protect. */
      isAssigned: boolean;
      cloud: {
        name: string;
        targetRegion: string;
      } | null;
      subscription: {
        id: string;
        name: string;
        planName: string;
        offersDr: boolean;
      } | null;
      setup: {
        /** @description Every step succeeded: protection can be enabled. */
        isReady: boolean;
        steps: {
          /** @description pending, running, succeeded or failed */
          targets: string;
          /** @description pending, running, succeeded or failed */
          policy: string;
          /** @description pending, running, succeeded or failed */
          mapping: string;
        };
        lastError: string | null;
        resourceGroup: string;
        storageAccount: string;
        network: {
          name: string;
          addressSpace: string;
          subnet: string;
          subnetPrefix: string;
        };
        policy: {
          name: string;
          copyFrequencySeconds: number;
          recoveryPointHours: number;
          appConsistentHours: number;
        };
      } | null;
      /** @description The VMM VM networks your provider gave you: map one with vmNetworkId. */
      onPremisesNetworks: {
        id: string;
        name: string;
      }[];
    };
    DrOnPremisesVm: {
      /** @description The VMM VM's id: name it in EnableProtection. */
      armName: string;
      name: string;
      /** @enum {string} */
      osType: "Windows" | "Linux";
      osName: string | null;
      disks: {
        name: string;
        sizeGb: number;
        isOs: boolean;
      }[];
      protectedItemId: string | null;
    };
    ProtectedItemPage: {
      value: components["schemas"]["ProtectedItem"][];
      /** @description GET it for the next page; null on the last page. */
      nextLink: string | null;
      /** @description Items matching the filter, on every page. */
      count: number;
    };
    ProtectedItem: {
      id: string;
      vmName: string;
      armName: string;
      targetVmName: string;
      targetSize: string | null;
      osType: string;
      /** @description The portal's intent: enabling, protected, disabling or failed. */
      state: string;
      /** @example Protected */
      protectionState: string | null;
      protectionDescription: string | null;
      replicationHealth: string | null;
      activeLocation: string | null;
      testFailoverState: string | null;
      /** @example On-premises */
      failoverState: string;
      /** @description Azure's allowed operations at the last read: an action needs its own here (else 409). */
      allowedOperations: string[];
      initialReplicationPercent: number | null;
      /** Format: date-time */
      lastRecoveryPointAt: string | null;
      rpoSeconds: number | null;
      /** Format: date-time */
      lastTestFailoverAt: string | null;
      lastTestFailoverNotes: string | null;
      errorMessage: string | null;
      /** Format: date-time */
      lastSyncedAt: string | null;
      /** Format: date-time */
      createdAt: string;
      href: string;
    };
    ProtectedItemDetail: components["schemas"]["ProtectedItem"] & {
      cloud: string;
      policy: {
        copyFrequencySeconds: number;
        recoveryPointHours: number;
      } | null;
      /** @description The ASR job behind the last action: its name, state and tasks. */
      lastJob: {
        [key: string]: unknown;
      } | null;
      operations: {
        id: string;
        kind: string;
        state: string;
        /** Format: date-time */
        createdAt: string;
        href: string;
      }[];
      rpo: {
        /** Format: date-time */
        at: string;
        rpoSeconds: number;
      }[];
    };
    ProtectionEnabled: {
      items: {
        id: string;
        name: string;
        href: string;
      }[];
      /** @description One dr.enableProtection operation per VM, in the same order. */
      operations: components["schemas"]["Operation"][];
    };
    EnableProtection: {
      vms: {
        armName: string;
        targetVmName?: string;
        targetSize?: string;
        /** @enum {string} */
        osType?: "Windows" | "Linux";
      }[];
      subnetName?: string;
    };
    TestFailoverCleanup: {
      /** @default  */
      notes: string;
    };
    UnplannedFailover: {
      /**
       * @default latestProcessed
       * @enum {string}
       */
      recoveryPoint: "latest" | "latestProcessed";
      /** @default false */
      shutDownSource: boolean | null;
    };
    SetupDr: {
      resourceGroup: string;
      storageAccount: string;
      vnetName: string;
      addressSpace: string;
      /** @default default */
      subnetName: string;
      subnetPrefix: string;
      policyName: string;
      copyFrequencySeconds: number | null;
      recoveryPointHours: number | null;
      appConsistentHours: number | null;
      initialReplicationStart?: "" | string;
      vmNetworkId: string;
    };
    RerunDrSetupStep: {
      /** @enum {string} */
      step: "targets" | "policy" | "mapping";
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
  subscribeToPlan: {
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
        "application/json": components["schemas"]["SubscribeToPlan"];
      };
    };
    responses: {
      /** @description The tenantSubscription.provision operation. */
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
  listAzureSubscriptions: {
    parameters: {
      query?: {
        /** @description Part of the name, the subscription or directory id, or the plan's name. */
        search?: string;
        state?: "validating" | "active" | "error" | "disabled";
        sort?: "name" | "state" | "lastValidated" | "created";
        dir?: "asc" | "desc";
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
      /** @description A page of Azure subscriptions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AzureSubscriptionPage"];
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
  onboardAzureSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["OnboardAzureSubscription"];
      };
    };
    responses: {
      /** @description The subscription.validate operation. */
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
  getAzureSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AzureSubscriptionDetail"];
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
  deleteAzureSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
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
  validateAzureSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription.validate operation. */
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
  rotateAzureSubscriptionSecret: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["RotateAzureSubscriptionSecret"];
      };
    };
    responses: {
      /** @description Saved; the subscription is disabled, so nothing was validated. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AzureSubscriptionDetail"];
        };
      };
      /** @description The subscription.validate operation. */
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
  enableAzureSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription.validate operation. */
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
  disableAzureSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription, now disabled. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AzureSubscriptionDetail"];
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
  registerAzureSubscriptionProviders: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The subscription.registerProviders operation. */
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
  getRegions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Allowed and discovered regions. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Regions"];
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
  setAllowedRegions: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SetAllowedRegions"];
      };
    };
    responses: {
      /** @description Saved: what changed, and the regions now. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["Regions"] & {
            added: string[];
            removed: string[];
          };
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
  listPlans: {
    parameters: {
      query?: {
        /** @description Part of the name, the description or the Azure subscription's name. */
        search?: string;
        state?: "public" | "private" | "retired";
        sort?: "name" | "createdAt";
        dir?: "asc" | "desc";
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
      /** @description A page of plans. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanPage"];
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
  createPlan: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreatePlan"];
      };
    };
    responses: {
      /** @description The new plan. */
      201: {
        headers: {
          /** @description Send it as If-Match to change the plan. */
          ETag?: string;
          /** @description The plan's URL. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanDetail"];
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
  getPlan: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The plan. */
      200: {
        headers: {
          /** @description Send it as If-Match to change the plan. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanDetail"];
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
  updatePlan: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag you read. */
        "if-match"?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdatePlan"];
      };
    };
    responses: {
      /** @description The plan as saved. */
      200: {
        headers: {
          /** @description Send it as If-Match to change the plan. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanDetail"];
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  deletePlan: {
    parameters: {
      query?: never;
      header?: {
        "if-match"?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Deleted. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  setPlanState: {
    parameters: {
      query?: never;
      header?: {
        "if-match"?: string;
      };
      path: {
        planId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["SetPlanState"];
      };
    };
    responses: {
      /** @description The plan in its new state. */
      200: {
        headers: {
          /** @description Send it as If-Match to change the plan. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["PlanDetail"];
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  listTenants: {
    parameters: {
      query?: {
        /** @description Part of the name, the slug or a member's email. */
        search?: string;
        state?: "active" | "suspended";
        sort?: "name" | "createdAt";
        dir?: "asc" | "desc";
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
      /** @description A page of tenants. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantPage"];
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
  createTenant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["CreateTenant"];
      };
    };
    responses: {
      /** @description The tenant, its owner and (for a new user) the one-time password. */
      201: {
        headers: {
          /** @description The tenant's URL. */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["CreatedTenant"];
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
  getTenant: {
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
      /** @description The tenant. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantDetail"];
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
  suspendTenant: {
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
      /** @description The tenant in its new state. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantDetail"];
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
  reactivateTenant: {
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
      /** @description The tenant in its new state. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantDetail"];
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
  listTenantPlanSubscriptions: {
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
            value: components["schemas"]["PlanSubscription"][];
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
  subscribeTenantToPlan: {
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
        "application/json": components["schemas"]["SubscribeTenant"];
      };
    };
    responses: {
      /** @description The provisioning operation. */
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
  cancelTenantPlanSubscription: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        subscriptionId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The deprovisioning operation. */
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
  listTenantMembers: {
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
      /** @description The members. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            value: components["schemas"]["TenantMember"][];
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
  addTenantMember: {
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
        "application/json": components["schemas"]["AddMember"];
      };
    };
    responses: {
      /** @description The member, and a new user's one-time password. */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AddedMember"];
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
  removeTenantMember: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        /** @description The membership's id. */
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Removed. */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
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
  changeTenantMemberRole: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        /** @description The membership's id. */
        memberId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["ChangeMemberRole"];
      };
    };
    responses: {
      /** @description The member with the new role. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["TenantMember"];
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
  resetTenantMemberPassword: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        /** @description The membership's id. */
        memberId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The one-time password (shown once). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["MemberCredential"];
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
  listAuditEvents: {
    parameters: {
      query?: {
        /** @description Part of the user's email or the target's name, or exactly a target id or an IP. */
        search?: string;
        /** @description One action, e.g. plan.update. */
        action?: string;
        outcome?: "success" | "failure" | "denied";
        /** @description The last 24h, 7d or 30d. */
        period?: "24h" | "7d" | "30d";
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
      /** @description A page of audit events. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["AuditEventPage"];
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
  listOfferedPlans: {
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
      /** @description The plans. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            value: components["schemas"]["OfferedPlan"][];
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
  listLoadBalancers: {
    parameters: {
      query?: {
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
      /** @description A page of load balancers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LoadBalancerPage"];
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
  createLoadBalancer: {
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
        "application/json": components["schemas"]["CreateLoadBalancer"];
      };
    };
    responses: {
      /** @description The lb.create operation. */
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
  getLoadBalancer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The load balancer. */
      200: {
        headers: {
          /** @description This version of the load balancer. */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["LoadBalancer"];
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
  listLoadBalancerPublicIpOptions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The addresses. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            value: components["schemas"]["LoadBalancerPublicIpOption"][];
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
  refreshLoadBalancer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lb.refresh operation. */
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
  refreshLoadBalancers: {
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
        "application/json": components["schemas"]["RefreshLoadBalancers"];
      };
    };
    responses: {
      /** @description The lb.refresh operation. */
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
  addLoadBalancerFrontend: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag from GET; a change to a newer version is refused with 412. */
        "if-match"?: string;
      };
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AddLoadBalancerFrontend"];
      };
    };
    responses: {
      /** @description The lb.addFrontend operation. */
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  removeLoadBalancerFrontend: {
    parameters: {
      query?: {
        publicIp?: "release" | "keep";
      };
      header?: {
        /** @description The ETag from GET; a change to a newer version is refused with 412. */
        "if-match"?: string;
      };
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
        frontendName: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lb.removeFrontend operation. */
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  addLoadBalancerRule: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag from GET; a change to a newer version is refused with 412. */
        "if-match"?: string;
      };
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["AddLoadBalancerRule"];
      };
    };
    responses: {
      /** @description The lb.addRule operation. */
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  updateLoadBalancerRule: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag from GET; a change to a newer version is refused with 412. */
        "if-match"?: string;
      };
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
        ruleName: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateLoadBalancerRule"];
      };
    };
    responses: {
      /** @description The lb.update operation. */
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  removeLoadBalancerRule: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag from GET; a change to a newer version is refused with 412. */
        "if-match"?: string;
      };
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
        ruleName: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The lb.removeRule operation. */
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  updateLoadBalancerProbe: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag from GET; a change to a newer version is refused with 412. */
        "if-match"?: string;
      };
      path: {
        /** @description Tenant slug */
        tenant: string;
        loadBalancerId: string;
        probeName: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UpdateLoadBalancerProbe"];
      };
    };
    responses: {
      /** @description The lb.update operation. */
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
      /** @description If-Match does not match the current ETag: read the object again. */
      412: {
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
  getDrSetup: {
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
      /** @description The setup. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["DrSetup"];
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
  setupDr: {
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
        "application/json": components["schemas"]["SetupDr"];
      };
    };
    responses: {
      /** @description The dr.setupTenant operation. */
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
  listDrOnPremisesVms: {
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
      /** @description The cloud's VMs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": {
            value: components["schemas"]["DrOnPremisesVm"][];
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
  refreshDr: {
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
      /** @description The dr.refreshProtection operation. */
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
  listProtectedItems: {
    parameters: {
      query?: {
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
      /** @description A page of protected VMs. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProtectedItemPage"];
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
  enableProtection: {
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
        "application/json": components["schemas"]["EnableProtection"];
      };
    };
    responses: {
      /** @description Protection is being enabled. */
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
          "application/json": components["schemas"]["ProtectionEnabled"];
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
  getProtectedItem: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The protected VM. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          "application/json": components["schemas"]["ProtectedItemDetail"];
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
  disableProtection: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dr.disableProtection operation. */
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
  testFailover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dr.testFailover operation. */
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
  plannedFailover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dr.plannedFailover operation. */
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
  commitFailover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dr.commit operation. */
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
  failback: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dr.failback operation. */
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
  reprotect: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The dr.reprotect operation. */
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
  testFailoverCleanup: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["TestFailoverCleanup"];
      };
    };
    responses: {
      /** @description The dr.testFailoverCleanup operation. */
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
  unplannedFailover: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        /** @description Tenant slug */
        tenant: string;
        protectedItemId: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        "application/json": components["schemas"]["UnplannedFailover"];
      };
    };
    responses: {
      /** @description The dr.unplannedFailover operation. */
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
  rerunDrSetupStep: {
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
        "application/json": components["schemas"]["RerunDrSetupStep"];
      };
    };
    responses: {
      /** @description The dr.setupTenant operation. */
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
}

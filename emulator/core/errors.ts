/** An ARM error: thrown by core and RP handlers, rendered as `{ error: { code, message, details? } }`. */
export interface ArmErrorDetail {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorDetail[];
}

export class ArmError extends Error {
  readonly headers: Record<string, string>;
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: ArmErrorDetail[],
    options: { target?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = "ArmError";
    this.target = options.target;
    this.headers = options.headers ?? {};
  }
  readonly target?: string;

  toBody(): { error: ArmErrorDetail } {
    const error: ArmErrorDetail = { code: this.code, message: this.message };
    if (this.target) error.target = this.target;
    if (this.details?.length) error.details = this.details;
    return { error };
  }
}

const NOT_FOUND_FIX = "For more details please go to https://aka.ms/ARMResourceNotFoundFix";

export function resourceNotFound(type: string, name: string, resourceGroup: string): ArmError {
  return new ArmError(
    404,
    "ResourceNotFound",
    `The Resource '${type}/${name}' under resource group '${resourceGroup}' was not found. ${NOT_FOUND_FIX}`,
  );
}

export function resourceGroupNotFound(name: string): ArmError {
  return new ArmError(404, "ResourceGroupNotFound", `Resource group '${name}' could not be found.`);
}

export function subscriptionNotFound(id: string): ArmError {
  return new ArmError(404, "SubscriptionNotFound", `The subscription '${id}' could not be found.`);
}

export function missingRegistration(namespace: string): ArmError {
  const message = `The subscription is not registered to use namespace '${namespace}'. See https://aka.ms/rps-not-found for how to register subscriptions.`;
  return new ArmError(409, "MissingSubscriptionRegistration", message, [
    { code: "MissingSubscriptionRegistration", target: namespace, message },
  ]);
}

export function invalidRequestContent(message: string): ArmError {
  return new ArmError(400, "InvalidRequestContent", message);
}

export function conflict(code: string, message: string): ArmError {
  return new ArmError(409, code, message);
}

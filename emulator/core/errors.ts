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

/**
 * A required property the client left out (or sent as null), named by its JSON path the way ARM's deserializer
 * does: `Required property 'policyId' not found in JSON. Path 'properties'.` (code InvalidRequestContent).
 */
export function requiredPropertyMissing(path: string): ArmError {
  const dot = path.lastIndexOf(".");
  const name = path.slice(dot + 1);
  const parent = dot < 0 ? "" : path.slice(0, dot);
  return invalidRequestContent(
    `The request content was invalid and could not be deserialized: 'Required property '${name}' not found in JSON. Path '${parent}'.'`,
  );
}

/** A property of the wrong JSON type, e.g. an object where a string belongs. */
export function invalidPropertyType(path: string, value: unknown, expected: string): ArmError {
  // Newtonsoft's own rendering of a JSON null is {null}.
  const shown = value === null ? "{null}" : (JSON.stringify(value) ?? typeof value);
  return invalidRequestContent(
    `The request content was invalid and could not be deserialized: 'Error converting value ${shown} to type '${expected}'. Path '${path}'.'`,
  );
}

/** The string at `path`: refused when missing or not a string, so no message ever shows `undefined`. */
export function requireString(value: unknown, path: string): string {
  if (value === undefined || value === null || value === "") throw requiredPropertyMissing(path);
  if (typeof value !== "string") throw invalidPropertyType(path, value, "System.String");
  return value;
}

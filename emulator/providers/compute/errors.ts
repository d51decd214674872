import { ArmError } from "../../core/errors.js";

/** Compute's input errors: 400 InvalidParameter with the offending property as `target`. */
export const invalidParameter = (target: string, message: string) =>
  new ArmError(400, "InvalidParameter", message, undefined, { target });

export const missingParameter = (target: string) =>
  invalidParameter(target, `Required parameter '${target}' is missing (null).`);

export const operationNotAllowed = (message: string, target?: string) =>
  new ArmError(409, "OperationNotAllowed", message, undefined, { target });

/** PUT/PATCH on a property Compute fixes at create (409, e.g. "Changing property 'osDisk.createOption' is not allowed."). */
export const propertyChangeNotAllowed = (property: string) =>
  new ArmError(409, "PropertyChangeNotAllowed", `Changing property '${property}' is not allowed.`, undefined, {
    target: property,
  });

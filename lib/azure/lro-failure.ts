import { ArmError, toArmError } from "./errors";
import type { ArmResponseInfo } from "./observe";
import { redact } from "./redact";

type StatusBody = {
  status?: string;
  percentComplete?: number;
  error?: { code?: string; message?: string; details?: unknown };
};

export type LroFailureTap = {
  onResponse(info: ArmResponseInfo, bodyText: string | undefined): void;
  percent?: number;
  /** The SDK only keeps "The long-running operation has failed. CODE. message"; rebuild the ArmError from the status body we saw. */
  toError(sdkError: Error): ArmError;
};

/** Watches operation-status responses during one start/poll for percentComplete and a Failed/Canceled body. */
export function lroFailureTap(): LroFailureTap {
  let failed: { info: ArmResponseInfo; body: StatusBody } | undefined;
  const tap: LroFailureTap = {
    onResponse(info, bodyText) {
      if (!bodyText || bodyText.length > 1_000_000 || !bodyText.includes('"status"')) return;
      let body: StatusBody;
      try {
        body = JSON.parse(bodyText) as StatusBody;
      } catch {
        return;
      }
      if (typeof body.percentComplete === "number") tap.percent = body.percentComplete;
      if (/^(failed|canceled|cancelled)$/i.test(body.status ?? "")) failed = { info, body };
    },
    toError(sdkError) {
      if (!failed) return toArmError(sdkError);
      const { info, body } = failed;
      const canceled = !/^failed$/i.test(body.status ?? "");
      const code = body.error?.code ?? (canceled ? "OperationCanceled" : "OperationFailed");
      return new ArmError({
        code,
        message:
          body.error?.message ?? (canceled ? "The operation was canceled in Azure." : "The operation failed in Azure."),
        requestId: info.requestId,
        correlationId: info.correlationId,
        details: body.error?.details ? redact(body.error.details) : undefined,
        raw: redact(body),
      });
    },
  };
  return tap;
}

/** Opaque skip tokens for nextLink paging: base64url of the offset, so clients cannot rely on the shape. */
export function decodeSkipToken(query: URLSearchParams): number {
  const token = query.get("$skipToken") ?? query.get("$skiptoken");
  if (!token) return 0;
  const n = Number.parseInt(Buffer.from(token, "base64url").toString("utf8").replace(/^o:/, ""), 10);
  return Number.isFinite(n) && n > 0 ? n : 0;
}

export function pageOf<T>(
  items: T[],
  query: URLSearchParams,
  pageSize: number,
  linkFor: (query: URLSearchParams) => string,
): { value: T[]; nextLink?: string } {
  const offset = decodeSkipToken(query);
  const top = Number.parseInt(query.get("$top") ?? "", 10);
  const size = Number.isFinite(top) && top > 0 ? Math.min(top, pageSize) : pageSize;
  const value = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { value };
  const next = new URLSearchParams(query);
  next.delete("$skiptoken");
  next.set("$skipToken", Buffer.from(`o:${offset + size}`).toString("base64url"));
  return { value, nextLink: linkFor(next) };
}

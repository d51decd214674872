// Preloaded into the web server (`node --import ./scripts/lib/forwarded-for.mjs next start`, see scripts/start.ts and
// the Dockerfile). Next sets X-Forwarded-For from the socket only when the request has none, so a client's own header
// used to hide where it connected from (issue 16). Like a proxy, this appends the socket's address to the chain;
// lib/auth/client-ip.ts then trusts exactly PORTAL_TRUSTED_PROXIES hops from the right.
import http from "node:http";

const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, ...rest) {
  if (event === "request" && req && req.socket && req.socket.remoteAddress) {
    const prior = req.headers["x-forwarded-for"];
    req.headers["x-forwarded-for"] = prior ? `${prior}, ${req.socket.remoteAddress}` : req.socket.remoteAddress;
  }
  return emit.call(this, event, req, ...rest);
};

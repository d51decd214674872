/**
 * Which process sent a request: the emulator reports the client's TCP port (its log's `remotePort`), and Linux's
 * /proc says which socket holds that local port and which process holds that socket. `npm run chaos` uses it to kill
 * the worker whose VM PUT Azure has just accepted; elsewhere than Linux it finds nothing and chaos says so.
 */
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Inodes of the TCP sockets bound to `port` on this machine (IPv4 and IPv6), from /proc/net/tcp{,6}. */
export function socketInodesOfLocalPort(port: number): Set<string> {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch {
      continue;
    }
    // "sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ..."
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const local = cols[1].split(":").pop() ?? "";
      if (parseInt(local, 16) === port && cols[9] !== "0") inodes.add(cols[9]);
    }
  }
  return inodes;
}

/** The process among `pids` that holds the TCP socket bound to local `port`, or undefined. */
export function pidOfLocalPort(port: number, pids: number[]): number | undefined {
  const inodes = socketInodesOfLocalPort(port);
  if (!inodes.size) return undefined;
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      try {
        const inode = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`))?.[1];
        if (inode && inodes.has(inode)) return pid;
      } catch {
        // the descriptor closed while we looked
      }
    }
  }
  return undefined;
}

import { Download } from "lucide-react";
import { CopyButton } from "@/components/copy-button";
import { Button } from "@/components/ui/button";

type Props = {
  osType: string;
  hasSshKey: boolean;
  publicIp: string | null;
  privateIp: string | null;
  adminUsername: string;
  rdpHref: string;
  isRunning: boolean;
};

/**
 * How to reach the VM: an .rdp file for Windows, the ssh command for Linux, or why neither works yet. A Linux VM made
 * with an SSH key has no password at all, so its hint speaks of the key (issue 12).
 */
export function ConnectInfo({ osType, hasSshKey, publicIp, privateIp, adminUsername, rdpHref, isRunning }: Props) {
  if (!publicIp) {
    return (
      <p className="text-sm text-muted-foreground">
        This VM has no public IP address{privateIp ? `: connect from another VM in its network to ${privateIp}` : ""}.
      </p>
    );
  }
  const hint = isRunning ? null : <p className="text-xs text-muted-foreground">Start the VM before connecting.</p>;
  if (osType === "Windows") {
    return (
      <div className="grid gap-2">
        <Button asChild variant="outline" className="justify-self-start">
          <a href={rdpHref} download>
            <Download aria-hidden /> Download RDP file
          </a>
        </Button>
        <p className="text-xs text-muted-foreground">
          Sign in as {adminUsername} with the password you chose when you created the VM.
        </p>
        {hint}
      </div>
    );
  }
  const command = `ssh ${adminUsername}@${publicIp}`;
  return (
    <div className="grid gap-2">
      <div className="flex items-center gap-1 rounded-md border bg-muted/50 px-3 py-2">
        <code className="min-w-0 flex-1 truncate font-mono text-xs" aria-label="SSH command">
          {command}
        </code>
        <CopyButton value={command} label="Copy SSH command" />
      </div>
      <p className="text-xs text-muted-foreground">
        {hasSshKey
          ? "ssh signs in with the private key that belongs to the public key you gave when you created the VM (add -i <key file> if it is not your default key)."
          : "ssh asks for the password you chose when you created the VM."}
      </p>
      {hint}
    </div>
  );
}

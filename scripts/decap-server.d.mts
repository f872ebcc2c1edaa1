export const exitWithParent: string;

export class PortInUseError extends Error {
  constructor(port: number);
  port: number;
}

export function portInUse(port: number): Promise<boolean>;

export function startDecapServer(options?: {
  port?: number;
  repoDir?: string;
  quiet?: boolean;
  mode?: 'fs' | 'git';
}): Promise<{ url: string; port: number; exited: Promise<string>; close: () => Promise<void> }>;

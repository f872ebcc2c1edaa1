export function startDecapServer(options?: {
  port?: number;
  repoDir?: string;
  quiet?: boolean;
}): Promise<{ url: string; close: () => Promise<void> }>;

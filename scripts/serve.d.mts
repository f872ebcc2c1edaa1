export function startStaticServer(
  dir: string,
  options?: { port?: number; host?: string },
): Promise<{ url: string; port: number; close: () => Promise<void> }>;

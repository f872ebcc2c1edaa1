export function startStaticServer(
  dir: string,
  options?: { port?: number; host?: string },
): Promise<{ url: string; port: number; close: () => Promise<void> }>;

export interface HeaderRule {
  path: string;
  pattern: RegExp;
  headers: Record<string, string>;
  detach: string[];
}
export function parseHeaders(text: string): HeaderRule[];
export function headersFor(rules: HeaderRule[], path: string): Record<string, string>;

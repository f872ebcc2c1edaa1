export const SITE_FILES: string[];
export function createWorkspace(
  repo: string,
  options?: { sample?: boolean; contentFolders?: string[]; prefix?: string },
): Promise<string>;
export function commitAll(dir: string, message: string, at: Date): Promise<void>;
export function removeWorkspace(dir: string): Promise<void>;
export function buildEnv(dir: string, extra?: Record<string, string>): NodeJS.ProcessEnv;

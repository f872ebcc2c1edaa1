export const SITE_FILES: string[];
export function createWorkspace(
  repo: string,
  options?: { sample?: boolean; contentFolders?: string[]; prefix?: string },
): Promise<string>;
export function removeWorkspace(dir: string): Promise<void>;

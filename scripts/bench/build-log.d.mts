export function routesInLog(text: string): { path: string; reused: boolean }[];

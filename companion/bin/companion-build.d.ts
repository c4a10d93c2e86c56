// Types of companion-build.js (plain JavaScript: the launcher imports it without a TypeScript loader).
export declare function runtimeDependencies(): Record<string, string>;
export declare function buildCompanion(outDir: string, options?: { define?: Record<string, string>; banner?: string }): Promise<void>;
export declare function repoBundle(): string;

// Types of worker-build.js (plain JavaScript, shared with the launcher's build).
export declare const WORKER_BUILD: { bundle: true; platform: 'node'; format: 'cjs'; target: string; logLevel: 'silent' };

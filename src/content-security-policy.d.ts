/** Types for content-security-policy.js (CommonJS, shared with webpack.config.js). */
export declare const META_POLICY: string;
export declare const HEADER_POLICY: string;
export declare const DIRECTIVES: Readonly<Record<string, readonly string[]>>;
export declare const FRAME_ANCESTORS: readonly string[];
export declare const OFFICE_SCRIPTS: readonly string[];

// Set by the build (vite.server.config.ts): see apps-script/README.md, "Deploying".
/** PIVOR_DEV_BUILD=1: plain http:// is accepted for localhost (the test harness's Pivor). */
declare const __PIVOR_DEV_BUILD__: boolean;
/** PIVOR_URL_ALLOWLIST: the only Pivor addresses this build may call (empty: any https address). */
declare const __PIVOR_URL_ALLOWLIST__: readonly string[];

/** Set by scripts/build.mjs: true in the test build only, so what ships has no test reports. */
declare const __PARTNER_TEST_BUILD__: boolean;

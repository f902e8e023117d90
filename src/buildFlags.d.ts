/**
 * Set by scripts/build.mjs: true in the test build (`--tests`) only. Test scaffolding
 * (the live parts for the integration tests, the panels' recorder, activation timing)
 * sits behind it, so the shipped bundle has none of it.
 */
declare const __PARTNER_TEST_BUILD__: boolean;

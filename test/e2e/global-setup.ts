// vitest globalSetup: builds the game into dist/ once for the whole test run, before any test
// file starts, so every end-to-end test serves the same fresh build. Skipped (the e2e tests then
// skip themselves) when there is no index.html yet or no Chromium to drive the page.
import { buildOnce, forgetBuild, hasApp, hasChromium, RUN_KEY_ENV } from './harness.ts';

export default function setup(): () => void {
  // One key per vitest invocation; the test workers inherit it and find the build done.
  process.env[RUN_KEY_ENV] ??= `${process.pid}-${Date.now()}`;
  if (hasApp() && hasChromium() && process.env.E2E_SKIP_BUILD !== '1') {
    const started = Date.now();
    buildOnce();
    console.log(`e2e: built dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return () => forgetBuild();
}

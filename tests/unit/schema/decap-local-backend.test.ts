import { describe, expect, it } from 'vitest';
import { backendFromEnv, cmsConfig, LOCAL_BACKEND_URL } from '../../../src/schema/decap';

// Decap asks `local_backend` first on localhost and edits through it when it answers, so with
// `npm run cms` on other ports (DECAP_PORT) it must name that decap-server, not one that may be
// running on the default port for another working copy.
describe('the local backend the admin asks first', () => {
  it('is the decap-server of CMS_PROXY_URL when the admin edits through decap-server', () => {
    const config = cmsConfig({ ui: 'it', backend: backendFromEnv({ CMS_PROXY_URL: 'http://127.0.0.1:41234/api/v1' }) });
    expect(config.backend.proxy_url).toBe('http://127.0.0.1:41234/api/v1');
    expect(config.local_backend).toEqual({ url: 'http://127.0.0.1:41234/api/v1' });
  });

  it('is the default decap-server otherwise', () => {
    expect(cmsConfig({ ui: 'it', backend: backendFromEnv({}) }).local_backend).toEqual({ url: LOCAL_BACKEND_URL });
    const github = backendFromEnv({ CMS_BACKEND: 'github', CMS_REPO: 'cittc/site' });
    expect(cmsConfig({ ui: 'it', backend: github }).local_backend).toEqual({ url: LOCAL_BACKEND_URL });
  });
});

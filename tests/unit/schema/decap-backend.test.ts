import { describe, expect, it } from 'vitest';
import { backendFromEnv, cmsConfig, LOCAL_BACKEND_URL } from '../../../src/schema/decap';

describe('CMS backend from the environment', () => {
  it('defaults to the local decap-server, with no editorial workflow', () => {
    const backend = backendFromEnv({});
    expect(backend).toEqual({ name: 'proxy', proxy_url: LOCAL_BACKEND_URL, branch: 'main' });
    expect(cmsConfig({ ui: 'it', backend })).not.toHaveProperty('publish_mode');
  });

  it('configures a self-hosted Gitea with OAuth and the editorial workflow', () => {
    const backend = backendFromEnv({
      CMS_BACKEND: 'gitea',
      CMS_REPO: 'cittc/site',
      CMS_BRANCH: 'production',
      CMS_API_ROOT: 'https://git.cittc.example.cn/api/v1',
      CMS_BASE_URL: 'https://git.cittc.example.cn',
      CMS_APP_ID: 'abc123',
    });
    expect(backend).toEqual({
      name: 'gitea',
      repo: 'cittc/site',
      branch: 'production',
      api_root: 'https://git.cittc.example.cn/api/v1',
      base_url: 'https://git.cittc.example.cn',
      app_id: 'abc123',
    });
    expect(cmsConfig({ ui: 'zh', backend })).toMatchObject({ publish_mode: 'editorial_workflow', locale: 'zh_Hans' });
  });

  it('configures GitLab with PKCE and GitHub through an OAuth proxy', () => {
    expect(backendFromEnv({ CMS_BACKEND: 'gitlab', CMS_REPO: 'cittc/site', CMS_AUTH_TYPE: 'pkce', CMS_APP_ID: 'id' })).toMatchObject({
      name: 'gitlab',
      auth_type: 'pkce',
      app_id: 'id',
    });
    expect(backendFromEnv({ CMS_BACKEND: 'github', CMS_REPO: 'cittc/site', CMS_BASE_URL: 'https://oauth.cittc.example.org' })).toMatchObject({
      name: 'github',
      base_url: 'https://oauth.cittc.example.org',
    });
  });

  it('refuses an unknown backend or a Git backend without a repository', () => {
    expect(() => backendFromEnv({ CMS_BACKEND: 'bitbucket' })).toThrow(/CMS_BACKEND must be github, gitlab or gitea/);
    expect(() => backendFromEnv({ CMS_BACKEND: 'github' })).toThrow(/needs CMS_REPO/);
  });
});

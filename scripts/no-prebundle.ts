// `astro build` syncs content through a Vite dev server, and that server pre-bundles dependencies
// for pages nobody will request from it: Astro's dev toolbar (client) and every Prism language the
// Cloudflare adapter lists for workerd (ssr). The build itself bundles with Rolldown and never reads
// them. Pre-bundling off for builds only: `astro dev` keeps it (its browser and workerd need it).
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';

export function noPrebundle(): AstroIntegration {
  return {
    name: 'baoxiu:no-prebundle',
    hooks: {
      'astro:config:setup': ({ command, updateConfig }) => {
        if (command !== 'build') return;
        const plugin: Plugin = {
          name: 'baoxiu:no-prebundle',
          enforce: 'post',
          // After the adapter's own (its Prism list): a returned config would be merged with it, and
          // lists merge by concatenation, so the options are changed in place.
          configEnvironment(_name, options) {
            options.optimizeDeps = { ...options.optimizeDeps, noDiscovery: true, include: [] };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}

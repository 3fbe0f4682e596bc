import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-node';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

// Kit 3 reads its options here (a svelte.config.js file is refused at start-up), so the
// Svelte compiler options live here too.
export default defineConfig({
  plugins: [
    sveltekit({
      adapter: adapter(),
      compilerOptions: { runes: true },
      // Origin checks of form posts are done in hooks.server.ts (src/lib/server/csrf.ts),
      // which can exempt RFC 8058's one-click unsubscribe; kit's own check cannot.
      csrf: { trustedOrigins: ['*'] },
      csp: {
        // Kit adds a nonce to the one inline script it writes; nothing else may run.
        mode: 'auto',
        directives: {
          'default-src': ['self'],
          'script-src': ['self'],
          // Kit's route announcer (a visually hidden live region it adds after hydrating)
          // carries one inline style attribute: allow exactly that one, by its hash.
          'style-src': [
            'self',
            'unsafe-hashes',
            'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='
          ],
          'img-src': ['self', 'data:'],
          'font-src': ['self'],
          'connect-src': ['self'],
          'form-action': ['self'],
          'frame-ancestors': ['none'],
          'base-uri': ['self'],
          'object-src': ['none']
        }
      }
    })
  ],
  resolve: {
    alias: {
      // Sass points $govuk-assets-path here, so Vite fingerprints GOV.UK Frontend's assets.
      '@govuk-assets': fileURLToPath(
        new URL('./node_modules/govuk-frontend/dist/govuk/assets', import.meta.url)
      )
    }
  },
  css: {
    preprocessorOptions: {
      scss: {
        // govuk-frontend is a dependency we do not edit; its own deprecations are not ours.
        quietDeps: true
      }
    },
    // govuk-frontend 6.6 still ships an old IE media-query hack that lightningcss rejects.
    lightningcss: { errorRecovery: true }
  }
});

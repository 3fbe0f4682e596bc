import { defineEnvVars } from '@sveltejs/kit/env';
import { z } from 'zod';

// The well-known anon key of `supabase start` (and of the embedded stack), copied from
// stack/keys.ts: the app must run without the stack's code, e.g. against hosted Supabase.
const LOCAL_ANON_KEY =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';

export const variables = defineEnvVars({
  SUPABASE_URL: {
    description: 'Base URL of the Supabase API (the embedded stack, `supabase start` or hosted).',
    schema: z.url().default('http://127.0.0.1:54321')
  },
  SUPABASE_ANON_KEY: {
    description: 'The anon (publishable) key. Row Level Security decides what it can do.',
    schema: z.string().min(1).default(LOCAL_ANON_KEY)
  },
  SITE_NAME: {
    description: 'The name shown in the header, page titles and emails.',
    schema: z.string().min(1).default('Network Hub')
  },
  SITE_URL: {
    description:
      'The hub’s public URL (e.g. https://hub.example.org): canonical links, link previews, feeds and data files use it. Unset, the origin of each request is used.',
    schema: z.url().optional()
  },
  FEEDBACK_URL: {
    description: 'Where the phase banner’s feedback link goes.',
    schema: z.string().min(1).default('/feedback')
  }
});

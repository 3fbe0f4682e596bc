import { redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

// The old name of /data, linked from earlier footers and elsewhere: moved for good.
export const GET: RequestHandler = () => redirect(308, '/data');

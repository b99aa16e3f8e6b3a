// A browser's form post (Accept: text/html) is answered with a page or a 303 to one; a script or
// another client gets JSON. One test for the inbox's handlers and the progress look-up.
import type { Context } from 'hono';

export const wantsPage = (c: Context) => /text\/html/.test(c.req.header('accept') ?? '');

// /search-traditional.json: traditional forms of the characters place names have (廣 → 广, 瀋 → 沈),
// which the search worker fetches only for a query that found nothing as typed (src/lib/traditional.ts).
import type { APIRoute } from 'astro';
import forms from '../lib/traditional-forms.json' with { type: 'json' };

export const GET: APIRoute = () => new Response(JSON.stringify(forms), { headers: { 'content-type': 'application/json' } });

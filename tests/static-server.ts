// A static file server for a built site folder, for tests that need only the pages and search.
// With `cdn: true` it answers as the site's CDN would — HTTP/2 over TLS (a throwaway self-signed
// certificate; launch Chromium with --ignore-certificate-errors) and brotli or gzip for text types —
// so the benchmark's bytes and times are what a phone gets from production, not from a dev server.
// Like an edge cache, it answers each file whole from memory, compressed once: a response streamed
// from disk sent its headers first and its body a file-system round trip later (~2 ms more per small
// file in Chromium's resource timing here), a delay a CDN's cached answer does not have.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import { tmpdir } from 'node:os';
import { join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { lookup } from 'mrmime';

export interface Served {
  url: string;
  server: { close(): void };
}

/** What Cloudflare compresses: text, JSON, JavaScript, SVG (not images or Pagefind's own gzip files). */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json|xml)|image\/svg\+xml)/;

export function serve(root: string, { cdn = false } = {}): Promise<Served> {
  /** Each file's bytes as sent, by encoding: read (and compressed) on its first request. */
  const cache = new Map<string, Buffer>();
  const handle = (req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    const type = lookup(file) ?? 'application/octet-stream';
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = cdn && COMPRESSIBLE.test(type) ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : '') : '';
    const key = `${encoding}:${file}`;
    let body = cache.get(key);
    if (!body) {
      const raw = readFileSync(file);
      body =
        encoding === 'br'
          ? /* a CDN's on-the-fly level; 11 would take longer than the transfer */ brotliCompressSync(raw, {
              params: { [constants.BROTLI_PARAM_QUALITY]: 5 },
            })
          : encoding === 'gzip'
            ? gzipSync(raw)
            : raw;
      cache.set(key, body);
    }
    res.setHeader('content-type', type);
    if (encoding) {
      res.setHeader('content-encoding', encoding);
      res.setHeader('vary', 'accept-encoding');
    }
    res.end(body);
  };
  const server = cdn ? createSecureServer({ ...certificate(), allowHTTP1: true }, handle) : createServer(handle);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ url: `${cdn ? 'https' : 'http'}://127.0.0.1:${port}`, server });
    }),
  );
}

/** A self-signed certificate for 127.0.0.1, made with Debian's openssl and thrown away. */
function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'baoxiu-cert-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

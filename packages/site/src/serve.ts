/**
 * A small static file server for previewing the built site on 127.0.0.1 (not for production: any
 * static host serves dist/ as is).
 *
 *   pnpm site:preview [--port 4173] [--dir packages/site/dist]     (or PORT=…)
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export interface RunningServer {
  server: Server;
  port: number;
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

async function fileAt(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

/** Serve `root` on host:port (port 0 = any free port). Directories serve their index.html; unknown paths get 404.html. */
export function startServer(options: { root: string; port?: number; host?: string }): Promise<RunningServer> {
  const root = path.resolve(options.root);
  const host = options.host ?? "127.0.0.1";

  const server = createServer(async (req, res) => {
    const send = async (status: number, file: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, {
        "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "cache-control": "no-cache",
        "x-content-type-options": "nosniff",
        ...headers,
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    };
    const notFound = async () => {
      const page = path.join(root, "404.html");
      if (await fileAt(page)) return send(404, page);
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    };

    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    // Resolve inside root only: `..` segments and encoded slashes must not escape it.
    const file = path.join(root, path.normalize(pathname));
    if (file !== root && !file.startsWith(root + path.sep)) return notFound();

    const info = await fileAt(file);
    if (info?.isDirectory()) {
      // Pages link relatively, so a directory must be addressed with its trailing slash.
      if (!pathname.endsWith("/")) {
        const query = req.url?.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
        res.writeHead(301, { location: `${encodeURI(pathname)}/${query}` }).end();
        return;
      }
      const index = path.join(file, "index.html");
      return (await fileAt(index)) ? send(200, index) : notFound();
    }
    return info?.isFile() ? send(200, file) : notFound();
  });

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        port,
        url: `http://${host}:${port}/`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const args = process.argv.slice(2);
  const port = Number(flag(args, "--port") ?? process.env.PORT ?? 4173);
  const root = path.resolve(flag(args, "--dir") ?? fileURLToPath(new URL("../dist", import.meta.url)));
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${flag(args, "--port") ?? process.env.PORT}`);
    process.exit(2);
  }
  if (!(await fileAt(path.join(root, "index.html")))) {
    console.error(`no site in ${root}: run \`pnpm site:build\` first`);
    process.exit(1);
  }
  const running = await startServer({ root, port });
  console.log(`errsig site: ${running.url}  (serving ${path.relative(process.cwd(), root) || "."}; Ctrl+C stops)`);
}

// restify's own modules, loaded without its index (see restifyServer in server.ts).
declare module 'restify/lib/router' {
  const Router: new (options: object) => object;
  export = Router;
}
declare module 'restify/lib/server' {
  import type { Server } from 'restify';
  const RestifyServer: new (options: object) => Server;
  export = RestifyServer;
}

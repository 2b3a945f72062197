// A strict-mode OCPP 1.6J relay built on ocpp-rpc: a charge point (our own simulator) connects here, and every
// message it exchanges with the console is passed on through ocpp-rpc's own server and client, each checking it
// against the OCPP 1.6 schemas — so our simulator goes through the same runs as an independent charge point, with
// an independent judge of every message. Prints one JSON object per line:
//   {"event":"listening","port":N} | {"event":"relayed","from":"pile"|"console","method":...} | {"event":"strict",...}
'use strict';
const { RPCServer, RPCClient } = require('ocpp-rpc');

const [consoleEndpoint] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');
const strict = (where) => (e) => out({ event: 'strict', where, outbound: e.outbound, isCall: e.isCall, message: String(e.error?.message ?? e.error) });

const server = new RPCServer({ protocols: ['ocpp1.6'], strictMode: true });
server.auth((accept, reject, handshake) => accept({ password: handshake.password }));

server.on('client', async (pile) => {
  pile.on('strictValidationFailure', strict('pile-side'));
  const upstream = new RPCClient({
    endpoint: consoleEndpoint, identity: pile.identity, password: pile.session.password ?? undefined,
    protocols: ['ocpp1.6'], strictMode: true, reconnect: false, callTimeoutMs: 20000,
  });
  upstream.on('strictValidationFailure', strict('console-side'));
  upstream.handle(async ({ method, params }) => {
    out({ event: 'relayed', from: 'console', method, params });
    return await pile.call(method, params);
  });
  pile.handle(async ({ method, params }) => {
    out({ event: 'relayed', from: 'pile', method, params });
    return await upstream.call(method, params);
  });
  pile.on('close', () => upstream.close({ force: true }).catch(() => {}));
  upstream.on('close', () => pile.close({ force: true }).catch(() => {}));
  try {
    await upstream.connect();
  } catch (e) {
    out({ event: 'upstreamFailed', message: String(e.message) });
    await pile.close({ code: 1011, force: true });
  }
});

server.listen(0, '127.0.0.1').then((http) => out({ event: 'listening', port: http.address().port }));

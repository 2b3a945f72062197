// An OCPP 1.6J charge point built on ocpp-rpc in strict mode: every message either way is checked against the
// OCPP 1.6 JSON schemas ocpp-rpc ships. The C# test drives it over stdin/stdout, one JSON object per line:
//   in:  {"op":"call","id":"x","method":"Authorize","params":{...}}   -> out {"event":"result"|"error","id":"x",...}
//   in:  {"op":"answer","method":"Reset","result":{"status":"Rejected"}} (the answer to the console's next Reset)
//   in:  {"op":"close"}
//   out: {"event":"open"} | {"event":"call","method":...,"params":...,"answered":...} | {"event":"strict",...} | {"event":"closed"}
// The console's CALLs are answered as a plain charge point would; it keeps its configuration and local list.
'use strict';
const readline = require('readline');
const { RPCClient, createRPCError } = require('ocpp-rpc');

const [endpoint, identity, password] = process.argv.slice(2);
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n');

const config = new Map([
  ['HeartbeatInterval', { value: '60', readonly: false }],
  ['MeterValueSampleInterval', { value: '60', readonly: false }],
  ['LocalAuthListEnabled', { value: 'true', readonly: false }],
  ['LocalAuthListMaxLength', { value: '1000', readonly: true }],
  ['SendLocalListMaxLength', { value: '1000', readonly: true }],
  ['NumberOfConnectors', { value: '2', readonly: true }],
]);
let localList = { version: 0, cards: [] };
const scripted = new Map(); // method -> queue of answers the test asked for

const defaults = {
  RemoteStartTransaction: () => ({ status: 'Accepted' }),
  RemoteStopTransaction: () => ({ status: 'Accepted' }),
  Reset: () => ({ status: 'Accepted' }),
  UnlockConnector: () => ({ status: 'Unlocked' }),
  ChangeAvailability: () => ({ status: 'Accepted' }),
  ClearCache: () => ({ status: 'Accepted' }),
  TriggerMessage: () => ({ status: 'Accepted' }),
  GetConfiguration: ({ key }) => {
    const keys = key ?? [...config.keys()];
    return {
      configurationKey: keys.filter(k => config.has(k)).map(k => ({ key: k, readonly: config.get(k).readonly, value: config.get(k).value })),
      unknownKey: keys.filter(k => !config.has(k)),
    };
  },
  ChangeConfiguration: ({ key, value }) => {
    const entry = config.get(key);
    if (!entry) return { status: 'NotSupported' };
    if (entry.readonly) return { status: 'Rejected' };
    entry.value = value;
    return { status: 'Accepted' };
  },
  SendLocalList: ({ listVersion, updateType, localAuthorizationList }) => {
    const cards = (localAuthorizationList ?? []).filter(e => e.idTagInfo?.status === 'Accepted').map(e => e.idTag);
    if (updateType === 'Full') localList = { version: listVersion, cards };
    else localList = { version: listVersion, cards: [...new Set([...localList.cards, ...cards])] };
    return { status: 'Accepted' };
  },
  GetLocalListVersion: () => ({ listVersion: localList.version }),
  ReserveNow: () => ({ status: 'Accepted' }),
  CancelReservation: () => ({ status: 'Accepted' }),
  SetChargingProfile: () => ({ status: 'Accepted' }),
  ClearChargingProfile: () => ({ status: 'Accepted' }),
  GetCompositeSchedule: ({ connectorId }) => ({ status: 'Accepted', connectorId }),
  UpdateFirmware: () => ({}),
  GetDiagnostics: () => ({ fileName: 'diagnostics.log' }),
};

const client = new RPCClient({
  endpoint, identity, password: password && password !== '-' ? password : undefined,
  protocols: ['ocpp1.6'], strictMode: true, reconnect: false, callTimeoutMs: 20000,
});

client.on('strictValidationFailure', (e) => out({ event: 'strict', outbound: e.outbound, isCall: e.isCall, message: String(e.error?.message ?? e.error), details: e.error?.details ?? null }));
client.on('badMessage', (e) => out({ event: 'badMessage', message: String(e.error?.message ?? e.error) }));
let opened = false;
client.on('close', (e) => { if (!opened) return; out({ event: 'closed', code: e.code }); process.exit(0); });

client.handle(({ method, params }) => {
  const queue = scripted.get(method);
  const make = queue && queue.length ? (() => queue.shift()) : defaults[method];
  if (!make) {
    out({ event: 'call', method, params, answered: 'NotImplemented' });
    throw createRPCError('NotImplemented');
  }
  const answer = make(params);
  out({ event: 'call', method, params, answered: answer, localList });
  return answer;
});

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  if (!line.trim()) return;
  const cmd = JSON.parse(line);
  if (cmd.op === 'answer') {
    if (!scripted.has(cmd.method)) scripted.set(cmd.method, []);
    scripted.get(cmd.method).push(cmd.result);
  } else if (cmd.op === 'close') {
    await client.close({ code: 1000 });
  } else if (cmd.op === 'call') {
    try {
      out({ event: 'result', id: cmd.id, result: await client.call(cmd.method, cmd.params) });
    } catch (e) {
      out({ event: 'error', id: cmd.id, code: e.rpcErrorCode ?? null, message: String(e.message) });
    }
  }
});

client.connect().then(() => { opened = true; out({ event: 'open', protocol: client.protocol }); }, (e) => {
  // ocpp-rpc puts the refusal's HTTP status in the error's code
  out({ event: 'connectFailed', message: String(e.message), status: typeof e.code === 'number' ? e.code : null });
  process.exit(0);
});

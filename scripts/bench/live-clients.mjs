// Child process of `npm run bench` (stages 3 and 4): socket.io clients on Sigap's `/live`
// namespace, like dashboards. It records when each client received each expected mention, with
// the same clock as the parent (performance.timeOrigin + performance.now()).
//
// parent → { type: 'connect', baseUrl, token, clients }     child → { type: 'connected', clients }
// parent → { type: 'expect', idPrefix, count }              child → { type: 'expecting' }
//          (records receipts of `${idPrefix}-<i>`, 0 ≤ i < count; other mentions are ignored)
//          child → { type: 'complete', at } once every client holds all `count`
// parent → { type: 'collect' }   child → { type: 'data', clients: [{ times: Float64Array, duplicates, outOfOrder, disconnects }] }
// parent → { type: 'close' }     the child disconnects and exits
import { io } from 'socket.io-client';
import { now } from './stats.mjs';

const sockets = [];
let tracking = null;

function connectOne(baseUrl, token, index) {
  return new Promise((resolve, reject) => {
    const state = { index, lastSeq: 0, disconnects: 0, helloSeq: null };
    const socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, timeout: 20_000 });
    const timer = setTimeout(() => reject(new Error(`client ${index}: no hello within 20 s`)), 20_000);
    socket.on('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`client ${index}: ${error.message}`));
    });
    socket.on('hello', (hello) => {
      state.helloSeq = hello.seq;
      state.lastSeq = hello.seq;
      clearTimeout(timer);
      resolve({ socket, state });
    });
    socket.on('disconnect', () => (state.disconnects += 1));
    socket.on('mentions', (batch) => onBatch(state, batch, now()));
  });
}

function onBatch(state, batch, at) {
  for (const mention of batch) {
    if (mention.seq <= state.lastSeq) state.outOfOrder = (state.outOfOrder ?? 0) + 1;
    state.lastSeq = Math.max(state.lastSeq, mention.seq);
  }
  if (!tracking) return;
  const mine = tracking.clients[state.index];
  const prefix = tracking.marker;
  for (const mention of batch) {
    const id = mention.externalId;
    if (!id.startsWith(prefix)) continue;
    const i = Number(id.slice(prefix.length));
    if (!Number.isInteger(i) || i < 0 || i >= tracking.count) continue;
    if (Number.isNaN(mine.times[i])) {
      mine.times[i] = at;
      mine.received += 1;
    } else {
      mine.duplicates += 1;
    }
  }
  if (!tracking.completeSent && tracking.clients.every((client) => client.received === tracking.count)) {
    tracking.completeSent = true;
    process.send({ type: 'complete', at });
  }
}

process.on('message', (message) => {
  switch (message?.type) {
    case 'connect': {
      const { baseUrl, token, clients } = message;
      Promise.all(Array.from({ length: clients }, (_, index) => connectOne(baseUrl, token, index)))
        .then((connected) => {
          sockets.push(...connected);
          process.send({ type: 'connected', clients: sockets.length });
        })
        .catch((error) => process.send({ type: 'error', message: error.message }));
      break;
    }
    case 'expect':
      tracking = {
        marker: `${message.idPrefix}-`,
        count: message.count,
        completeSent: false,
        clients: sockets.map(() => ({ times: new Float64Array(message.count).fill(NaN), received: 0, duplicates: 0 })),
      };
      process.send({ type: 'expecting' });
      break;
    case 'collect':
      process.send({
        type: 'data',
        clients: sockets.map(({ state }, index) => ({
          times: tracking?.clients[index].times ?? new Float64Array(0),
          received: tracking?.clients[index].received ?? 0,
          duplicates: tracking?.clients[index].duplicates ?? 0,
          outOfOrder: state.outOfOrder ?? 0,
          disconnects: state.disconnects,
        })),
      });
      break;
    case 'close':
      for (const { socket } of sockets) socket.disconnect();
      setTimeout(() => process.exit(0), 50);
      break;
    default:
      break;
  }
});
process.on('disconnect', () => process.exit(0));

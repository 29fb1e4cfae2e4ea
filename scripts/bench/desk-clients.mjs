// Child process of the desk bench (scripts/bench-desk.mjs): socket.io clients on Sigap's `/live`
// namespace, one per admin (each with its own token, so each sits in its own OPD's room, as real
// dashboards do). It records when each client first heard, through `mentionUpdated`, that an
// expected mention is held by someone, with the same clock as the parent
// (performance.timeOrigin + performance.now()).
//
// parent → { type: 'connect', baseUrl, tokens: [string] }   child → { type: 'connected', clients }
// parent → { type: 'expect', ids: [uuid] }                   child → { type: 'expecting' }
//          child → { type: 'complete', at } once every client has heard of every id's claim
// parent → { type: 'collect' }   child → { type: 'data', clients: [{ times: Float64Array, received, repeats, disconnects }] }
// parent → { type: 'close' }     the child disconnects and exits
import { io } from 'socket.io-client';
import { now } from './stats.mjs';

const sockets = [];
let tracking = null;

function connectOne(baseUrl, token, index) {
  return new Promise((resolve, reject) => {
    const state = { index, disconnects: 0 };
    const socket = io(`${baseUrl}/live`, { auth: { token }, transports: ['websocket'], reconnection: false, timeout: 20_000 });
    const timer = setTimeout(() => reject(new Error(`client ${index}: no hello within 20 s`)), 20_000);
    socket.on('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`client ${index}: ${error.message}`));
    });
    socket.on('hello', () => {
      clearTimeout(timer);
      resolve({ socket, state });
    });
    socket.on('disconnect', () => (state.disconnects += 1));
    socket.on('mentionUpdated', (update) => onUpdate(state, update, now()));
  });
}

function onUpdate(state, update, at) {
  if (!tracking || !update?.claimedBy) return;
  const i = tracking.indexOf.get(update.id);
  if (i === undefined) return;
  const mine = tracking.clients[state.index];
  if (Number.isNaN(mine.times[i])) {
    mine.times[i] = at;
    mine.received += 1;
  } else {
    // Later updates of the same mention (e.g. a contended round's refused claims change nothing, so none are expected).
    mine.repeats += 1;
  }
  if (!tracking.completeSent && tracking.clients.every((client) => client.received === tracking.count)) {
    tracking.completeSent = true;
    process.send({ type: 'complete', at });
  }
}

process.on('message', (message) => {
  switch (message?.type) {
    case 'connect': {
      const { baseUrl, tokens } = message;
      Promise.all(tokens.map((token, index) => connectOne(baseUrl, token, index)))
        .then((connected) => {
          sockets.push(...connected);
          process.send({ type: 'connected', clients: sockets.length });
        })
        .catch((error) => process.send({ type: 'error', message: error.message }));
      break;
    }
    case 'expect':
      tracking = {
        indexOf: new Map(message.ids.map((id, i) => [id, i])),
        count: message.ids.length,
        completeSent: false,
        clients: sockets.map(() => ({ times: new Float64Array(message.ids.length).fill(NaN), received: 0, repeats: 0 })),
      };
      process.send({ type: 'expecting' });
      break;
    case 'collect':
      process.send({
        type: 'data',
        clients: sockets.map(({ state }, index) => ({
          times: tracking?.clients[index].times ?? new Float64Array(0),
          received: tracking?.clients[index].received ?? 0,
          repeats: tracking?.clients[index].repeats ?? 0,
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

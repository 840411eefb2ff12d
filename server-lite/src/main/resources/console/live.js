// One EventSource per open console: a snapshot, then changes as they happen (no polling).
// Pages subscribe to event types; the header shows whether the feed is connected.

const listeners = new Map();
let source = null;

export function on(type, fn) {
  if (!listeners.has(type)) listeners.set(type, new Set());
  listeners.get(type).add(fn);
  return () => listeners.get(type).delete(fn);
}

function emit(type, data) {
  for (const key of [type, type.split('.')[0] + '.*', '*']) {
    for (const fn of listeners.get(key) || []) {
      try { fn(data, type); } catch (e) { console.error('live listener failed', e); }
    }
  }
}

const TYPES = ['device.enrolled', 'device.enabled', 'device.disabled', 'device.revoked', 'device.deleted',
  'key.created', 'key.revoked', 'policy.created', 'policy.updated', 'policy.deleted',
  'headend.up', 'headend.down', 'session.up', 'session.down', 'session.stats', 'wan.up', 'wan.degraded', 'wan.down'];

export function connect(status) {
  disconnect();
  source = new EventSource('/api/v1/events');
  source.addEventListener('open', () => status('live', 'Live updates on'));
  source.addEventListener('error', () => {
    if (source && source.readyState === EventSource.CLOSED) {
      status('off', 'Live updates off');
      window.dispatchEvent(new CustomEvent('braid:check-session'));
    } else {
      status('retry', 'Reconnecting…');
    }
  });
  source.addEventListener('snapshot', (e) => emit('snapshot', JSON.parse(e.data)));
  source.addEventListener('signed-out', () => {
    disconnect();
    window.dispatchEvent(new CustomEvent('braid:signed-out'));
  });
  for (const type of TYPES) {
    source.addEventListener(type, (e) => emit(type, JSON.parse(e.data)));
  }
}

export function disconnect() {
  if (source) source.close();
  source = null;
}

// Preload that keeps a Node process on this machine: `node --import ./tests/browser/no-outbound.mjs …` (or
// the same in NODE_OPTIONS, which child Node processes inherit). Every TCP connection, DNS query and UDP
// datagram the process tries towards anything but loopback is refused and recorded: a line on stderr and,
// when DECK_OUTBOUND_LOG names a file, a line appended to it. The remote test runs `npm run present:remote`
// under it and expects no line.
import dgram from 'node:dgram'
import dns from 'node:dns'
import { appendFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'
import process from 'node:process'

const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|::1|::ffff:127(?:\.\d{1,3}){3})$/i

/**
 * Records and returns the error to refuse with, unless `host` is loopback (`always` for DNS queries, which go to
 * the configured name server whatever the name).
 * @param {string} what @param {unknown} host @param {boolean} [always]
 */
function refusal(what, host, always = false) {
  const name = String(host ?? 'localhost').replace(/^\[(.*)\]$/, '$1')
  // A lookup of an address (Vite looks up 0.0.0.0 and ::) answers itself, with no query.
  if (!always && (LOOPBACK.test(name) || (what === 'dns.lookup' && net.isIP(name))))
    return undefined
  const line = `${what} ${name} (pid ${process.pid})`
  if (process.env.DECK_OUTBOUND_LOG)
    appendFileSync(process.env.DECK_OUTBOUND_LOG, `${line}\n`)
  process.stderr.write(`[no-outbound] refused ${line}\n`)
  return Object.assign(new Error(`no-outbound refused ${line}`), { code: 'ECONNREFUSED' })
}

/** @param {unknown[]} args @param {Error} error */
function failLater(args, error) {
  const callback = args.at(-1)
  if (typeof callback === 'function')
    process.nextTick(callback, error)
}

/** @param {Record<string, unknown>} target @param {(name: string) => boolean} pick @param {boolean} promises */
function refuseQueries(target, pick, promises) {
  for (const name of Object.getOwnPropertyNames(target).filter(pick)) {
    const original = /** @type {(...args: unknown[]) => unknown} */ (target[name])
    target[name] = /** @this {unknown} @param {unknown[]} args */ function (...args) {
      const error = refusal(`dns.${name}`, args[0], !name.startsWith('lookup'))
      if (!error)
        return original.apply(this, args)
      if (promises)
        return Promise.reject(error)
      failLater(args, error)
      return {}
    }
  }
}

const isQuery = (/** @type {string} */ name) => /^(?:lookup(?:Service)?$|resolve|reverse)/.test(name)
refuseQueries(/** @type {never} */ (dns), isQuery, false)
refuseQueries(/** @type {never} */ (dns.promises), isQuery, true)
refuseQueries(/** @type {never} */ (dns.Resolver.prototype), isQuery, false)
refuseQueries(/** @type {never} */ (dns.promises.Resolver.prototype), isQuery, true)

const connect = net.Socket.prototype.connect
/** @this {net.Socket} @param {unknown[]} args */
function guardedConnect(...args) {
  // net.connect() passes its arguments already normalised, as an array whose first item is the options.
  const first = /** @type {unknown} */ (Array.isArray(args[0]) ? args[0][0] : args[0])
  const options = /** @type {{ path?: string, host?: string }} */ (first)
  const host = typeof first === 'object' && first !== null
    ? (options.path ? 'localhost' : options.host)
    : /^\d+$/.test(String(first)) ? (typeof args[1] === 'string' ? args[1] : 'localhost') : 'localhost'
  const error = refusal('connect', host)
  if (!error)
    return connect.apply(this, /** @type {never} */ (args))
  process.nextTick(() => this.destroy(error))
  return this
}
net.Socket.prototype.connect = /** @type {typeof connect} */ (/** @type {unknown} */ (guardedConnect))

const send = dgram.Socket.prototype.send
/** @this {dgram.Socket} @param {unknown[]} args */
function guardedSend(...args) {
  let host = args.slice(1).find(a => typeof a === 'string')
  if (host === undefined) {
    try {
      host = this.remoteAddress().address
    }
    catch {}
  }
  const error = refusal('udp', host)
  if (!error)
    return send.apply(this, /** @type {never} */ (args))
  if (typeof args.at(-1) === 'function')
    failLater(args, error)
  else
    process.nextTick(() => this.emit('error', error))
}
dgram.Socket.prototype.send = /** @type {typeof send} */ (/** @type {unknown} */ (guardedSend))

syncBuiltinESMExports()

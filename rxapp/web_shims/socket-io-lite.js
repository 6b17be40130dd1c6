// Stands in for socket.io-client (see rxapp/build_plugin.py): the Socket.IO v5 / Engine.IO v4 protocol over
// one WebSocket, which is all Reflex uses (its transport setting is "websocket"; uploads go over HTTP).
// It keeps the names state.js reaches into: io.open(cb), io.opts.query/transports, io.encoder.encode and
// .replacer, io.decoder.tryParse, io.engine.transport.name and ._maxPayload, socket.auth/connect/disconnect/
// emit/on/off/connected and the emitter's _callbacks. No polling, no binary attachments, no reconnection of
// its own (Reflex turns it off and reconnects itself). tests/browser/test_socket_lite.py checks it against the
// portal's backend; the same events reach state.js as with socket.io-client.
var CONNECT = 0, DISCONNECT = 1, EVENT = 2, ACK = 3, CONNECT_ERROR = 4;
var RESERVED = { connect: 1, connect_error: 1, disconnect: 1, disconnecting: 1, newListener: 1, removeListener: 1 };
var OPEN_TIMEOUT_MS = 20000;

function Emitter() {}
Emitter.prototype.on = function (name, fn) {
  this._callbacks = this._callbacks || {};
  (this._callbacks["$" + name] = this._callbacks["$" + name] || []).push(fn);
  return this;
};
Emitter.prototype.off = function (name, fn) {
  if (!this._callbacks) return this;
  if (name === undefined) { this._callbacks = {}; return this; }
  var list = this._callbacks["$" + name];
  if (!list) return this;
  if (fn === undefined) { delete this._callbacks["$" + name]; return this; }
  var at = list.indexOf(fn);
  if (at >= 0) list.splice(at, 1);
  return this;
};
Emitter.prototype.emitReserved = function (name) {
  var list = this._callbacks && this._callbacks["$" + name];
  if (!list) return this;
  var args = Array.prototype.slice.call(arguments, 1);
  list.slice().forEach(function (fn) { fn.apply(this, args); }, this);
  return this;
};
function inherit(Child) { Child.prototype = Object.create(Emitter.prototype); Child.prototype.constructor = Child; }

// Socket.IO packets as text: type, "/nsp," unless the main namespace, ack id, JSON payload.
function Encoder() { this.replacer = undefined; }
Encoder.prototype.encode = function (packet) {
  var text = String(packet.type);
  if (packet.nsp && packet.nsp !== "/") text += packet.nsp + ",";
  if (packet.id !== undefined && packet.id !== null) text += packet.id;
  if (packet.data !== undefined) text += JSON.stringify(packet.data, this.replacer);
  return [text];
};

function Decoder() {}
Decoder.prototype.tryParse = function (text) {
  try { return JSON.parse(text); } catch (e) { return false; }
};
Decoder.prototype.decode = function (text) {
  var packet = { type: Number(text.charAt(0)), nsp: "/" };
  var at = 1;
  if (text.charAt(at) === "/") {
    var comma = text.indexOf(",", at);
    packet.nsp = text.slice(at, comma < 0 ? text.length : comma);
    at = comma < 0 ? text.length : comma + 1;
  }
  var digits = /^\d*/.exec(text.slice(at))[0];
  if (digits) { packet.id = Number(digits); at += digits.length; }
  if (at < text.length) {
    var data = this.tryParse(text.slice(at));
    if (data === false) return null;
    packet.data = data;
  }
  return packet;
};

function Manager(uri, opts) {
  this.uri = uri;
  this.opts = opts;
  this.encoder = new Encoder();
  this.decoder = new Decoder();
  this.engine = null;
  this._readyState = "closed";
  this._sockets = [];
  this._openCallback = null;
}
inherit(Manager);

Manager.prototype._url = function () {
  var url = new URL(this.uri);
  if (url.protocol === "http:") url.protocol = "ws:";
  if (url.protocol === "https:") url.protocol = "wss:";
  url.pathname = (this.opts.path || "/socket.io").replace(/\/$/, "") + "/";
  var query = this.opts.query || {};
  var params = new URLSearchParams();
  Object.keys(query).forEach(function (key) { params.append(key, query[key]); });
  params.append("EIO", "4");
  params.append("transport", "websocket");
  url.search = params.toString();
  url.hash = "";
  return url.href;
};

Manager.prototype.open = function (callback) {
  if (this._readyState !== "closed") return this;
  var self = this;
  this._readyState = "opening";
  this._openCallback = callback || null;
  var ws;
  try {
    ws = new WebSocket(this._url(), this.opts.protocols);
  } catch (error) {
    this._openFailed(error);
    return this;
  }
  this.engine = { transport: { name: "websocket" }, _maxPayload: 1000000, ws: ws };
  this._openTimer = setTimeout(function () { self._openFailed(new Error("timeout")); }, OPEN_TIMEOUT_MS);
  ws.onmessage = function (message) { if (self.engine && self.engine.ws === ws) self._onFrame(String(message.data)); };
  ws.onerror = function () {
    if (self.engine && self.engine.ws === ws && self._readyState === "opening") self._openFailed(new Error("websocket error"));
  };
  ws.onclose = function () {
    if (!self.engine || self.engine.ws !== ws) return;
    if (self._readyState === "opening") self._openFailed(new Error("websocket closed"));
    else self._onClose("transport close");
  };
  this._offline = function () { self._onClose("transport close"); };
  if (typeof addEventListener === "function") addEventListener("offline", this._offline, false);
  return this;
};

Manager.prototype._cleanup = function () {
  clearTimeout(this._openTimer);
  clearTimeout(this._pingTimer);
  if (this._offline && typeof removeEventListener === "function") removeEventListener("offline", this._offline, false);
  this._offline = null;
  var engine = this.engine;
  this.engine = null;
  this._readyState = "closed";
  if (engine) {
    engine.ws.onmessage = engine.ws.onerror = engine.ws.onclose = null;
    try { engine.ws.close(); } catch (e) { /* already closed */ }
  }
};

Manager.prototype._openFailed = function (error) {
  var callback = this._openCallback;
  this._openCallback = null;
  this._cleanup();
  this._sockets.slice().forEach(function (socket) { if (!socket.connected) socket.emitReserved("connect_error", error); });
  if (callback) callback(error);
};

Manager.prototype._onClose = function (reason) {
  if (this._readyState === "closed") return;
  this._cleanup();
  this._sockets.slice().forEach(function (socket) { socket._onClose(reason); });
};

Manager.prototype._resetPing = function () {
  var self = this;
  clearTimeout(this._pingTimer);
  var handshake = this._handshake;
  this._pingTimer = setTimeout(function () { self._onClose("ping timeout"); },
    handshake.pingInterval + handshake.pingTimeout);
};

Manager.prototype._onFrame = function (frame) {
  var type = frame.charAt(0);
  if (type === "0") {
    this._handshake = JSON.parse(frame.slice(1));
    this.engine._maxPayload = this._handshake.maxPayload;
    this.engine.id = this._handshake.sid;
    clearTimeout(this._openTimer);
    this._readyState = "open";
    this._resetPing();
    var callback = this._openCallback;
    this._openCallback = null;
    this._sockets.slice().forEach(function (socket) { socket._sendConnect(); });
    if (callback) callback();
  } else if (type === "2") {
    this._resetPing();
    this._write("3" + frame.slice(1));
  } else if (type === "1") {
    this._onClose("transport close");
  } else if (type === "4") {
    var packet = this.decoder.decode(frame.slice(1));
    if (!packet) return;
    this._sockets.slice().forEach(function (socket) { if (socket.nsp === packet.nsp) socket._onPacket(packet); });
  }
};

Manager.prototype._write = function (frame) {
  if (this.engine && this._readyState === "open") this.engine.ws.send(frame);
};

Manager.prototype._packet = function (packet) {
  var self = this;
  this.encoder.encode(packet).forEach(function (text) { self._write("4" + text); });
};

Manager.prototype._attach = function (socket) {
  if (this._sockets.indexOf(socket) < 0) this._sockets.push(socket);
};

Manager.prototype._detach = function (socket) {
  var at = this._sockets.indexOf(socket);
  if (at >= 0) this._sockets.splice(at, 1);
  if (!this._sockets.length) this._onCloseQuietly();
};

// The last socket left: close the transport without telling the (already detached) sockets.
Manager.prototype._onCloseQuietly = function () {
  this._openCallback = null;
  this._cleanup();
};

function Socket(manager, nsp, opts) {
  this.io = manager;
  this.nsp = nsp;
  this.auth = opts && opts.auth;
  this.connected = false;
  this._active = false;
  this._sendBuffer = [];
  this._acks = {};
  this._ids = 0;
}
inherit(Socket);

Object.defineProperty(Socket.prototype, "active", { get: function () { return this._active; } });
Object.defineProperty(Socket.prototype, "disconnected", { get: function () { return !this.connected; } });

Socket.prototype.connect = function () {
  if (this.connected) return this;
  this._active = true;
  this.io._attach(this);
  if (this.io._readyState === "open") this._sendConnect();
  else this.io.open();
  return this;
};
Socket.prototype.open = Socket.prototype.connect;

Socket.prototype._sendConnect = function () {
  var self = this;
  if (typeof this.auth === "function") {
    this.auth(function (data) { self.io._packet({ type: CONNECT, nsp: self.nsp, data: data }); });
  } else {
    this.io._packet({ type: CONNECT, nsp: this.nsp, data: this.auth });
  }
};

Socket.prototype._onPacket = function (packet) {
  if (packet.type === CONNECT) {
    if (packet.data && packet.data.sid) {
      this.id = packet.data.sid;
      this.connected = true;
      var buffered = this._sendBuffer;
      this._sendBuffer = [];
      buffered.forEach(function (queued) { this.io._packet(queued); }, this);
      this.emitReserved("connect");
    } else {
      this.emitReserved("connect_error", new Error("It seems you are trying to reach a Socket.IO server in v2.x with a v3.x client, but they are not compatible"));
    }
  } else if (packet.type === EVENT) {
    var args = Array.isArray(packet.data) ? packet.data.slice() : [];
    if (packet.id !== undefined) args.push(this._ack(packet.id));
    if (this.connected && args.length) Emitter.prototype.emitReserved.apply(this, args);
  } else if (packet.type === ACK) {
    var ack = this._acks[packet.id];
    delete this._acks[packet.id];
    if (ack) ack.apply(this, packet.data || []);
  } else if (packet.type === DISCONNECT) {
    this._destroy();
    this._onClose("io server disconnect");
  } else if (packet.type === CONNECT_ERROR) {
    this._destroy();
    var error = new Error(packet.data && packet.data.message);
    error.data = packet.data && packet.data.data;
    this.emitReserved("connect_error", error);
  }
};

Socket.prototype._ack = function (id) {
  var self = this, sent = false;
  return function () {
    if (sent) return;
    sent = true;
    self.io._packet({ type: ACK, nsp: self.nsp, id: id, data: Array.prototype.slice.call(arguments) });
  };
};

Socket.prototype.emit = function (name) {
  if (RESERVED[name]) throw new Error('"' + name + '" is a reserved event name');
  var args = Array.prototype.slice.call(arguments);
  var packet = { type: EVENT, nsp: this.nsp, data: args };
  if (typeof args[args.length - 1] === "function") {
    packet.id = this._ids++;
    this._acks[packet.id] = args.pop();
  }
  if (this.connected) this.io._packet(packet);
  else this._sendBuffer.push(packet);
  return this;
};
Socket.prototype.send = function () {
  return this.emit.apply(this, ["message"].concat(Array.prototype.slice.call(arguments)));
};

Socket.prototype._destroy = function () {
  this._active = false;
  this.io._detach(this);
};

Socket.prototype._onClose = function (reason) {
  this.connected = false;
  delete this.id;
  this.emitReserved("disconnect", reason);
};

Socket.prototype.disconnect = function () {
  var wasConnected = this.connected;
  if (wasConnected) this.io._packet({ type: DISCONNECT, nsp: this.nsp });
  this._destroy();
  if (wasConnected) this._onClose("io client disconnect");
  return this;
};
Socket.prototype.close = Socket.prototype.disconnect;

export default function io(uri, opts) {
  var options = Object.assign({ path: "/socket.io" }, opts);
  var manager = new Manager(uri, options);
  var socket = new Socket(manager, new URL(uri).pathname.replace(/\/$/, "") || "/", options);
  if (options.autoConnect !== false) socket.connect();
  return socket;
}

export { io, Manager, Socket };

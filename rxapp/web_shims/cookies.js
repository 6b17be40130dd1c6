// Stands in for universal-cookie (see rxapp/build_plugin.py): the three calls Reflex's state.js makes
// (get with doNotParse, set, remove), with the cookie format of the `cookie` package universal-cookie uses.
function read() {
  var all = {};
  var text = typeof document === "undefined" ? "" : document.cookie;
  text.split(/;\s*/).forEach(function (pair) {
    var at = pair.indexOf("=");
    if (at < 1) return;
    var name = pair.slice(0, at).trim();
    var value = pair.slice(at + 1).trim();
    if (value.charAt(0) === '"') value = value.slice(1, -1);
    if (!(name in all)) {
      try { all[name] = decodeURIComponent(value); } catch (e) { all[name] = value; }
    }
  });
  return all;
}

function parsed(value, options) {
  if (options && options.doNotParse) return value;
  var first = value && value.charAt(0);
  if (first === "{" || first === "[") {
    try { return JSON.parse(value); } catch (e) { return value; }
  }
  return value;
}

export function serialize(name, value, options) {
  var text = typeof value === "string" ? value : JSON.stringify(value);
  var out = name + "=" + encodeURIComponent(text);
  var o = options || {};
  if (o.maxAge !== undefined && o.maxAge !== null) out += "; Max-Age=" + Math.floor(o.maxAge);
  if (o.domain) out += "; Domain=" + o.domain;
  if (o.path) out += "; Path=" + o.path;
  if (o.expires) out += "; Expires=" + o.expires.toUTCString();
  if (o.secure) out += "; Secure";
  if (o.partitioned) out += "; Partitioned";
  if (o.sameSite) {
    var same = o.sameSite === true ? "strict" : String(o.sameSite).toLowerCase();
    out += "; SameSite=" + same.charAt(0).toUpperCase() + same.slice(1);
  }
  return out;
}

export default class Cookies {
  get(name, options) {
    var all = read();
    return name in all ? parsed(all[name], options) : undefined;
  }

  getAll(options) {
    var all = read();
    for (var name in all) all[name] = parsed(all[name], options);
    return all;
  }

  set(name, value, options) {
    document.cookie = serialize(name, value, options);
  }

  remove(name, options) {
    this.set(name, "", Object.assign({}, options, { expires: new Date(0), maxAge: 0 }));
  }
}

// Stands in for mergician (see rxapp/build_plugin.py). Reflex's state.js calls `mergician(injected, own)`
// only to merge object-valued props of a Radix Slot child; the later object's keys win, plain objects
// merge deeply, everything else (arrays included) is taken as it is.
function isPlain(value) {
  if (value === null || typeof value !== "object") return false;
  var proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function mergician() {
  var out = {};
  for (var i = 0; i < arguments.length; i++) {
    var source = arguments[i];
    if (!isPlain(source)) continue;
    for (var key in source) {
      if (!Object.prototype.hasOwnProperty.call(source, key)) continue;
      var value = source[key];
      out[key] = isPlain(value) && isPlain(out[key]) ? mergician(out[key], value)
        : isPlain(value) ? mergician(value) : value;
    }
  }
  return out;
}

export default mergician;

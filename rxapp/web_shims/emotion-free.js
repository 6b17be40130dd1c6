// Stands in for @emotion/react (see rxapp/build_plugin.py).
// `jsx(type, props, ...children)` is the only name Reflex imports from @emotion/react; the portal's only
// `css` props are flat declarations, passed on here as `style`.
import { createElement } from "react";

function flat(css, out) {
  if (Array.isArray(css)) { css.forEach(function (part) { flat(part, out); }); return out; }
  if (css && typeof css === "object") {
    for (var key in css) {
      var value = css[key];
      if (value !== null && value !== undefined && typeof value !== "object") out[key] = value;
    }
  }
  return out;
}

export function jsx(type, props) {
  var children = Array.prototype.slice.call(arguments, 2);
  if (props && props.css !== undefined) {
    var rest = Object.assign({}, props);
    delete rest.css;
    var style = flat(props.css, {});
    if (Object.keys(style).length) rest.style = Object.assign(style, props.style || {});
    props = rest;
  }
  return createElement.apply(null, [type, props].concat(children));
}

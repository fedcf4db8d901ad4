/**
 * The harness: plain JavaScript that runs INSIDE the isolate before the
 * student's module. It captures and freezes the built-ins it relies on, removes
 * globals students do not need (and resizable buffers, which would bypass the
 * memory limit), replaces `console` with a capped recorder, and runs one test
 * per entry from the host.
 *
 * Nothing of it is reachable from student code: the script evaluates to a
 * function that the host calls with the input JSON; it returns an object of
 * three closures that the host holds as References. No globals.
 *   load(factory)   runs the student's module body (the wrapper module's default export)
 *   run(i)          runs test i
 *   finish()        the captured console
 *
 * Every one of them ENDS BY THROWING its result as a primitive string
 * prefixed with the grading's token. isolated-vm runs a "task epilogue" after
 * an entry that returns normally, and that epilogue copies the first unhandled
 * promise rejection out to the host — reading the student's `message`/`stack`
 * getters outside any time limit. An entry that throws skips the epilogue, so
 * no student-made value is ever read outside the isolate's timeout. Student
 * microtasks still run (within the entry's timeout) as the call stack unwinds.
 *
 * Kept as a string (not a function's toString) so no build tool can inject
 * helpers into it. Nothing it throws is trusted: the host parses and
 * validates the JSON (envelope.ts).
 *
 * Input: { token, entry, others: [names of otherEntries], caps: { maxConsoleLines, maxConsoleBytes, maxResultBytes, maxTotalBytes, maxExportNames },
 *          tests: [{ h: 0|1, k: "c"|"s", a: "<JSON of args or steps>", f?: "<one of others>", r?: 1 (args hold function-args.ts markers),
 *                    x?: 1 (the test requires a throw: its error's stack is not read — formatting a stack trace makes V8
 *                    re-parse for source positions, the costliest part of such a test, and the verdict needs no line) }] }
 * public tests first.
 */
import { FUNCTION_CATALOG_SOURCE } from "../content/function-args";

export const HARNESS_SOURCE = String.raw`(function (inputJson) {
  "use strict";
  var G = globalThis;
  var JSONparse = JSON.parse, JSONstringify = JSON.stringify, isArray = Array.isArray, arrayFrom = Array.from,
    objectKeys = Object.keys, defineProperty = Object.defineProperty, freeze = Object.freeze, create = Object.create,
    apply = Reflect.apply, construct = Reflect.construct, now = Date.now, toStr = String, TypeErr = TypeError,
    isView = ArrayBuffer.isView, regexExec = RegExp.prototype.exec, STACK_LINE = /submission\.[jt]s:(\d+):(\d+)/,
    bind = Function.prototype.bind, hasOwn = Object.prototype.hasOwnProperty;
  // Functions tests may pass as arguments (function-args.ts), built from the test's JSON.
  var makeFunction = ${FUNCTION_CATALOG_SOURCE}(Math.sqrt, Math.tanh);
  var input = JSONparse(inputJson);
  var token = input.token, tests = input.tests, caps = input.caps;

  // Globals students do not need; some are side channels or escape hatches.
  var removed = ["SharedArrayBuffer", "Atomics", "WebAssembly", "FinalizationRegistry", "WeakRef"];
  if (G.SharedArrayBuffer) delete G.SharedArrayBuffer.prototype.grow;
  for (var r = 0; r < removed.length; r++) delete G[removed[r]];

  // Resizable ArrayBuffers reserve address space and commit it on resize()
  // outside isolated-vm's allocator, so the memory limit would not see them.
  // No V8 flag turns them off in Node 24: refuse the option at the only
  // constructor student code can reach, and remove resize() itself.
  var OriginalArrayBuffer = ArrayBuffer;
  function SafeArrayBuffer(length) {
    if (new.target === undefined) throw new TypeErr("Constructor ArrayBuffer requires 'new'");
    if (arguments.length > 1 && arguments[1] !== undefined) throw new TypeErr("resizable ArrayBuffers (maxByteLength) are not available in exercises");
    return construct(OriginalArrayBuffer, [length], new.target === SafeArrayBuffer ? OriginalArrayBuffer : new.target);
  }
  defineProperty(SafeArrayBuffer, "prototype", { value: OriginalArrayBuffer.prototype, writable: false });
  defineProperty(SafeArrayBuffer, "name", { value: "ArrayBuffer" });
  defineProperty(SafeArrayBuffer, "isView", { value: isView, writable: true, configurable: true });
  defineProperty(OriginalArrayBuffer.prototype, "constructor", { value: SafeArrayBuffer, writable: true, configurable: true });
  delete OriginalArrayBuffer.prototype.resize;
  defineProperty(G, "ArrayBuffer", { value: SafeArrayBuffer, writable: true, configurable: true, enumerable: false });

  // Freeze the intrinsics the harness relies on, so overwritten built-ins
  // cannot change how results are serialized or compared (Error.prototype is
  // left alone: custom errors assign name/message).
  var intrinsics = [Object, Object.prototype, Array, Array.prototype, Function, Function.prototype, JSON, Math, Reflect,
    Number, Number.prototype, String, String.prototype, Boolean, Boolean.prototype, RegExp, RegExp.prototype,
    Symbol, Symbol.prototype, SafeArrayBuffer, OriginalArrayBuffer.prototype, Date, Promise, Promise.prototype];
  for (var f = 0; f < intrinsics.length; f++) freeze(intrinsics[f]);

  // ---- console: capped, and closed while hidden tests run ----
  var lines = [], bytes = 0, dropped = 0, consoleOpen = false;
  function show(v) {
    if (typeof v === "string") return v;
    if (typeof v === "function") return "[Function]";
    if (v === null || typeof v !== "object") return toStr(v);
    try { var s = JSONstringify(v, replacer); return typeof s === "string" ? s : toStr(v); } catch (e) { return "[object]"; }
  }
  function log() {
    if (!consoleOpen) return;
    if (lines.length >= caps.maxConsoleLines || bytes >= caps.maxConsoleBytes) { dropped++; return; }
    var text = "";
    for (var k = 0; k < arguments.length && text.length < caps.maxConsoleBytes; k++) text += (k ? " " : "") + show(arguments[k]);
    if (bytes + text.length > caps.maxConsoleBytes) text = text.slice(0, caps.maxConsoleBytes - bytes) + " …";
    lines[lines.length] = text;
    bytes += text.length;
  }
  var fakeConsole = freeze({ log: log, info: log, warn: log, error: log, debug: log, trace: log, dir: log, table: log });
  try { delete G.console; } catch (e) {}
  defineProperty(G, "console", { value: fakeConsole, writable: false, enumerable: false, configurable: false });

  // ---- serialization of student values (copied out once, as JSON) ----
  function replacer(key, v) {
    if (typeof v === "number") {
      if (v !== v) return "__NaN__";
      if (v === Infinity) return "__Infinity__";
      if (v === -Infinity) return "__-Infinity__";
      return v;
    }
    if (v === undefined) return "__undefined__";
    if (typeof v === "function") return "__function__";
    if (typeof v === "bigint" || typeof v === "symbol") return "__" + typeof v + "__";
    if (v !== null && typeof v === "object" && isView(v)) return arrayFrom(v);
    return v;
  }
  var totalBytes = 0;
  /** A lower bound on the JSON size of long arrays near the top, so a huge result is refused before it is stringified. */
  function minimumBytes(v, depth) {
    if (v === null || typeof v !== "object" || depth > 3) return 0;
    var list = isArray(v) || isView(v), n = list ? 2 * v.length : 0, ks = list ? null : objectKeys(v);
    for (var i = 0, len = list ? v.length : ks.length; i < len && i < 16; i++) n += minimumBytes(list ? v[i] : v[ks[i]], depth + 1);
    return n;
  }
  function serialize(value) {
    if (value === undefined) return '{"s":"undefined"}';
    try {
      if (value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function") return '{"s":"promise"}';
      var least = minimumBytes(value, 0);
      if (least > caps.maxResultBytes) return '{"s":"too-large","n":' + least + "}";
      var json = JSONstringify(value, replacer);
    } catch (e) {
      return '{"s":"unserializable","e":' + JSONstringify(describe(e)) + "}";
    }
    if (typeof json !== "string") return '{"s":"unserializable"}';
    if (json.length > caps.maxResultBytes || totalBytes + json.length > caps.maxTotalBytes) return '{"s":"too-large","n":' + json.length + "}";
    totalBytes += json.length;
    return '{"s":"ok","v":' + json + "}";
  }
  /** Copies what a thrown value says, inside the isolate and within the entry's time limit. */
  function describe(e, withoutStack) {
    try {
      if (e !== null && (typeof e === "object" || typeof e === "function")) {
        var m = withoutStack ? null : apply(regexExec, STACK_LINE, [toStr(e.stack).slice(0, 4000)]);
        return { name: toStr(e.name).slice(0, 100), message: toStr(e.message).slice(0, 1000), line: m ? +m[1] : null, column: m ? +m[2] : null };
      }
      return { name: "thrown value", message: toStr(e).slice(0, 1000), line: null, column: null };
    } catch (e2) {
      return { name: "Error", message: "(an error that could not be described)", line: null, column: null };
    }
  }
  /** First path where the argument differs from its pristine copy, or null. */
  function changed(p, c, path) {
    if (p === null || typeof p !== "object") return c === p ? null : path;
    if (c === null || typeof c !== "object") return path;
    if (isArray(p)) {
      if (!isArray(c) || c.length !== p.length) return path;
      for (var i = 0; i < p.length; i++) { var d = changed(p[i], c[i], path + "[" + i + "]"); if (d !== null) return d; }
      return null;
    }
    var ks = objectKeys(p);
    if (objectKeys(c).length !== ks.length) return path;
    for (var j = 0; j < ks.length; j++) { var d2 = changed(p[ks[j]], c[ks[j]], path + "." + ks[j]); if (d2 !== null) return d2; }
    return null;
  }

  // ---- module loading and test running ----
  var entry = null, callable = create(null), loaded = false, callStart = 0;
  function requireStub(name) { throw new Error("imports are not available in exercises: \"" + toStr(name).slice(0, 100) + "\" cannot be loaded"); }
  /** At most maxExportNames names of at most 100 characters: a module may define thousands. */
  function exportNames(ex) {
    var names = [], count = 0, all = objectKeys(ex);
    for (var i = 0; i < all.length; i++) {
      if (all[i] === "__esModule") continue;
      count++;
      if (names.length < caps.maxExportNames) names[names.length] = toStr(all[i]).slice(0, 100);
    }
    return { names: names, count: count };
  }
  function load(factory) {
    var out;
    if (loaded) throw token + "null";
    loaded = true; consoleOpen = true;
    try {
      var exp = {}, mod = { exports: exp };
      apply(factory, undefined, [exp, requireStub, mod]);
      var ex = mod.exports, candidate = ex === null || ex === undefined ? undefined : ex[input.entry];
      if (typeof candidate === "function") entry = candidate;
      // Other required functions are read once here, like the entry, into callable (what f and
      // $call markers may name); the first one missing is named.
      var missing = entry === null ? input.entry : null;
      if (entry !== null) callable[input.entry] = entry;
      for (var o = 0; o < input.others.length; o++) {
        var other = ex === null || ex === undefined ? undefined : ex[input.others[o]];
        if (typeof other === "function") callable[input.others[o]] = other;
        else if (missing === null) missing = input.others[o];
      }
      if (missing !== null) entry = null;
      var found = ex === null || (typeof ex !== "object" && typeof ex !== "function") ? { names: [], count: 0 } : exportNames(ex);
      out = { moduleError: null, exports: found.names, exportCount: found.count, hasEntry: entry !== null, missing: missing };
    } catch (e) {
      out = { moduleError: describe(e), exports: [], exportCount: 0, hasEntry: false, missing: null };
    }
    consoleOpen = false;
    throw token + JSONstringify(out);
  }
  function markerOf(v) {
    return v !== null && typeof v === "object" && !isArray(v) && (apply(hasOwn, v, ["$fn"]) || apply(hasOwn, v, ["$call"])) ? v : null;
  }
  /** Markers (trusted JSON) become functions or another entry's value; plain arguments stay the same objects, so mutations show. */
  function revive(list, nested) {
    var out = [];
    for (var i = 0; i < list.length; i++) {
      var m = markerOf(list[i]);
      if (m === null) out[i] = list[i];
      else if (apply(hasOwn, m, ["$fn"])) out[i] = freeze(apply(bind, makeFunction(m), [undefined]));
      else if (!nested && callable[m.$call]) out[i] = apply(callable[m.$call], undefined, revive(m.args, true));
      else throw new TypeErr("this test cannot be run");
    }
    return out;
  }
  function runCall(t) {
    var args = JSONparse(t.a), value, fn = t.f === undefined ? entry : callable[t.f];
    try { value = apply(fn, undefined, t.r ? revive(args, false) : args); }
    catch (e) { consoleOpen = false; return '{"e":' + JSONstringify(describe(e, t.x === 1)) + ',"ms":' + (now() - callStart) + "}"; }
    var ms = now() - callStart;
    consoleOpen = false;
    var r = serialize(value);
    var m;
    try { m = changed(JSONparse(t.a), args, ""); } catch (e) { m = "(unreadable)"; }
    return '{"r":' + r + ',"m":' + JSONstringify(m) + ',"ms":' + ms + "}";
  }
  function runScenario(t) {
    var steps = JSONparse(t.a), pristine = JSONparse(t.a), inst = create(null), out = "", mutated = null;
    for (var k = 0; k < steps.length; k++) {
      var st = steps[k], piece = "null";
      try {
        if (st.op === "new") inst[st.instance] = construct(entry, st.args);
        else if (st.op === "set") inst[st.instance][st.field] = st.value;
        else if (st.op === "get") piece = serialize(inst[st.instance][st.field]);
        else {
          var obj = inst[st.instance], fn = obj[st.method];
          if (typeof fn !== "function") throw new TypeErr("the instance has no method " + st.method + "()");
          piece = serialize(apply(fn, obj, st.args));
          if (mutated === null) { var m = changed(pristine[k].args, st.args, ""); if (m !== null) mutated = { step: k, path: m }; }
        }
      } catch (e) {
        consoleOpen = false;
        return '{"steps":[' + out + '],"e":' + JSONstringify(describe(e)) + ',"step":' + k + ',"ms":' + (now() - callStart) + "}";
      }
      out += (k ? "," : "") + piece;
    }
    consoleOpen = false;
    return '{"steps":[' + out + '],"m":' + JSONstringify(mutated) + ',"ms":' + (now() - callStart) + "}";
  }
  function run(i) {
    var t = tests[i], result = "null";
    if (entry !== null && t !== undefined) {
      callStart = now();
      consoleOpen = t.h === 0; // output printed during hidden tests never leaves the isolate
      try { result = t.k === "c" ? runCall(t) : runScenario(t); } catch (e) { result = "null"; }
      consoleOpen = false;
    }
    throw token + result;
  }
  function finish() {
    throw token + '{"console":' + JSONstringify(lines) + ',"dropped":' + dropped + "}";
  }
  return freeze({ load: load, run: run, finish: finish });
})`;

/**
 * The student's compiled (CommonJS) body becomes the default export of a
 * module: V8 parses it with the module grammar, where `<!--` and `-->` are not
 * comments, and TypeScript's printer produced it from a complete parse, so
 * nothing in it can close the wrapper early. Defining the function runs none
 * of the student's code; the harness calls it inside its own try/catch.
 */
export const MODULE_PREFIX = "export default function (exports, require, module) {\n";
export const MODULE_SUFFIX = "\n}\n";
/** Lines the prefix adds before the compiled code's first line. */
export const MODULE_LINE_OFFSET = 1;

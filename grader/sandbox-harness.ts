/**
 * The harness: plain JavaScript that runs INSIDE the isolate before the
 * student's module. It captures and freezes the built-ins it relies on, removes
 * globals students do not need, replaces `console` with a capped recorder, and
 * runs every test in one entry (one host↔isolate round trip per grading).
 *
 * Kept as a string (not a function's toString) so no build tool can inject
 * helpers into it. Nothing it returns is trusted: the host parses and
 * validates the JSON it produces. It exposes one global, `__grader`:
 *   load(factory)      called by the student script wrapper, once
 *   run(from, token)   runs tests[from..] and returns the result JSON; the
 *                      token is known only to the host, so student code
 *                      (including queued microtasks) cannot re-enter it
 *   state()            progress after a timeout: { phase, current, elapsed }
 *   finish(token)      the result JSON for whatever ran so far
 *
 * Input (global __GRADER_INPUT__, a JSON string, deleted before student code):
 *   { token, entry, kind, caps: { maxConsoleLines, maxConsoleBytes, maxResultBytes, maxTotalBytes },
 *     tests: [{ h: 0|1, k: "c"|"s", a: "<JSON of args or steps>" }] }   public tests first
 */
export const HARNESS_SOURCE = String.raw`(function (G) {
  "use strict";
  var JSONparse = JSON.parse, JSONstringify = JSON.stringify, isArray = Array.isArray, arrayFrom = Array.from,
    objectKeys = Object.keys, defineProperty = Object.defineProperty, freeze = Object.freeze, create = Object.create,
    apply = Reflect.apply, construct = Reflect.construct, now = Date.now, toStr = String,
    isView = ArrayBuffer.isView, regexExec = RegExp.prototype.exec, STACK_LINE = /submission\.[jt]s:(\d+):(\d+)/;
  var input = JSONparse(G.__GRADER_INPUT__);
  var token = input.token, tests = input.tests, caps = input.caps;

  // Globals students do not need; some are side channels or escape hatches.
  var removed = ["__GRADER_INPUT__", "SharedArrayBuffer", "Atomics", "WebAssembly", "FinalizationRegistry", "WeakRef"];
  for (var r = 0; r < removed.length; r++) delete G[removed[r]];

  // Freeze the intrinsics the harness relies on, so overwritten built-ins
  // cannot change how results are serialized or compared (Error.prototype is
  // left alone: custom errors assign name/message).
  var intrinsics = [Object, Object.prototype, Array, Array.prototype, Function, Function.prototype, JSON, Math, Reflect,
    Number, Number.prototype, String, String.prototype, Boolean, Boolean.prototype, RegExp, RegExp.prototype,
    Symbol, Symbol.prototype, ArrayBuffer, Date];
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
  function serialize(value) {
    if (value === undefined) return '{"s":"undefined"}';
    try {
      if (value !== null && (typeof value === "object" || typeof value === "function") && typeof value.then === "function") return '{"s":"promise"}';
      var json = JSONstringify(value, replacer);
    } catch (e) {
      return '{"s":"unserializable","e":' + JSONstringify(describe(e)) + "}";
    }
    if (typeof json !== "string") return '{"s":"unserializable"}';
    if (json.length > caps.maxResultBytes || totalBytes + json.length > caps.maxTotalBytes) return '{"s":"too-large","n":' + json.length + "}";
    totalBytes += json.length;
    return '{"s":"ok","v":' + json + "}";
  }
  function describe(e) {
    try {
      if (e !== null && typeof e === "object") {
        var m = apply(regexExec, STACK_LINE, [toStr(e.stack)]);
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
  var entry = null, moduleError = null, exportsFound = [], loaded = false;
  var phase = "setup", current = -1, callStart = 0, results = [];
  function requireStub(name) { throw new Error("imports are not available in exercises: \"" + toStr(name) + "\" cannot be loaded"); }
  function load(factory) {
    if (loaded) throw new Error("__grader.load may be called only once");
    loaded = true; phase = "module"; callStart = now(); consoleOpen = true;
    var exp = {}, mod = { exports: exp };
    try {
      apply(factory, undefined, [exp, requireStub, mod]);
      var ex = mod.exports;
      exportsFound = objectKeys(ex);
      var candidate = ex[input.entry];
      if (typeof candidate === "function") entry = candidate;
    } catch (e) { moduleError = describe(e); }
    consoleOpen = false; phase = "loaded";
  }
  function runCall(t) {
    var args = JSONparse(t.a), value;
    try { value = apply(entry, undefined, args); }
    catch (e) { consoleOpen = false; return '{"e":' + JSONstringify(describe(e)) + ',"ms":' + (now() - callStart) + "}"; }
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
          if (typeof fn !== "function") throw new TypeError("the instance has no method " + st.method + "()");
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
  function finish(tok) {
    if (tok !== token) throw new Error("not allowed");
    var s = '{"moduleError":' + JSONstringify(moduleError) + ',"exports":' + JSONstringify(exportsFound) +
      ',"hasEntry":' + (entry !== null) + ',"console":' + JSONstringify(lines) + ',"consoleDropped":' + dropped + ',"results":[';
    for (var i = 0; i < results.length; i++) s += (i ? "," : "") + (results[i] === undefined ? "null" : results[i]);
    return s + "]}";
  }
  function run(from, tok) {
    if (tok !== token) throw new Error("not allowed");
    if (entry !== null) {
      for (var i = from; i < tests.length; i++) {
        var t = tests[i];
        current = i; phase = "test"; callStart = now();
        consoleOpen = t.h === 0; // output printed during hidden tests never leaves the isolate
        results[i] = t.k === "c" ? runCall(t) : runScenario(t);
      }
    }
    current = -1; phase = "done"; consoleOpen = false;
    return finish(tok);
  }
  function state() { return JSONstringify({ phase: phase, current: current, elapsed: now() - callStart }); }
  defineProperty(G, "__grader", { value: freeze({ load: load, run: run, state: state, finish: finish }), writable: false, enumerable: false, configurable: false });
})(globalThis);
`;

/** Prefix of the student script; it sits on the student's line 1 (columns there shift by its length). */
export const STUDENT_PREFIX = "__grader.load(function (exports, require, module) {";
export const STUDENT_SUFFIX = "\n});";

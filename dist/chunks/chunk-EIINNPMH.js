import { createRequire as __snapgateCreateRequire } from "node:module"; const require = __snapgateCreateRequire(import.meta.url);
import {
  writeOpenedTempFile
} from "./chunk-TDVGICWC.js";
import {
  TEMP_PREFIX,
  flushFiles,
  tempPathFor
} from "./chunk-CPZT5EG3.js";
import {
  CryptoPool
} from "./chunk-7RENLTOI.js";
import {
  blobContextOf,
  openVerifiedBlob
} from "./chunk-P4WFFHAC.js";
import {
  BLOB_WINDOW,
  forEachBlobWindow,
  rewrapResolver
} from "./chunk-RQLDRNH6.js";
import {
  rewrappedManifestView
} from "./chunk-J7IEGQJ6.js";
import {
  recipientsOfFile
} from "./chunk-HVMTTQAX.js";
import {
  signatureProblem
} from "./chunk-4R5A4MEX.js";
import {
  assertBlobIntact
} from "./chunk-EU4VU6DG.js";
import {
  blobRefOf
} from "./chunk-CY3L4U4E.js";
import {
  mapWithConcurrency
} from "./chunk-K3D2YTSH.js";
import {
  loadSodium
} from "./chunk-AXJEESJ2.js";
import {
  distinctRecipients
} from "./chunk-RXFM76GD.js";
import {
  SnapgateError,
  isSnapgateError
} from "./chunk-6KERQ4ZL.js";
import {
  __commonJS,
  __toESM
} from "./chunk-H5NHOGLY.js";

// node_modules/picomatch/lib/constants.js
var require_constants = __commonJS({
  "node_modules/picomatch/lib/constants.js"(exports, module) {
    "use strict";
    var WIN_SLASH = "\\\\/";
    var WIN_NO_SLASH = `[^${WIN_SLASH}]`;
    var DEFAULT_MAX_EXTGLOB_RECURSION = 0;
    var DOT_LITERAL = "\\.";
    var PLUS_LITERAL = "\\+";
    var QMARK_LITERAL = "\\?";
    var SLASH_LITERAL = "\\/";
    var ONE_CHAR = "(?=.)";
    var QMARK = "[^/]";
    var END_ANCHOR = `(?:${SLASH_LITERAL}|$)`;
    var START_ANCHOR = `(?:^|${SLASH_LITERAL})`;
    var DOTS_SLASH = `${DOT_LITERAL}{1,2}${END_ANCHOR}`;
    var NO_DOT = `(?!${DOT_LITERAL})`;
    var NO_DOTS = `(?!${START_ANCHOR}${DOTS_SLASH})`;
    var NO_DOT_SLASH = `(?!${DOT_LITERAL}{0,1}${END_ANCHOR})`;
    var NO_DOTS_SLASH = `(?!${DOTS_SLASH})`;
    var QMARK_NO_DOT = `[^.${SLASH_LITERAL}]`;
    var STAR = `${QMARK}*?`;
    var SEP = "/";
    var POSIX_CHARS = {
      DOT_LITERAL,
      PLUS_LITERAL,
      QMARK_LITERAL,
      SLASH_LITERAL,
      ONE_CHAR,
      QMARK,
      END_ANCHOR,
      DOTS_SLASH,
      NO_DOT,
      NO_DOTS,
      NO_DOT_SLASH,
      NO_DOTS_SLASH,
      QMARK_NO_DOT,
      STAR,
      START_ANCHOR,
      SEP
    };
    var WINDOWS_CHARS = {
      ...POSIX_CHARS,
      SLASH_LITERAL: `[${WIN_SLASH}]`,
      QMARK: WIN_NO_SLASH,
      STAR: `${WIN_NO_SLASH}*?`,
      DOTS_SLASH: `${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$)`,
      NO_DOT: `(?!${DOT_LITERAL})`,
      NO_DOTS: `(?!(?:^|[${WIN_SLASH}])${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      NO_DOT_SLASH: `(?!${DOT_LITERAL}{0,1}(?:[${WIN_SLASH}]|$))`,
      NO_DOTS_SLASH: `(?!${DOT_LITERAL}{1,2}(?:[${WIN_SLASH}]|$))`,
      QMARK_NO_DOT: `[^.${WIN_SLASH}]`,
      START_ANCHOR: `(?:^|[${WIN_SLASH}])`,
      END_ANCHOR: `(?:[${WIN_SLASH}]|$)`,
      SEP: "\\"
    };
    var POSIX_REGEX_SOURCE = {
      __proto__: null,
      alnum: "a-zA-Z0-9",
      alpha: "a-zA-Z",
      ascii: "\\x00-\\x7F",
      blank: " \\t",
      cntrl: "\\x00-\\x1F\\x7F",
      digit: "0-9",
      graph: "\\x21-\\x7E",
      lower: "a-z",
      print: "\\x20-\\x7E ",
      punct: "\\-!\"#$%&'()\\*+,./:;<=>?@[\\]^_`{|}~",
      space: " \\t\\r\\n\\v\\f",
      upper: "A-Z",
      word: "A-Za-z0-9_",
      xdigit: "A-Fa-f0-9"
    };
    module.exports = {
      DEFAULT_MAX_EXTGLOB_RECURSION,
      MAX_LENGTH: 1024 * 64,
      POSIX_REGEX_SOURCE,
      // regular expressions
      REGEX_BACKSLASH: /\\(?![*+?^${}(|)[\]])/g,
      REGEX_NON_SPECIAL_CHARS: /^[^@![\].,$*+?^{}()|\\/]+/,
      REGEX_SPECIAL_CHARS: /[-*+?.^${}(|)[\]]/,
      REGEX_SPECIAL_CHARS_BACKREF: /(\\?)((\W)(\3*))/g,
      REGEX_SPECIAL_CHARS_GLOBAL: /([-*+?.^${}(|)[\]])/g,
      REGEX_REMOVE_BACKSLASH: /(?:\[.*?[^\\]\]|\\(?=.))/g,
      // Replace globs with equivalent patterns to reduce parsing time.
      REPLACEMENTS: {
        __proto__: null,
        "***": "*",
        "**/**": "**",
        "**/**/**": "**"
      },
      // Digits
      CHAR_0: 48,
      /* 0 */
      CHAR_9: 57,
      /* 9 */
      // Alphabet chars.
      CHAR_UPPERCASE_A: 65,
      /* A */
      CHAR_LOWERCASE_A: 97,
      /* a */
      CHAR_UPPERCASE_Z: 90,
      /* Z */
      CHAR_LOWERCASE_Z: 122,
      /* z */
      CHAR_LEFT_PARENTHESES: 40,
      /* ( */
      CHAR_RIGHT_PARENTHESES: 41,
      /* ) */
      CHAR_ASTERISK: 42,
      /* * */
      // Non-alphabetic chars.
      CHAR_AMPERSAND: 38,
      /* & */
      CHAR_AT: 64,
      /* @ */
      CHAR_BACKWARD_SLASH: 92,
      /* \ */
      CHAR_CARRIAGE_RETURN: 13,
      /* \r */
      CHAR_CIRCUMFLEX_ACCENT: 94,
      /* ^ */
      CHAR_COLON: 58,
      /* : */
      CHAR_COMMA: 44,
      /* , */
      CHAR_DOT: 46,
      /* . */
      CHAR_DOUBLE_QUOTE: 34,
      /* " */
      CHAR_EQUAL: 61,
      /* = */
      CHAR_EXCLAMATION_MARK: 33,
      /* ! */
      CHAR_FORM_FEED: 12,
      /* \f */
      CHAR_FORWARD_SLASH: 47,
      /* / */
      CHAR_GRAVE_ACCENT: 96,
      /* ` */
      CHAR_HASH: 35,
      /* # */
      CHAR_HYPHEN_MINUS: 45,
      /* - */
      CHAR_LEFT_ANGLE_BRACKET: 60,
      /* < */
      CHAR_LEFT_CURLY_BRACE: 123,
      /* { */
      CHAR_LEFT_SQUARE_BRACKET: 91,
      /* [ */
      CHAR_LINE_FEED: 10,
      /* \n */
      CHAR_NO_BREAK_SPACE: 160,
      /* \u00A0 */
      CHAR_PERCENT: 37,
      /* % */
      CHAR_PLUS: 43,
      /* + */
      CHAR_QUESTION_MARK: 63,
      /* ? */
      CHAR_RIGHT_ANGLE_BRACKET: 62,
      /* > */
      CHAR_RIGHT_CURLY_BRACE: 125,
      /* } */
      CHAR_RIGHT_SQUARE_BRACKET: 93,
      /* ] */
      CHAR_SEMICOLON: 59,
      /* ; */
      CHAR_SINGLE_QUOTE: 39,
      /* ' */
      CHAR_SPACE: 32,
      /*   */
      CHAR_TAB: 9,
      /* \t */
      CHAR_UNDERSCORE: 95,
      /* _ */
      CHAR_VERTICAL_LINE: 124,
      /* | */
      CHAR_ZERO_WIDTH_NOBREAK_SPACE: 65279,
      /* \uFEFF */
      /**
       * Create EXTGLOB_CHARS
       */
      extglobChars(chars) {
        return {
          "!": { type: "negate", open: "(?:(?!(?:", close: `))${chars.STAR})` },
          "?": { type: "qmark", open: "(?:", close: ")?" },
          "+": { type: "plus", open: "(?:", close: ")+" },
          "*": { type: "star", open: "(?:", close: ")*" },
          "@": { type: "at", open: "(?:", close: ")" }
        };
      },
      /**
       * Create GLOB_CHARS
       */
      globChars(win32) {
        return win32 === true ? WINDOWS_CHARS : POSIX_CHARS;
      }
    };
  }
});

// node_modules/picomatch/lib/utils.js
var require_utils = __commonJS({
  "node_modules/picomatch/lib/utils.js"(exports) {
    "use strict";
    var {
      REGEX_BACKSLASH,
      REGEX_REMOVE_BACKSLASH,
      REGEX_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_GLOBAL
    } = require_constants();
    exports.isObject = (val) => val !== null && typeof val === "object" && !Array.isArray(val);
    exports.hasRegexChars = (str) => REGEX_SPECIAL_CHARS.test(str);
    exports.isRegexChar = (str) => str.length === 1 && exports.hasRegexChars(str);
    exports.escapeRegex = (str) => str.replace(REGEX_SPECIAL_CHARS_GLOBAL, "\\$1");
    exports.toPosixSlashes = (str) => str.replace(REGEX_BACKSLASH, "/");
    exports.isWindows = () => {
      if (typeof navigator !== "undefined" && navigator.platform) {
        const platform = navigator.platform.toLowerCase();
        return platform === "win32" || platform === "windows";
      }
      if (typeof process !== "undefined" && process.platform) {
        return process.platform === "win32";
      }
      return false;
    };
    exports.removeBackslashes = (str) => {
      return str.replace(REGEX_REMOVE_BACKSLASH, (match) => {
        return match === "\\" ? "" : match;
      });
    };
    exports.escapeLast = (input, char, lastIdx) => {
      const idx = input.lastIndexOf(char, lastIdx);
      if (idx === -1) return input;
      if (input[idx - 1] === "\\") return exports.escapeLast(input, char, idx - 1);
      return `${input.slice(0, idx)}\\${input.slice(idx)}`;
    };
    exports.removePrefix = (input, state = {}) => {
      let output = input;
      if (output.startsWith("./")) {
        output = output.slice(2);
        state.prefix = "./";
      }
      return output;
    };
    exports.wrapOutput = (input, state = {}, options = {}) => {
      const prepend = options.contains ? "" : "^";
      const append = options.contains ? "" : "$";
      let output = `${prepend}(?:${input})${append}`;
      if (state.negated === true) {
        output = `(?:^(?!${output}).*$)`;
      }
      return output;
    };
    exports.basename = (path, { windows } = {}) => {
      const segs = path.split(windows ? /[\\/]/ : "/");
      const last = segs[segs.length - 1];
      if (last === "") {
        return segs[segs.length - 2];
      }
      return last;
    };
  }
});

// node_modules/picomatch/lib/scan.js
var require_scan = __commonJS({
  "node_modules/picomatch/lib/scan.js"(exports, module) {
    "use strict";
    var utils = require_utils();
    var {
      CHAR_ASTERISK,
      /* * */
      CHAR_AT,
      /* @ */
      CHAR_BACKWARD_SLASH,
      /* \ */
      CHAR_COMMA,
      /* , */
      CHAR_DOT,
      /* . */
      CHAR_EXCLAMATION_MARK,
      /* ! */
      CHAR_FORWARD_SLASH,
      /* / */
      CHAR_LEFT_CURLY_BRACE,
      /* { */
      CHAR_LEFT_PARENTHESES,
      /* ( */
      CHAR_LEFT_SQUARE_BRACKET,
      /* [ */
      CHAR_PLUS,
      /* + */
      CHAR_QUESTION_MARK,
      /* ? */
      CHAR_RIGHT_CURLY_BRACE,
      /* } */
      CHAR_RIGHT_PARENTHESES,
      /* ) */
      CHAR_RIGHT_SQUARE_BRACKET
      /* ] */
    } = require_constants();
    var isPathSeparator = (code) => {
      return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
    };
    var depth = (token) => {
      if (token.isPrefix !== true) {
        token.depth = token.isGlobstar ? Infinity : 1;
      }
    };
    var scan = (input, options) => {
      const opts = options || {};
      const length = input.length - 1;
      const scanToEnd = opts.parts === true || opts.tokens === true || opts.scanToEnd === true;
      const slashes = [];
      const tokens = [];
      const parts = [];
      let str = input;
      let index = -1;
      let start = 0;
      let lastIndex = 0;
      let isBrace = false;
      let isBracket = false;
      let isGlob = false;
      let isExtglob = false;
      let isGlobstar = false;
      let braceEscaped = false;
      let backslashes = false;
      let negated = false;
      let negatedExtglob = false;
      let finished = false;
      let braces = 0;
      let prev;
      let code;
      let token = { value: "", depth: 0, isGlob: false };
      const eos = () => index >= length;
      const peek = () => str.charCodeAt(index + 1);
      const advance = () => {
        prev = code;
        return str.charCodeAt(++index);
      };
      while (index < length) {
        code = advance();
        let next;
        if (code === CHAR_BACKWARD_SLASH) {
          backslashes = token.backslashes = true;
          code = advance();
          if (code === CHAR_LEFT_CURLY_BRACE) {
            braceEscaped = true;
          }
          continue;
        }
        if (braceEscaped === true || code === CHAR_LEFT_CURLY_BRACE) {
          braces++;
          while (eos() !== true && (code = advance())) {
            if (code === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (code === CHAR_LEFT_CURLY_BRACE) {
              braces++;
              continue;
            }
            if (braceEscaped !== true && code === CHAR_DOT && (code = advance()) === CHAR_DOT) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (braceEscaped !== true && code === CHAR_COMMA) {
              isBrace = token.isBrace = true;
              isGlob = token.isGlob = true;
              finished = true;
              if (scanToEnd === true) {
                continue;
              }
              break;
            }
            if (code === CHAR_RIGHT_CURLY_BRACE) {
              braces--;
              if (braces === 0) {
                braceEscaped = false;
                isBrace = token.isBrace = true;
                finished = true;
                break;
              }
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_FORWARD_SLASH) {
          slashes.push(index);
          tokens.push(token);
          token = { value: "", depth: 0, isGlob: false };
          if (finished === true) continue;
          if (prev === CHAR_DOT && index === start + 1) {
            start += 2;
            continue;
          }
          lastIndex = index + 1;
          continue;
        }
        if (opts.noext !== true) {
          const isExtglobChar = code === CHAR_PLUS || code === CHAR_AT || code === CHAR_ASTERISK || code === CHAR_QUESTION_MARK || code === CHAR_EXCLAMATION_MARK;
          if (isExtglobChar === true && peek() === CHAR_LEFT_PARENTHESES) {
            isGlob = token.isGlob = true;
            isExtglob = token.isExtglob = true;
            finished = true;
            if (code === CHAR_EXCLAMATION_MARK && index === start) {
              negatedExtglob = true;
            }
            if (scanToEnd === true) {
              let parens = 0;
              while (eos() !== true && (code = advance())) {
                if (code === CHAR_BACKWARD_SLASH) {
                  backslashes = token.backslashes = true;
                  advance();
                  continue;
                }
                if (code === CHAR_LEFT_PARENTHESES) {
                  parens++;
                  continue;
                }
                if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                  finished = true;
                  break;
                }
              }
              continue;
            }
            break;
          }
        }
        if (code === CHAR_ASTERISK) {
          if (prev === CHAR_ASTERISK) isGlobstar = token.isGlobstar = true;
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_QUESTION_MARK) {
          isGlob = token.isGlob = true;
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (code === CHAR_LEFT_SQUARE_BRACKET) {
          while (eos() !== true && (next = advance())) {
            if (next === CHAR_BACKWARD_SLASH) {
              backslashes = token.backslashes = true;
              advance();
              continue;
            }
            if (next === CHAR_RIGHT_SQUARE_BRACKET) {
              isBracket = token.isBracket = true;
              isGlob = token.isGlob = true;
              finished = true;
              break;
            }
          }
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
        if (opts.nonegate !== true && code === CHAR_EXCLAMATION_MARK && index === start) {
          negated = token.negated = true;
          start++;
          continue;
        }
        if (opts.noparen !== true && code === CHAR_LEFT_PARENTHESES) {
          isGlob = token.isGlob = true;
          if (scanToEnd === true) {
            let parens = 1;
            while (eos() !== true && (code = advance())) {
              if (code === CHAR_BACKWARD_SLASH) {
                backslashes = token.backslashes = true;
                advance();
                continue;
              }
              if (code === CHAR_LEFT_PARENTHESES) {
                parens++;
                continue;
              }
              if (code === CHAR_RIGHT_PARENTHESES && --parens === 0) {
                finished = true;
                break;
              }
            }
            continue;
          }
          break;
        }
        if (isGlob === true) {
          finished = true;
          if (scanToEnd === true) {
            continue;
          }
          break;
        }
      }
      if (opts.noext === true) {
        isExtglob = false;
        isGlob = false;
      }
      let base = str;
      let prefix = "";
      let glob = "";
      if (start > 0) {
        prefix = str.slice(0, start);
        str = str.slice(start);
        lastIndex -= start;
      }
      if (base && isGlob === true && lastIndex > 0) {
        base = str.slice(0, lastIndex);
        glob = str.slice(lastIndex);
      } else if (isGlob === true) {
        base = "";
        glob = str;
      } else {
        base = str;
      }
      if (base && base !== "" && base !== "/" && base !== str) {
        if (isPathSeparator(base.charCodeAt(base.length - 1))) {
          base = base.slice(0, -1);
        }
      }
      if (opts.unescape === true) {
        if (glob) glob = utils.removeBackslashes(glob);
        if (base && backslashes === true) {
          base = utils.removeBackslashes(base);
        }
      }
      const state = {
        prefix,
        input,
        start,
        base,
        glob,
        isBrace,
        isBracket,
        isGlob,
        isExtglob,
        isGlobstar,
        negated,
        negatedExtglob
      };
      if (opts.tokens === true) {
        state.maxDepth = 0;
        if (!isPathSeparator(code)) {
          tokens.push(token);
        }
        state.tokens = tokens;
      }
      if (opts.parts === true || opts.tokens === true) {
        let prevIndex;
        for (let idx = 0; idx < slashes.length; idx++) {
          const n2 = prevIndex !== void 0 ? prevIndex + 1 : start;
          const i = slashes[idx];
          const value2 = input.slice(n2, i);
          if (opts.tokens) {
            if (idx === 0 && start !== 0) {
              tokens[idx].isPrefix = true;
              tokens[idx].value = prefix;
            } else {
              tokens[idx].value = value2;
            }
            depth(tokens[idx]);
            state.maxDepth += tokens[idx].depth;
          }
          if (i >= start) {
            parts.push(value2);
            prevIndex = i;
          }
        }
        const n = prevIndex !== void 0 ? prevIndex + 1 : start;
        const value = input.slice(n);
        parts.push(value);
        if (opts.tokens && prevIndex && prevIndex + 1 < input.length) {
          tokens[tokens.length - 1].value = value;
          depth(tokens[tokens.length - 1]);
          state.maxDepth += tokens[tokens.length - 1].depth;
        }
        state.slashes = slashes;
        state.parts = parts;
      }
      return state;
    };
    module.exports = scan;
  }
});

// node_modules/picomatch/lib/parse.js
var require_parse = __commonJS({
  "node_modules/picomatch/lib/parse.js"(exports, module) {
    "use strict";
    var constants = require_constants();
    var utils = require_utils();
    var {
      MAX_LENGTH,
      POSIX_REGEX_SOURCE,
      REGEX_NON_SPECIAL_CHARS,
      REGEX_SPECIAL_CHARS_BACKREF,
      REPLACEMENTS
    } = constants;
    var expandRange = (args, options) => {
      if (typeof options.expandRange === "function") {
        return options.expandRange(...args, options);
      }
      args.sort();
      const value = `[${args.join("-")}]`;
      try {
        new RegExp(value);
      } catch (ex) {
        return args.map((v) => utils.escapeRegex(v)).join("..");
      }
      return value;
    };
    var syntaxError = (type, char) => {
      return `Missing ${type}: "${char}" - use "\\\\${char}" to match literal characters`;
    };
    var splitTopLevel = (input) => {
      const parts = [];
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let value = "";
      let escaped = false;
      for (const ch of input) {
        if (escaped === true) {
          value += ch;
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          value += ch;
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          value += ch;
          continue;
        }
        if (quote === 0) {
          if (ch === "[") {
            bracket++;
          } else if (ch === "]" && bracket > 0) {
            bracket--;
          } else if (bracket === 0) {
            if (ch === "(") {
              paren++;
            } else if (ch === ")" && paren > 0) {
              paren--;
            } else if (ch === "|" && paren === 0) {
              parts.push(value);
              value = "";
              continue;
            }
          }
        }
        value += ch;
      }
      parts.push(value);
      return parts;
    };
    var isPlainBranch = (branch) => {
      let escaped = false;
      for (const ch of branch) {
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (/[?*+@!()[\]{}]/.test(ch)) {
          return false;
        }
      }
      return true;
    };
    var normalizeSimpleBranch = (branch) => {
      let value = branch.trim();
      let changed = true;
      while (changed === true) {
        changed = false;
        if (/^@\([^\\()[\]{}|]+\)$/.test(value)) {
          value = value.slice(2, -1);
          changed = true;
        }
      }
      if (!isPlainBranch(value)) {
        return;
      }
      return value.replace(/\\(.)/g, "$1");
    };
    var hasRepeatedCharPrefixOverlap = (branches) => {
      const values = branches.map(normalizeSimpleBranch).filter(Boolean);
      for (let i = 0; i < values.length; i++) {
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          const char = a[0];
          if (!char || a !== char.repeat(a.length) || b !== char.repeat(b.length)) {
            continue;
          }
          if (a === b || a.startsWith(b) || b.startsWith(a)) {
            return true;
          }
        }
      }
      return false;
    };
    var parseRepeatedExtglob = (pattern, requireEnd = true) => {
      if (pattern[0] !== "+" && pattern[0] !== "*" || pattern[1] !== "(") {
        return;
      }
      let bracket = 0;
      let paren = 0;
      let quote = 0;
      let escaped = false;
      for (let i = 1; i < pattern.length; i++) {
        const ch = pattern[i];
        if (escaped === true) {
          escaped = false;
          continue;
        }
        if (ch === "\\") {
          escaped = true;
          continue;
        }
        if (ch === '"') {
          quote = quote === 1 ? 0 : 1;
          continue;
        }
        if (quote === 1) {
          continue;
        }
        if (ch === "[") {
          bracket++;
          continue;
        }
        if (ch === "]" && bracket > 0) {
          bracket--;
          continue;
        }
        if (bracket > 0) {
          continue;
        }
        if (ch === "(") {
          paren++;
          continue;
        }
        if (ch === ")") {
          paren--;
          if (paren === 0) {
            if (requireEnd === true && i !== pattern.length - 1) {
              return;
            }
            return {
              type: pattern[0],
              body: pattern.slice(2, i),
              end: i
            };
          }
        }
      }
    };
    var buildCharClassStar = (chars) => {
      const source = chars.length === 1 ? utils.escapeRegex(chars[0]) : `[${chars.map((ch) => utils.escapeRegex(ch)).join("")}]`;
      return `${source}*`;
    };
    var getStarExtglobSequenceChars = (pattern) => {
      let index = 0;
      const chars = [];
      while (index < pattern.length) {
        const match = parseRepeatedExtglob(pattern.slice(index), false);
        if (!match || match.type !== "*") {
          return;
        }
        const branches = splitTopLevel(match.body).map((branch2) => branch2.trim());
        if (branches.length !== 1) {
          return;
        }
        const branch = normalizeSimpleBranch(branches[0]);
        if (!branch || branch.length !== 1) {
          return;
        }
        chars.push(branch);
        index += match.end + 1;
      }
      if (chars.length < 1) {
        return;
      }
      return chars;
    };
    var repeatedExtglobRecursion = (pattern) => {
      let depth = 0;
      let value = pattern.trim();
      let match = parseRepeatedExtglob(value);
      while (match) {
        depth++;
        value = match.body.trim();
        match = parseRepeatedExtglob(value);
      }
      return depth;
    };
    var analyzeRepeatedExtglob = (body, options) => {
      if (options.maxExtglobRecursion === false) {
        return { risky: false };
      }
      const max = typeof options.maxExtglobRecursion === "number" ? options.maxExtglobRecursion : constants.DEFAULT_MAX_EXTGLOB_RECURSION;
      const branches = splitTopLevel(body).map((branch) => branch.trim());
      if (branches.length > 1) {
        if (branches.some((branch) => branch === "") || branches.some((branch) => /^[*?]+$/.test(branch)) || hasRepeatedCharPrefixOverlap(branches)) {
          return { risky: true };
        }
      }
      const safeChars = [];
      let sawStarSequence = false;
      let combinable = true;
      for (const branch of branches) {
        const chars = getStarExtglobSequenceChars(branch);
        if (chars) {
          sawStarSequence = true;
          safeChars.push(...chars);
          continue;
        }
        const literal = normalizeSimpleBranch(branch);
        if (literal && literal.length === 1) {
          safeChars.push(literal);
          continue;
        }
        combinable = false;
        if (repeatedExtglobRecursion(branch) > max) {
          return { risky: true };
        }
      }
      if (sawStarSequence) {
        return combinable ? { risky: true, safeOutput: buildCharClassStar([...new Set(safeChars)]) } : { risky: true };
      }
      return { risky: false };
    };
    var parse = (input, options) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected a string");
      }
      input = REPLACEMENTS[input] || input;
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      let len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      const bos = { type: "bos", value: "", output: opts.prepend || "" };
      const tokens = [bos];
      const capture = opts.capture ? "" : "?:";
      const PLATFORM_CHARS = constants.globChars(opts.windows);
      const EXTGLOB_CHARS = constants.extglobChars(PLATFORM_CHARS);
      const {
        DOT_LITERAL,
        PLUS_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOT_SLASH,
        NO_DOTS_SLASH,
        QMARK,
        QMARK_NO_DOT,
        STAR,
        START_ANCHOR
      } = PLATFORM_CHARS;
      const globstar = (opts2) => {
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const nodot = opts.dot ? "" : NO_DOT;
      const qmarkNoDot = opts.dot ? QMARK : QMARK_NO_DOT;
      let star = opts.bash === true ? globstar(opts) : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      if (typeof opts.noext === "boolean") {
        opts.noextglob = opts.noext;
      }
      const state = {
        input,
        index: -1,
        start: 0,
        dot: opts.dot === true,
        consumed: "",
        output: "",
        prefix: "",
        backtrack: false,
        negated: false,
        brackets: 0,
        braces: 0,
        parens: 0,
        quotes: 0,
        globstar: false,
        tokens
      };
      input = utils.removePrefix(input, state);
      len = input.length;
      const extglobs = [];
      const braces = [];
      const stack = [];
      let prev = bos;
      let value;
      const eos = () => state.index === len - 1;
      const peek = state.peek = (n = 1) => input[state.index + n];
      const advance = state.advance = () => input[++state.index] || "";
      const remaining = () => input.slice(state.index + 1);
      const consume = (value2 = "", num = 0) => {
        state.consumed += value2;
        state.index += num;
      };
      const append = (token) => {
        state.output += token.output != null ? token.output : token.value;
        consume(token.value);
      };
      const negate = () => {
        let count = 1;
        while (peek() === "!" && (peek(2) !== "(" || peek(3) === "?")) {
          advance();
          state.start++;
          count++;
        }
        if (count % 2 === 0) {
          return false;
        }
        state.negated = true;
        state.start++;
        return true;
      };
      const increment = (type) => {
        state[type]++;
        stack.push(type);
      };
      const decrement = (type) => {
        state[type]--;
        stack.pop();
      };
      const push = (tok) => {
        if (prev.type === "globstar") {
          const isBrace = state.braces > 0 && (tok.type === "comma" || tok.type === "brace");
          const isExtglob = tok.extglob === true || extglobs.length && (tok.type === "pipe" || tok.type === "paren");
          if (tok.type !== "slash" && tok.type !== "paren" && !isBrace && !isExtglob) {
            state.output = state.output.slice(0, -prev.output.length);
            prev.type = "star";
            prev.value = "*";
            prev.output = star;
            state.output += prev.output;
          }
        }
        if (extglobs.length && tok.type !== "paren") {
          extglobs[extglobs.length - 1].inner += tok.value;
        }
        if (tok.value || tok.output) append(tok);
        if (prev && prev.type === "text" && tok.type === "text") {
          prev.output = (prev.output || prev.value) + tok.value;
          prev.value += tok.value;
          return;
        }
        tok.prev = prev;
        tokens.push(tok);
        prev = tok;
      };
      const extglobOpen = (type, value2) => {
        const token = { ...EXTGLOB_CHARS[value2], conditions: 1, inner: "" };
        token.prev = prev;
        token.parens = state.parens;
        token.output = state.output;
        token.startIndex = state.index;
        token.tokensIndex = tokens.length;
        const output = (opts.capture ? "(" : "") + token.open;
        increment("parens");
        push({ type, value: value2, output: state.output ? "" : ONE_CHAR });
        push({ type: "paren", extglob: true, value: advance(), output });
        extglobs.push(token);
      };
      const extglobClose = (token) => {
        const literal = input.slice(token.startIndex, state.index + 1);
        const body = input.slice(token.startIndex + 2, state.index);
        const analysis = analyzeRepeatedExtglob(body, opts);
        if ((token.type === "plus" || token.type === "star") && analysis.risky) {
          const safeOutput = analysis.safeOutput ? (token.output ? "" : ONE_CHAR) + (opts.capture ? `(${analysis.safeOutput})` : analysis.safeOutput) : void 0;
          const open = tokens[token.tokensIndex];
          open.type = "text";
          open.value = literal;
          open.output = safeOutput || utils.escapeRegex(literal);
          for (let i = token.tokensIndex + 1; i < tokens.length; i++) {
            tokens[i].value = "";
            tokens[i].output = "";
            delete tokens[i].suffix;
          }
          state.output = token.output + open.output;
          state.backtrack = true;
          push({ type: "paren", extglob: true, value, output: "" });
          decrement("parens");
          return;
        }
        let output = token.close + (opts.capture ? ")" : "");
        let rest;
        if (token.type === "negate") {
          let extglobStar = star;
          if (token.inner && token.inner.length > 1 && token.inner.includes("/")) {
            extglobStar = globstar(opts);
          }
          if (extglobStar !== star || eos() || /^\)+$/.test(remaining())) {
            output = token.close = `)$))${extglobStar}`;
          }
          if (token.inner.includes("*") && (rest = remaining()) && /^\.[^\\/.]+$/.test(rest)) {
            const expression = parse(rest, { ...options, fastpaths: false }).output;
            output = token.close = `)${expression})${extglobStar})`;
          }
          if (token.prev.type === "bos") {
            state.negatedExtglob = true;
          }
        }
        push({ type: "paren", extglob: true, value, output });
        decrement("parens");
      };
      if (opts.fastpaths !== false && !/(^[*!]|[/()[\]{}"])/.test(input)) {
        let backslashes = false;
        let output = input.replace(REGEX_SPECIAL_CHARS_BACKREF, (m, esc, chars, first, rest, index) => {
          if (first === "\\") {
            backslashes = true;
            return m;
          }
          if (first === "?") {
            if (esc) {
              return esc + first + (rest ? QMARK.repeat(rest.length) : "");
            }
            if (index === 0) {
              return qmarkNoDot + (rest ? QMARK.repeat(rest.length) : "");
            }
            return QMARK.repeat(chars.length);
          }
          if (first === ".") {
            return DOT_LITERAL.repeat(chars.length);
          }
          if (first === "*") {
            if (esc) {
              return esc + first + (rest ? star : "");
            }
            return star;
          }
          return esc ? m : `\\${m}`;
        });
        if (backslashes === true) {
          if (opts.unescape === true) {
            output = output.replace(/\\/g, "");
          } else {
            output = output.replace(/\\+/g, (m) => {
              return m.length % 2 === 0 ? "\\\\" : m ? "\\" : "";
            });
          }
        }
        if (output === input && opts.contains === true) {
          state.output = input;
          return state;
        }
        state.output = utils.wrapOutput(output, state, options);
        return state;
      }
      while (!eos()) {
        value = advance();
        if (value === "\0") {
          continue;
        }
        if (value === "\\") {
          const next = peek();
          if (next === "/" && opts.bash !== true) {
            continue;
          }
          if (next === "." || next === ";") {
            continue;
          }
          if (!next) {
            value += "\\";
            push({ type: "text", value });
            continue;
          }
          const match = /^\\+/.exec(remaining());
          let slashes = 0;
          if (match && match[0].length > 2) {
            slashes = match[0].length;
            state.index += slashes;
            if (slashes % 2 !== 0) {
              value += "\\";
            }
          }
          if (opts.unescape === true) {
            value = advance();
          } else {
            value += advance();
          }
          if (state.brackets === 0) {
            push({ type: "text", value });
            continue;
          }
        }
        if (state.brackets > 0 && (value !== "]" || prev.value === "[" || prev.value === "[^")) {
          if (opts.posix !== false && value === ":") {
            const inner = prev.value.slice(1);
            if (inner.includes("[")) {
              prev.posix = true;
              if (inner.includes(":")) {
                const idx = prev.value.lastIndexOf("[");
                const pre = prev.value.slice(0, idx);
                const rest2 = prev.value.slice(idx + 2);
                const posix2 = POSIX_REGEX_SOURCE[rest2];
                if (posix2) {
                  prev.value = pre + posix2;
                  state.backtrack = true;
                  advance();
                  if (!bos.output && tokens.indexOf(prev) === 1) {
                    bos.output = ONE_CHAR;
                  }
                  continue;
                }
              }
            }
          }
          if (value === "[" && peek() !== ":" || value === "-" && peek() === "]") {
            value = `\\${value}`;
          }
          if (value === "]" && (prev.value === "[" || prev.value === "[^")) {
            value = `\\${value}`;
          }
          if (opts.posix === true && value === "!" && prev.value === "[") {
            value = "^";
          }
          prev.value += value;
          append({ value });
          continue;
        }
        if (state.quotes === 1 && value !== '"') {
          value = utils.escapeRegex(value);
          prev.value += value;
          append({ value });
          continue;
        }
        if (value === '"') {
          state.quotes = state.quotes === 1 ? 0 : 1;
          if (opts.keepQuotes === true) {
            push({ type: "text", value });
          }
          continue;
        }
        if (value === "(") {
          increment("parens");
          push({ type: "paren", value });
          continue;
        }
        if (value === ")") {
          if (state.parens === 0 && opts.strictBrackets === true) {
            throw new SyntaxError(syntaxError("opening", "("));
          }
          const extglob = extglobs[extglobs.length - 1];
          if (extglob && state.parens === extglob.parens + 1) {
            extglobClose(extglobs.pop());
            continue;
          }
          push({ type: "paren", value, output: state.parens ? ")" : "\\)" });
          decrement("parens");
          continue;
        }
        if (value === "[") {
          if (opts.nobracket === true || !remaining().includes("]")) {
            if (opts.nobracket !== true && opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("closing", "]"));
            }
            value = `\\${value}`;
          } else {
            increment("brackets");
          }
          push({ type: "bracket", value });
          continue;
        }
        if (value === "]") {
          if (opts.nobracket === true || prev && prev.type === "bracket" && prev.value.length === 1) {
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          if (state.brackets === 0) {
            if (opts.strictBrackets === true) {
              throw new SyntaxError(syntaxError("opening", "["));
            }
            push({ type: "text", value, output: `\\${value}` });
            continue;
          }
          decrement("brackets");
          const prevValue = prev.value.slice(1);
          if (prev.posix !== true && prevValue[0] === "^" && !prevValue.includes("/")) {
            value = `/${value}`;
          }
          prev.value += value;
          append({ value });
          if (opts.literalBrackets === false || utils.hasRegexChars(prevValue)) {
            continue;
          }
          const escaped = utils.escapeRegex(prev.value);
          state.output = state.output.slice(0, -prev.value.length);
          if (opts.literalBrackets === true) {
            state.output += escaped;
            prev.value = escaped;
            continue;
          }
          prev.value = `(${capture}${escaped}|${prev.value})`;
          state.output += prev.value;
          continue;
        }
        if (value === "{" && opts.nobrace !== true) {
          increment("braces");
          const open = {
            type: "brace",
            value,
            output: "(",
            outputIndex: state.output.length,
            tokensIndex: state.tokens.length
          };
          braces.push(open);
          push(open);
          continue;
        }
        if (value === "}") {
          const brace = braces[braces.length - 1];
          if (opts.nobrace === true || !brace) {
            push({ type: "text", value, output: value });
            continue;
          }
          let output = ")";
          if (brace.dots === true) {
            const arr = tokens.slice();
            const range = [];
            for (let i = arr.length - 1; i >= 0; i--) {
              tokens.pop();
              if (arr[i].type === "brace") {
                break;
              }
              if (arr[i].type !== "dots") {
                range.unshift(arr[i].value);
              }
            }
            output = expandRange(range, opts);
            state.backtrack = true;
          }
          if (brace.comma !== true && brace.dots !== true) {
            const out = state.output.slice(0, brace.outputIndex);
            const toks = state.tokens.slice(brace.tokensIndex);
            brace.value = brace.output = "\\{";
            value = output = "\\}";
            state.output = out;
            for (const t of toks) {
              state.output += t.output || t.value;
            }
          }
          push({ type: "brace", value, output });
          decrement("braces");
          braces.pop();
          continue;
        }
        if (value === "|") {
          if (extglobs.length > 0) {
            extglobs[extglobs.length - 1].conditions++;
          }
          push({ type: "text", value });
          continue;
        }
        if (value === ",") {
          let output = value;
          const brace = braces[braces.length - 1];
          if (brace && stack[stack.length - 1] === "braces") {
            brace.comma = true;
            output = "|";
          }
          push({ type: "comma", value, output });
          continue;
        }
        if (value === "/") {
          if (prev.type === "dot" && state.index === state.start + 1) {
            state.start = state.index + 1;
            state.consumed = "";
            state.output = "";
            tokens.pop();
            prev = bos;
            continue;
          }
          push({ type: "slash", value, output: SLASH_LITERAL });
          continue;
        }
        if (value === ".") {
          if (state.braces > 0 && prev.type === "dot") {
            if (prev.value === ".") prev.output = DOT_LITERAL;
            const brace = braces[braces.length - 1];
            prev.type = "dots";
            prev.output += value;
            prev.value += value;
            brace.dots = true;
            continue;
          }
          if (state.braces + state.parens === 0 && prev.type !== "bos" && prev.type !== "slash") {
            push({ type: "text", value, output: DOT_LITERAL });
            continue;
          }
          push({ type: "dot", value, output: DOT_LITERAL });
          continue;
        }
        if (value === "?") {
          const isGroup = prev && prev.value === "(";
          if (!isGroup && opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("qmark", value);
            continue;
          }
          if (prev && prev.type === "paren") {
            const next = peek();
            let output = value;
            if (prev.value === "(" && !/[!=<:]/.test(next) || next === "<" && !/<([!=]|\w+>)/.test(remaining())) {
              output = `\\${value}`;
            }
            push({ type: "text", value, output });
            continue;
          }
          if (opts.dot !== true && (prev.type === "slash" || prev.type === "bos")) {
            push({ type: "qmark", value, output: QMARK_NO_DOT });
            continue;
          }
          push({ type: "qmark", value, output: QMARK });
          continue;
        }
        if (value === "!") {
          if (opts.noextglob !== true && peek() === "(") {
            if (peek(2) !== "?" || !/[!=<:]/.test(peek(3))) {
              extglobOpen("negate", value);
              continue;
            }
          }
          if (opts.nonegate !== true && state.index === 0) {
            negate();
            continue;
          }
        }
        if (value === "+") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            extglobOpen("plus", value);
            continue;
          }
          if (prev && prev.value === "(" || opts.regex === false) {
            push({ type: "plus", value, output: PLUS_LITERAL });
            continue;
          }
          if (prev && (prev.type === "bracket" || prev.type === "paren" || prev.type === "brace") || state.parens > 0) {
            push({ type: "plus", value });
            continue;
          }
          push({ type: "plus", value: PLUS_LITERAL });
          continue;
        }
        if (value === "@") {
          if (opts.noextglob !== true && peek() === "(" && peek(2) !== "?") {
            push({ type: "at", extglob: true, value, output: "" });
            continue;
          }
          push({ type: "text", value });
          continue;
        }
        if (value !== "*") {
          if (value === "$" || value === "^") {
            value = `\\${value}`;
          }
          const match = REGEX_NON_SPECIAL_CHARS.exec(remaining());
          if (match) {
            value += match[0];
            state.index += match[0].length;
          }
          push({ type: "text", value });
          continue;
        }
        if (prev && (prev.type === "globstar" || prev.star === true)) {
          prev.type = "star";
          prev.star = true;
          prev.value += value;
          prev.output = star;
          state.backtrack = true;
          state.globstar = true;
          consume(value);
          continue;
        }
        let rest = remaining();
        if (opts.noextglob !== true && /^\([^?]/.test(rest)) {
          extglobOpen("star", value);
          continue;
        }
        if (prev.type === "star") {
          if (opts.noglobstar === true) {
            consume(value);
            continue;
          }
          const prior = prev.prev;
          const before = prior.prev;
          const isStart = prior.type === "slash" || prior.type === "bos";
          const afterStar = before && (before.type === "star" || before.type === "globstar");
          if (opts.bash === true && (!isStart || rest[0] && rest[0] !== "/")) {
            push({ type: "star", value, output: "" });
            continue;
          }
          const isBrace = state.braces > 0 && (prior.type === "comma" || prior.type === "brace");
          const isExtglob = extglobs.length && (prior.type === "pipe" || prior.type === "paren");
          if (!isStart && prior.type !== "paren" && !isBrace && !isExtglob) {
            push({ type: "star", value, output: "" });
            continue;
          }
          while (rest.slice(0, 3) === "/**") {
            const after = input[state.index + 4];
            if (after && after !== "/") {
              break;
            }
            rest = rest.slice(3);
            consume("/**", 3);
          }
          const isEnd = eos() || state.parens > 0 && rest === ")".repeat(state.parens) && !extglobs.some((extglob) => extglob.type === "negate");
          if (prior.type === "bos" && eos()) {
            prev.type = "globstar";
            prev.value += value;
            prev.output = globstar(opts);
            state.output = prev.output;
            state.globstar = true;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && !afterStar && isEnd) {
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = globstar(opts) + (opts.strictSlashes ? ")" : "|$)");
            prev.value += value;
            state.globstar = true;
            state.output += prior.output + prev.output;
            consume(value);
            continue;
          }
          if (prior.type === "slash" && prior.prev.type !== "bos" && rest[0] === "/") {
            const end = rest[1] !== void 0 ? "|$" : "";
            state.output = state.output.slice(0, -(prior.output + prev.output).length);
            prior.output = `(?:${prior.output}`;
            prev.type = "globstar";
            prev.output = `${globstar(opts)}${SLASH_LITERAL}|${SLASH_LITERAL}${end})`;
            prev.value += value;
            state.output += prior.output + prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          if (prior.type === "bos" && rest[0] === "/") {
            prev.type = "globstar";
            prev.value += value;
            prev.output = `(?:^|${SLASH_LITERAL}|${globstar(opts)}${SLASH_LITERAL})`;
            state.output = prev.output;
            state.globstar = true;
            consume(value + advance());
            push({ type: "slash", value: "/", output: "" });
            continue;
          }
          state.output = state.output.slice(0, -prev.output.length);
          prev.type = "globstar";
          prev.output = globstar(opts);
          prev.value += value;
          state.output += prev.output;
          state.globstar = true;
          consume(value);
          continue;
        }
        const token = { type: "star", value, output: star };
        if (opts.bash === true) {
          token.output = ".*?";
          if (prev.type === "bos" || prev.type === "slash") {
            token.output = nodot + token.output;
          }
          push(token);
          continue;
        }
        if (prev && (prev.type === "bracket" || prev.type === "paren") && opts.regex === true) {
          token.output = value;
          push(token);
          continue;
        }
        if (state.index === state.start || prev.type === "slash" || prev.type === "dot") {
          if (prev.type === "dot") {
            state.output += NO_DOT_SLASH;
            prev.output += NO_DOT_SLASH;
          } else if (opts.dot === true) {
            state.output += NO_DOTS_SLASH;
            prev.output += NO_DOTS_SLASH;
          } else {
            state.output += nodot;
            prev.output += nodot;
          }
          if (peek() !== "*") {
            state.output += ONE_CHAR;
            prev.output += ONE_CHAR;
          }
        }
        push(token);
      }
      while (state.brackets > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "]"));
        state.output = utils.escapeLast(state.output, "[");
        decrement("brackets");
      }
      while (state.parens > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", ")"));
        state.output = utils.escapeLast(state.output, "(");
        decrement("parens");
      }
      while (state.braces > 0) {
        if (opts.strictBrackets === true) throw new SyntaxError(syntaxError("closing", "}"));
        state.output = utils.escapeLast(state.output, "{");
        decrement("braces");
      }
      if (opts.strictSlashes !== true && (prev.type === "star" || prev.type === "bracket")) {
        push({ type: "maybe_slash", value: "", output: `${SLASH_LITERAL}?` });
      }
      if (state.backtrack === true) {
        state.output = "";
        for (const token of state.tokens) {
          state.output += token.output != null ? token.output : token.value;
          if (token.suffix) {
            state.output += token.suffix;
          }
        }
      }
      return state;
    };
    parse.fastpaths = (input, options) => {
      const opts = { ...options };
      const max = typeof opts.maxLength === "number" ? Math.min(MAX_LENGTH, opts.maxLength) : MAX_LENGTH;
      const len = input.length;
      if (len > max) {
        throw new SyntaxError(`Input length: ${len}, exceeds maximum allowed length: ${max}`);
      }
      input = REPLACEMENTS[input] || input;
      const {
        DOT_LITERAL,
        SLASH_LITERAL,
        ONE_CHAR,
        DOTS_SLASH,
        NO_DOT,
        NO_DOTS,
        NO_DOTS_SLASH,
        STAR,
        START_ANCHOR
      } = constants.globChars(opts.windows);
      const nodot = opts.dot ? NO_DOTS : NO_DOT;
      const slashDot = opts.dot ? NO_DOTS_SLASH : NO_DOT;
      const capture = opts.capture ? "" : "?:";
      const state = { negated: false, prefix: "" };
      let star = opts.bash === true ? ".*?" : STAR;
      if (opts.capture) {
        star = `(${star})`;
      }
      const globstar = (opts2) => {
        if (opts2.noglobstar === true) return star;
        return `(${capture}(?:(?!${START_ANCHOR}${opts2.dot ? DOTS_SLASH : DOT_LITERAL}).)*?)`;
      };
      const create = (str) => {
        switch (str) {
          case "*":
            return `${nodot}${ONE_CHAR}${star}`;
          case ".*":
            return `${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*.*":
            return `${nodot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "*/*":
            return `${nodot}${star}${SLASH_LITERAL}${ONE_CHAR}${slashDot}${star}`;
          case "**":
            return nodot + globstar(opts);
          case "**/*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${ONE_CHAR}${star}`;
          case "**/*.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${slashDot}${star}${DOT_LITERAL}${ONE_CHAR}${star}`;
          case "**/.*":
            return `(?:${nodot}${globstar(opts)}${SLASH_LITERAL})?${DOT_LITERAL}${ONE_CHAR}${star}`;
          default: {
            const match = /^(.*?)\.(\w+)$/.exec(str);
            if (!match) return;
            const source2 = create(match[1]);
            if (!source2) return;
            return source2 + DOT_LITERAL + match[2];
          }
        }
      };
      const output = utils.removePrefix(input, state);
      let source = create(output);
      if (source && opts.strictSlashes !== true) {
        source += `${SLASH_LITERAL}?`;
      }
      return source;
    };
    module.exports = parse;
  }
});

// node_modules/picomatch/lib/picomatch.js
var require_picomatch = __commonJS({
  "node_modules/picomatch/lib/picomatch.js"(exports, module) {
    "use strict";
    var scan = require_scan();
    var parse = require_parse();
    var utils = require_utils();
    var constants = require_constants();
    var isObject = (val) => val && typeof val === "object" && !Array.isArray(val);
    var picomatch2 = (glob, options, returnState = false) => {
      if (Array.isArray(glob)) {
        const fns = glob.map((input) => picomatch2(input, options, returnState));
        const arrayMatcher = (str) => {
          for (const isMatch of fns) {
            const state2 = isMatch(str);
            if (state2) return state2;
          }
          return false;
        };
        return arrayMatcher;
      }
      const isState = isObject(glob) && glob.tokens && glob.input;
      if (glob === "" || typeof glob !== "string" && !isState) {
        throw new TypeError("Expected pattern to be a non-empty string");
      }
      const opts = options || {};
      const posix2 = opts.windows;
      const regex = isState ? picomatch2.compileRe(glob, options) : picomatch2.makeRe(glob, options, false, true);
      const state = regex.state;
      delete regex.state;
      let isIgnored = () => false;
      if (opts.ignore) {
        const ignoreOpts = { ...options, ignore: null, onMatch: null, onResult: null };
        isIgnored = picomatch2(opts.ignore, ignoreOpts, returnState);
      }
      const matcher = (input, returnObject = false) => {
        const { isMatch, match, output } = picomatch2.test(input, regex, options, { glob, posix: posix2 });
        const result = { glob, state, regex, posix: posix2, input, output, match, isMatch };
        if (typeof opts.onResult === "function") {
          opts.onResult(result);
        }
        if (isMatch === false) {
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (isIgnored(input)) {
          if (typeof opts.onIgnore === "function") {
            opts.onIgnore(result);
          }
          result.isMatch = false;
          return returnObject ? result : false;
        }
        if (typeof opts.onMatch === "function") {
          opts.onMatch(result);
        }
        return returnObject ? result : true;
      };
      if (returnState) {
        matcher.state = state;
      }
      return matcher;
    };
    picomatch2.test = (input, regex, options, { glob, posix: posix2 } = {}) => {
      if (typeof input !== "string") {
        throw new TypeError("Expected input to be a string");
      }
      if (input === "") {
        return { isMatch: false, output: "" };
      }
      const opts = options || {};
      const format = opts.format || (posix2 ? utils.toPosixSlashes : null);
      let match = input === glob;
      let output = match && format ? format(input) : input;
      if (match === false) {
        output = format ? format(input) : input;
        match = output === glob;
      }
      if (match === false || opts.capture === true) {
        if (opts.matchBase === true || opts.basename === true) {
          match = picomatch2.matchBase(input, regex, options, posix2);
        } else {
          match = regex.exec(output);
        }
      }
      return { isMatch: Boolean(match), match, output };
    };
    picomatch2.matchBase = (input, glob, options, posix2 = options && options.windows) => {
      const regex = glob instanceof RegExp ? glob : picomatch2.makeRe(glob, options);
      return regex.test(utils.basename(input, { windows: posix2 }));
    };
    picomatch2.isMatch = (str, patterns, options) => picomatch2(patterns, options)(str);
    picomatch2.parse = (pattern, options) => {
      if (Array.isArray(pattern)) return pattern.map((p) => picomatch2.parse(p, options));
      return parse(pattern, { ...options, fastpaths: false });
    };
    picomatch2.scan = (input, options) => scan(input, options);
    picomatch2.compileRe = (state, options, returnOutput = false, returnState = false) => {
      if (returnOutput === true) {
        return state.output;
      }
      const opts = options || {};
      const prepend = opts.contains ? "" : "^";
      const append = opts.contains ? "" : "$";
      let source = `${prepend}(?:${state.output})${append}`;
      if (state && state.negated === true) {
        source = `^(?!${source}).*$`;
      }
      const regex = picomatch2.toRegex(source, options);
      if (returnState === true) {
        regex.state = state;
      }
      return regex;
    };
    picomatch2.makeRe = (input, options = {}, returnOutput = false, returnState = false) => {
      if (!input || typeof input !== "string") {
        throw new TypeError("Expected a non-empty string");
      }
      let parsed = { negated: false, fastpaths: true };
      if (options.fastpaths !== false && (input[0] === "." || input[0] === "*")) {
        parsed.output = parse.fastpaths(input, options);
      }
      if (!parsed.output) {
        parsed = parse(input, options);
      }
      return picomatch2.compileRe(parsed, options, returnOutput, returnState);
    };
    picomatch2.toRegex = (source, options) => {
      try {
        const opts = options || {};
        return new RegExp(source, opts.flags || (opts.nocase ? "i" : ""));
      } catch (err) {
        if (options && options.debug === true) throw err;
        return /$^/;
      }
    };
    picomatch2.constants = constants;
    module.exports = picomatch2;
  }
});

// node_modules/picomatch/index.js
var require_picomatch2 = __commonJS({
  "node_modules/picomatch/index.js"(exports, module) {
    "use strict";
    var pico = require_picomatch();
    var utils = require_utils();
    function picomatch2(glob, options, returnState = false) {
      if (options && (options.windows === null || options.windows === void 0)) {
        options = { ...options, windows: utils.isWindows() };
      }
      return pico(glob, options, returnState);
    }
    Object.assign(picomatch2, pico);
    module.exports = picomatch2;
  }
});

// core/crypto/create-opener.ts
async function createFileOpener(opener, options) {
  const pool = await CryptoPool.start(
    options.workerUrl,
    { identities: opener.secretKeys() },
    options.expectedBlobs
  );
  if (pool) {
    const request = async (source, ...[encoding, context, target, mode, size, how]) => pool.request({
      kind: "open",
      ...source,
      encoding,
      context,
      writeBeside: target,
      mode,
      size,
      ...how ? { how } : {}
    });
    return {
      async openInto(ciphertext, ...rest) {
        return (await request({ ciphertext }, ...rest)).tempPath;
      },
      async openFileInto(blobFile, ...rest) {
        const reply = await request({ blobFile }, ...rest);
        return reply.unread ? void 0 : reply.tempPath;
      },
      close: () => pool.close(),
      mode: "pool"
    };
  }
  return {
    async openInto(ciphertext, encoding, context, target, mode, size, how) {
      const content = await opener.open(ciphertext, encoding, context);
      return writeOpenedTempFile(target, content, mode, size, context, how);
    },
    close: async () => void 0,
    mode: "thread"
  };
}

// core/snapshot/restore-snapshot.ts
var import_picomatch = __toESM(require_picomatch2(), 1);
import {
  chmod,
  lstat as lstat2,
  mkdir,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  rmdir,
  symlink,
  unlink as unlink2
} from "node:fs/promises";
import { randomBytes as randomBytes2 } from "node:crypto";
import { basename, dirname as dirname2, join as join4, resolve } from "node:path";

// core/snapshot/check-restore-paths.ts
var MAX_SEGMENT_BYTES = 255;
function pathProblem(path) {
  if (typeof path !== "string" || path.length === 0) return "the path is empty";
  if (path.includes("\0")) return "the path contains a NUL byte";
  if (path.startsWith("/")) return "the path is absolute";
  for (const segment of path.split("/")) {
    if (segment === "") return "the path has an empty segment (// or a trailing /)";
    if (segment === "." || segment === "..") return `the path has a '${segment}' segment`;
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES)
      return "a path segment is longer than 255 bytes";
  }
  return void 0;
}
function findUnsafeRestorePaths(files, emptyDirectories = []) {
  const problems = [];
  const kinds = /* @__PURE__ */ new Map();
  const valid = [];
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) problems.push({ path: file.path, reason: problem });
    else if (kinds.has(file.path))
      problems.push({ path: file.path, reason: "the path is listed twice" });
    else {
      kinds.set(file.path, file.type);
      valid.push(file);
    }
  }
  const underAnEntry = (path) => {
    const segments = path.split("/");
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join("/");
      const kind = kinds.get(parent);
      if (kind === "file")
        return { path, reason: `its parent '${parent}' is a file in the same snapshot` };
      if (kind === "symlink")
        return { path, reason: `it would be written through the symlink '${parent}'` };
    }
    return void 0;
  };
  for (const file of valid) {
    const problem = underAnEntry(file.path);
    if (problem) problems.push(problem);
    if (file.type === "symlink" && (typeof file.target !== "string" || file.target === "" || file.target.includes("\0")))
      problems.push({ path: file.path, reason: "the symlink target is empty or contains NUL" });
  }
  for (const dir of emptyDirectories) {
    const problem = pathProblem(dir);
    if (problem) problems.push({ path: `${dir}/`, reason: problem });
    else if (kinds.has(dir))
      problems.push({ path: `${dir}/`, reason: "the snapshot also lists it as a file" });
    else {
      const under = underAnEntry(dir);
      if (under) problems.push({ path: `${dir}/`, reason: under.reason });
    }
  }
  return problems;
}
function assertSafeRestorePaths(files, where, emptyDirectories = []) {
  const problems = findUnsafeRestorePaths(files, emptyDirectories);
  const first = problems[0];
  if (first) {
    throw new SnapgateError(
      "UNSAFE_PATH",
      `Refusing to restore ${where}: '${first.path.replace(/\0/g, "\\0")}' is unsafe (${first.reason})${problems.length > 1 ? ` and ${problems.length - 1} more` : ""}. Nothing was written.`,
      {
        fix: "This manifest was crafted or written by a faulty writer; do not restore it. Check who can write the store, and restore an earlier snapshot.",
        details: { problems }
      }
    );
  }
}

// core/snapshot/assert-identity-is-recipient.ts
function assertIdentityIsRecipient(opener, manifest) {
  const identity = distinctRecipients(opener.recipients);
  const opens = (recipients) => identity.some((recipient) => recipients.includes(recipient));
  const fix = "Use an identity whose public key is one of the snapshot's recipients (the restore environment's secret or the break-glass key).";
  if (!opens(manifest.recipients)) {
    throw new SnapgateError(
      "WRONG_KEY",
      `Snapshot ${manifest.stream}@${manifest.seq} is encrypted to ${distinctRecipients(manifest.recipients).join(", ")}; your identity is ${identity.join(", ")}. Nothing was restored.`,
      { fix }
    );
  }
  const sealedToOthers = manifest.files.filter(
    (file) => file.type === "file" && !opens(recipientsOfFile(manifest, file))
  );
  if (sealedToOthers.length > 0) {
    throw new SnapgateError(
      "WRONG_KEY",
      `${sealedToOthers.length} file(s) of snapshot ${manifest.stream}@${manifest.seq} are not sealed to your identity ${identity.join(", ")}, although the snapshot lists it: ${sealedToOthers.slice(0, 3).map((file) => file.path).join(", ")}${sealedToOthers.length > 3 ? ", ..." : ""}. Nothing was restored.`,
      {
        fix: `${fix} \`snapgate verify\` lists which recipients cannot open which files; a new snapshot seals every file to the current recipients.`
      }
    );
  }
}

// core/rekey/assert-identity-opens-snapshot.ts
async function assertIdentityOpensSnapshot(opener, store, manifest, trustedKeys) {
  try {
    assertIdentityIsRecipient(opener, manifest);
  } catch (error) {
    if (!isSnapgateError(error, "WRONG_KEY")) throw error;
    const view = await rewrappedManifestView(store, manifest, await loadSodium(), trustedKeys);
    if (view === manifest) throw error;
    assertIdentityIsRecipient(opener, view);
  }
}

// core/snapshot/find-link-warnings.ts
import { posix } from "node:path";
function findLinkWarnings(files) {
  const links = new Set(files.filter((file) => file.type === "symlink").map((file) => file.path));
  const warnings = [];
  for (const file of files) {
    if (file.type !== "symlink") continue;
    if (file.target.startsWith("/")) {
      warnings.push({ path: file.path, reason: `it points to the absolute path ${file.target}` });
      continue;
    }
    const resolved = posix.normalize(posix.join(posix.dirname(file.path), file.target));
    if (resolved === ".." || resolved.startsWith("../")) {
      warnings.push({
        path: file.path,
        reason: `it points outside the restore directory (${file.target})`
      });
      continue;
    }
    const hops = resolved.split("/");
    for (let i = 1; i < hops.length; i++) {
      if (links.has(hops.slice(0, i).join("/"))) {
        warnings.push({
          path: file.path,
          reason: `its target passes through another symlink (${file.target})`
        });
        break;
      }
    }
  }
  return warnings;
}

// core/snapshot/find-unrestorable-names.ts
var FOLDING_EVERYTHING = {
  caseSensitive: false,
  normalizationSensitive: false,
  windows: false
};
function folder(folding) {
  return (name) => {
    const normalized = folding.normalizationSensitive ? name : name.normalize("NFC");
    return folding.caseSensitive ? normalized : normalized.toLowerCase();
  };
}
function findUnrestorableNames(paths, folding) {
  const fold = folder(folding);
  const spelled = /* @__PURE__ */ new Map();
  const problems = [];
  for (const path of paths) {
    if (folding.windows && (path.includes("\\") || /^[A-Za-z]:/.test(path))) {
      problems.push({ path, reason: "Windows reads a backslash or a drive letter as a path" });
      continue;
    }
    const segments = path.split("/");
    let collision;
    for (let i = 1; i <= segments.length && collision === void 0; i++) {
      const prefix = segments.slice(0, i).join("/");
      const key = fold(prefix);
      const earlier = spelled.get(key);
      if (earlier === void 0) spelled.set(key, prefix);
      else if (earlier !== prefix) collision = `'${prefix}' and '${earlier}' are one name there`;
    }
    if (collision) problems.push({ path, reason: collision });
  }
  return problems;
}

// core/snapshot/probe-name-folding.ts
import { randomBytes } from "node:crypto";
import { lstat, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
async function exists(path) {
  return lstat(path).then(
    () => true,
    () => false
  );
}
async function nearestExisting(dir) {
  let current = dir;
  while (!await exists(current) && dirname(current) !== current) current = dirname(current);
  return current;
}
async function probeNameFolding(dir) {
  const base = join(
    await nearestExisting(dir),
    `${TEMP_PREFIX}probe-${randomBytes(6).toString("hex")}-`
  );
  const probe = `${base}A\xE9`;
  try {
    await writeFile(probe, "", { flag: "wx", mode: 384 });
  } catch {
    return { ...FOLDING_EVERYTHING, windows: process.platform === "win32" };
  }
  try {
    return {
      caseSensitive: !await exists(`${base}a\xE9`),
      normalizationSensitive: !await exists(`${base}Ae\u0301`),
      windows: process.platform === "win32"
    };
  } finally {
    await unlink(probe).catch(() => void 0);
  }
}

// core/snapshot/inspect-restore-target.ts
import { lstatSync } from "node:fs";
import { join as join2 } from "node:path";
var inodeKey = (info) => `${info.dev}:${info.ino}`;
function lstatOrNull(path) {
  try {
    return lstatSync(path);
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
function inspectRestoreTarget(target, entries, targetIsEmpty) {
  const existing = /* @__PURE__ */ new Map();
  const missingDirectories = [];
  const conflicts = [];
  const knownInodes = /* @__PURE__ */ new Set();
  const directories = /* @__PURE__ */ new Map([["", "dir"]]);
  const directoryState = (relative) => {
    const known = directories.get(relative);
    if (known !== void 0) return known;
    const slash = relative.lastIndexOf("/");
    const parent = directoryState(slash < 0 ? "" : relative.slice(0, slash));
    let state;
    if (parent !== "dir" || targetIsEmpty)
      state = parent === "dir" || parent === "missing" ? "missing" : parent;
    else {
      const absolute = join2(target, relative);
      const info = lstatOrNull(absolute);
      if (!info) state = "missing";
      else {
        knownInodes.add(inodeKey(info));
        state = info.isSymbolicLink() ? `${absolute} is a symlink` : info.isDirectory() ? "dir" : `${absolute} is not a directory`;
      }
    }
    if (state === "missing") missingDirectories.push(relative);
    directories.set(relative, state);
    return state;
  };
  for (const entry of entries) {
    if (entry.type === "directory") {
      const state = directoryState(entry.path);
      if (state !== "dir" && state !== "missing")
        conflicts.push({ path: `${entry.path}/`, reason: state });
      continue;
    }
    const slash = entry.path.lastIndexOf("/");
    const parent = directoryState(slash < 0 ? "" : entry.path.slice(0, slash));
    if (parent !== "dir") {
      if (parent !== "missing") conflicts.push({ path: entry.path, reason: parent });
      continue;
    }
    if (targetIsEmpty) continue;
    const absolute = join2(target, entry.path);
    const info = lstatOrNull(absolute);
    if (!info) continue;
    knownInodes.add(inodeKey(info));
    existing.set(entry.path, info);
    if (info.isDirectory())
      conflicts.push({ path: entry.path, reason: `${absolute} is a directory` });
  }
  return { existing, missingDirectories, conflicts, knownInodes };
}

// core/snapshot/find-extra-files.ts
import { lstatSync as lstatSync2, readdirSync } from "node:fs";
import { join as join3 } from "node:path";
function findExtraFiles(target, options) {
  const extra = [];
  const walk = (relative) => {
    const names = readdirSync(relative === "" ? target : join3(target, relative)).sort();
    for (const name of names) {
      if (name.startsWith(TEMP_PREFIX)) continue;
      const path = relative === "" ? name : `${relative}/${name}`;
      const info = lstatSync2(join3(target, path));
      if (info.isDirectory()) {
        if (options.worthWalking(path)) walk(path);
        if (!options.snapshotDirectories.has(path) && !options.snapshotPaths.has(path) && !options.knownInodes.has(inodeKey(info)) && options.inScope(path))
          extra.push({ path: `${path}/`, directory: true });
      } else if (!options.snapshotPaths.has(path) && !options.knownInodes.has(inodeKey(info)) && options.inScope(path)) {
        extra.push({ path, directory: false });
      }
    }
  };
  walk("");
  return extra;
}

// core/snapshot/restore-snapshot.ts
function safeMode(mode) {
  return mode & 511;
}
async function inspectTargetDirectory(dir) {
  let info;
  try {
    info = await lstat2(dir);
  } catch (error) {
    if (error.code === "ENOENT") return "missing";
    throw error;
  }
  if (info.isSymbolicLink()) {
    const real = await readlink(dir).catch(() => "?");
    throw new SnapgateError(
      "UNSAFE_PATH",
      `The restore target ${dir} is not a directory (it is a symlink, to ${real}). Nothing was written.`,
      {
        fix: "A restore never writes through a link: pass the directory itself as --to (its real path)."
      }
    );
  }
  if (!info.isDirectory()) {
    throw new SnapgateError("UNSAFE_PATH", `The restore target ${dir} is not a directory.`, {
      fix: "Restore into a new directory (--to DIR)."
    });
  }
  return (await readdir(dir)).length === 0 ? "empty" : "full";
}
async function exists2(path) {
  return lstat2(path).then(
    () => true,
    () => false
  );
}
function listed(problems, limit = 10) {
  const shown = problems.slice(0, limit).map((p) => `'${p.path}' (${p.reason})`);
  return `${shown.join(", ")}${problems.length > limit ? ` and ${problems.length - limit} more` : ""}`;
}
async function compareFile(absolute, existing, file, content) {
  if (!existing) return { path: file.path, action: "create" };
  if (!existing.isFile()) return { path: file.path, action: "update", changes: ["type"] };
  const changes = [];
  if (!(await readFile(absolute)).equals(content)) changes.push("content");
  if ((existing.mode & 4095) !== safeMode(file.mode)) changes.push("mode");
  return changes.length ? { path: file.path, action: "update", changes } : { path: file.path, action: "unchanged" };
}
async function compareLink(absolute, existing, link) {
  if (!existing) return { path: link.path, action: "create" };
  if (!existing.isSymbolicLink()) return { path: link.path, action: "update", changes: ["type"] };
  return await readlink(absolute) === link.target ? { path: link.path, action: "unchanged" } : { path: link.path, action: "update", changes: ["target"] };
}
async function restoreSnapshot(options) {
  let opening = options.fileOpener;
  opening?.catch(() => void 0);
  try {
    const { manifest } = options.snapshot;
    const selection = selectEntries(manifest, options.include, options.exclude);
    const regularCount = selection.files.filter((file) => file.type === "file").length;
    if (!options.dryRun) {
      opening ??= createFileOpener(options.opener, {
        ...options.workerUrl ? { workerUrl: options.workerUrl } : {},
        expectedBlobs: regularCount
      });
      opening.catch(() => void 0);
    }
    return await restoreSelection(options, selection, options.dryRun ? void 0 : opening);
  } finally {
    await opening?.then(
      (files) => files.close(),
      () => void 0
    );
  }
}
async function restoreSelection(options, selection, opening) {
  const { manifest, id } = options.snapshot;
  const where = `snapshot ${manifest.stream}@${manifest.seq} (${id.slice(0, 12)})`;
  if (!options.skipSignatureCheck) {
    const problem = signatureProblem(
      await loadSodium(),
      manifest,
      options.trustedKeys,
      where,
      options.writerPeriods
    );
    if (problem)
      throw new SnapgateError("INTEGRITY", `${problem.message} Nothing was restored.`, {
        fix: problem.fix
      });
  }
  const emptyDirectories = manifest.emptyDirectories ?? [];
  assertSafeRestorePaths(manifest.files, where, emptyDirectories);
  const regular = selection.files.filter((file) => file.type === "file");
  const links = selection.files.filter((file) => file.type === "symlink");
  if (regular.length > 0) {
    await assertIdentityOpensSnapshot(options.opener, options.store, manifest, options.trustedKeys);
  }
  if (options.deleteExtra && !options.overwrite && !options.dryRun) {
    throw new SnapgateError("USAGE", "--delete removes files from the target: it needs --force.", {
      fix: "See what it would remove with --dry-run --delete first, then pass --force --delete."
    });
  }
  const target = resolve(options.target);
  const state = await inspectTargetDirectory(target);
  if (!options.dryRun && !options.overwrite && state === "full") {
    throw new SnapgateError("USAGE", `The restore target ${target} is not empty.`, {
      fix: "Restore into a new or empty directory, or pass --force to replace the snapshot's files in place (other files are left alone)."
    });
  }
  await assertNamesFit(selection, target, options.nameFolding, where);
  const entries = [
    ...selection.files.map((file) => ({ path: file.path, type: file.type })),
    ...selection.directories.map((path) => ({ path, type: "directory" }))
  ];
  const inspection = inspectRestoreTarget(target, entries, state !== "full");
  if (inspection.conflicts.length > 0) {
    const first = inspection.conflicts[0];
    const more = inspection.conflicts.length - 1;
    throw new SnapgateError(
      "UNSAFE_PATH",
      `Refusing to write ${first.path}: ${first.reason}${more > 0 ? ` (and ${more} more: ${listed(inspection.conflicts.slice(1))})` : ""}. Nothing was written.`,
      {
        fix: "Remove or move what is in the way, restore into a new directory, or leave these paths out with --exclude.",
        details: { conflicts: inspection.conflicts }
      }
    );
  }
  const extras = state === "full" && (options.overwrite || options.dryRun) ? findExtraFiles(target, extraScope(manifest, selection, options, inspection.knownInodes)) : [];
  const warnings = findLinkWarnings(selection.files);
  await assertBlobsPresent(options.store, regular, where, options.trustedKeys);
  const total = selection.files.length;
  let done = 0;
  const plan = [];
  let bytes = 0;
  const extraAction = options.deleteExtra ? "delete" : "extra";
  const extraPlan = extras.map(({ path }) => ({ path, action: extraAction }));
  const missing = new Set(inspection.missingDirectories);
  const directoryPlan = selection.directories.filter((dir) => missing.has(dir)).map((dir) => ({ path: `${dir}/`, action: "create" }));
  if (options.dryRun) {
    await forEachBlobWindow(
      options.store,
      regular,
      async (file, ciphertext) => {
        const content = await openVerifiedBlob(
          options.store,
          options.opener,
          manifest,
          file,
          where,
          ciphertext
        );
        bytes += content.length;
        const absolute = join4(target, ...file.path.split("/"));
        plan.push(await compareFile(absolute, inspection.existing.get(file.path), file, content));
        options.onProgress?.(++done, total);
      },
      4,
      (files, blobs) => files.forEach(
        (file, i) => assertBlobIntact(blobs[i] ?? null, file, where, options.store.location)
      ),
      rewrapResolver(options.store, await loadSodium(), options.trustedKeys)
    );
    for (const link of links) {
      const absolute = join4(target, ...link.path.split("/"));
      plan.push(await compareLink(absolute, inspection.existing.get(link.path), link));
      options.onProgress?.(++done, total);
    }
  } else {
    const fileByFile = state === "full" || state === "empty" && process.platform === "win32";
    const write = fileByFile ? writeAll : writeStaged;
    bytes = await write(options, opening, {
      target,
      targetExists: state !== "missing",
      missingDirectories: inspection.missingDirectories,
      regular,
      links,
      where,
      onFile: () => options.onProgress?.(++done, total)
    });
    for (const file of selection.files)
      plan.push({
        path: file.path,
        action: inspection.existing.has(file.path) ? "update" : "create"
      });
    if (options.deleteExtra) await deleteExtras(target, extras);
  }
  plan.push(...directoryPlan, ...extraPlan);
  plan.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    id,
    stream: manifest.stream,
    seq: manifest.seq,
    target,
    dryRun: options.dryRun ?? false,
    files: regular.length,
    symlinks: links.length,
    directories: selection.directories.length,
    deleted: options.deleteExtra ? extras.length : 0,
    bytes,
    plan,
    warnings
  };
}
var FILE_REQUESTS_IN_FLIGHT = 16;
async function decryptFiles(options, opening, plan, destinationOf, how, written) {
  const { where } = plan;
  const { manifest } = options.snapshot;
  const { store } = options;
  const inFlight = /* @__PURE__ */ new Set();
  let failed = false;
  let bytes = 0;
  const checkWindow = (window, blobs) => window.forEach((file, i) => assertBlobIntact(blobs[i] ?? null, file, where, store.location));
  const opener = await opening;
  const resolveMissing = rewrapResolver(store, await loadSodium(), options.trustedKeys);
  const contextOf = (file) => blobContextOf(manifest, file, where);
  const done = (file, path, destination) => {
    written(path, destination);
    bytes += file.size;
    plan.onFile();
  };
  const openArgs = (file, destination) => [
    file.encoding,
    contextOf(file),
    destination,
    safeMode(file.mode),
    file.size,
    how
  ];
  const fromBytes = async (file, ciphertext) => {
    assertBlobIntact(ciphertext, file, where, store.location);
    const destination = destinationOf(file);
    done(file, await opener.openInto(ciphertext, ...openArgs(file, destination)), destination);
  };
  const track = async (work) => {
    if (failed) return;
    const promise = work();
    inFlight.add(promise);
    try {
      await promise;
    } catch (error) {
      failed = true;
      throw error;
    } finally {
      inFlight.delete(promise);
    }
  };
  try {
    const openFileInto = opener.openFileInto?.bind(opener);
    const blobFilePath = store.blobFilePath?.bind(store);
    if (openFileInto && blobFilePath && plan.regular.length > BLOB_WINDOW) {
      await mapWithConcurrency(
        plan.regular,
        FILE_REQUESTS_IN_FLIGHT,
        (file) => track(async () => {
          const ref = blobRefOf(file);
          const destination = destinationOf(file);
          const path = await openFileInto(
            {
              // Awaited: a wrapped store (a proxy) may answer with a promise.
              path: await blobFilePath(ref),
              file: { path: file.path, blob: file.blob, ciphertextSha256: file.ciphertextSha256 },
              where,
              location: store.location
            },
            ...openArgs(file, destination)
          );
          if (path !== void 0) return done(file, path, destination);
          await fromBytes(file, await store.readBlob(ref) ?? await resolveMissing(ref));
        })
      );
    } else {
      await forEachBlobWindow(
        store,
        plan.regular,
        (file, ciphertext) => track(() => fromBytes(file, ciphertext)),
        8,
        checkWindow,
        resolveMissing
      );
    }
  } catch (error) {
    failed = true;
    await Promise.allSettled([...inFlight]);
    throw error;
  }
  return bytes;
}
function currentUmask() {
  try {
    return process.umask();
  } catch {
    return void 0;
  }
}
async function writeAll(options, opening, plan) {
  const { target } = plan;
  const created = [];
  const temps = [];
  const linkTemps = [];
  const umask = currentUmask();
  let bytes;
  try {
    if (!plan.targetExists) {
      const missing = [];
      for (let dir = target; !await exists2(dir); dir = dirname2(dir)) missing.unshift(dir);
      for (const dir of missing) {
        await mkdir(dir, { mode: 493 });
        created.push(dir);
      }
    }
    await makeDirectories(target, plan.missingDirectories, created);
    bytes = await decryptFiles(
      options,
      opening,
      plan,
      (file) => join4(target, ...file.path.split("/")),
      umask === void 0 ? void 0 : { umask },
      (temp, destination) => temps.push({ temp, destination })
    );
    for (const link of plan.links) {
      const destination = join4(target, ...link.path.split("/"));
      const temp = tempPathFor(destination);
      await symlink(link.target, temp);
      linkTemps.push({ temp, destination });
      plan.onFile();
    }
    await flushFiles(
      target,
      temps.map((t) => t.temp)
    );
  } catch (error) {
    await Promise.all(
      [...temps, ...linkTemps].map(({ temp }) => unlink2(temp).catch(() => void 0))
    );
    for (const dir of created.reverse()) await rmdir(dir).catch(() => void 0);
    throw error;
  }
  await mapWithConcurrency(temps, 16, ({ temp, destination }) => rename(temp, destination));
  for (const { temp, destination } of linkTemps) await rename(temp, destination);
  const parents = /* @__PURE__ */ new Set([target]);
  for (const { destination } of [...temps, ...linkTemps]) parents.add(resolve(destination, ".."));
  for (const dir of created) parents.add(resolve(dir, ".."));
  for (const dir of created) parents.add(dir);
  await flushFiles(target, [...parents]);
  return bytes;
}
var STAGING_INFIX = ".snapgate-restore-";
function stagingPathFor(target) {
  return join4(
    dirname2(target),
    `${basename(target).slice(0, 100)}${STAGING_INFIX}${process.pid}-${randomBytes2(6).toString("hex")}`
  );
}
function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}
async function removeStaleStaging(target) {
  const prefix = `${basename(target).slice(0, 100)}${STAGING_INFIX}`;
  const names = await readdir(dirname2(target)).catch(() => []);
  const stale = names.filter((name) => {
    if (!name.startsWith(prefix)) return false;
    const pid = Number(/^(\d+)-[0-9a-f]{12}$/.exec(name.slice(prefix.length))?.[1]);
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && !processAlive(pid);
  });
  for (const name of stale) await rm(join4(dirname2(target), name), { recursive: true, force: true });
  return stale;
}
async function writeStaged(options, opening, plan) {
  const { target } = plan;
  const parent = dirname2(target);
  const createdParents = [];
  const written = [];
  const staging = stagingPathFor(target);
  let stagingMade = false;
  let bytes;
  const umask = currentUmask();
  try {
    await removeStaleStaging(target).catch(() => []);
    const missing = [];
    for (let dir = parent; !await exists2(dir); dir = dirname2(dir)) missing.unshift(dir);
    for (const dir of missing) {
      await mkdir(dir, { mode: 493 });
      createdParents.push(dir);
    }
    await mkdir(staging, { mode: 493 });
    stagingMade = true;
    const inWorkers = (await opening).mode === "pool";
    if (!inWorkers) await makeDirectories(staging, plan.missingDirectories, []);
    bytes = await decryptFiles(
      options,
      opening,
      plan,
      (file) => join4(staging, ...file.path.split("/")),
      { atTarget: true, makeParents: inWorkers, ...umask === void 0 ? {} : { umask } },
      (path) => written.push(path)
    );
    if (inWorkers) {
      const holding = /* @__PURE__ */ new Set();
      for (const file of plan.regular)
        for (let slash = file.path.lastIndexOf("/"); slash > 0; slash = file.path.lastIndexOf("/", slash - 1))
          holding.add(file.path.slice(0, slash));
      const rest = plan.missingDirectories.filter((dir) => !holding.has(dir));
      await makeDirectories(staging, rest, []);
    }
    const directories = plan.missingDirectories.map((dir) => join4(staging, ...dir.split("/")));
    for (const link of plan.links) {
      await symlink(link.target, join4(staging, ...link.path.split("/")));
      plan.onFile();
    }
    if (plan.targetExists) await chmod(staging, (await lstat2(target)).mode & 4095);
    await flushFiles(staging, [...written, ...directories, staging]);
    await rename(staging, target);
  } catch (error) {
    if (stagingMade) await rm(staging, { recursive: true, force: true }).catch(() => void 0);
    for (const dir of createdParents.reverse()) await rmdir(dir).catch(() => void 0);
    throw error;
  }
  await flushFiles(parent, [parent, ...createdParents.map((dir) => dirname2(dir))]);
  return bytes;
}
async function makeDirectories(target, directories, created) {
  const levels = /* @__PURE__ */ new Map();
  for (const dir of directories) {
    const depth = dir.split("/").length;
    levels.set(depth, [...levels.get(depth) ?? [], dir]);
  }
  for (const depth of [...levels.keys()].sort((a, b) => a - b)) {
    let failure;
    await mapWithConcurrency(levels.get(depth) ?? [], 16, async (dir) => {
      const absolute = join4(target, ...dir.split("/"));
      try {
        await mkdir(absolute, { mode: 493 });
        created.push(absolute);
      } catch (error) {
        failure ??= error;
      }
    });
    if (failure !== void 0) throw failure;
  }
}
async function deleteExtras(target, extras) {
  for (const extra of extras.filter((e) => !e.directory))
    await unlink2(join4(target, ...extra.path.split("/"))).catch((error) => {
      if (error.code !== "ENOENT") throw error;
    });
  const directories = extras.filter((e) => e.directory).map((e) => e.path.slice(0, -1)).sort((a, b) => b.split("/").length - a.split("/").length);
  for (const dir of directories)
    await rmdir(join4(target, ...dir.split("/"))).catch(() => void 0);
  if (extras.length > 0) await flushFiles(target, [target]);
}
function selectEntries(manifest, include, exclude) {
  const excluded = exclude?.length ? (0, import_picomatch.default)([...exclude], { dot: true }) : () => false;
  const included = include?.length ? (0, import_picomatch.default)([...include], { dot: true }) : () => true;
  const wanted = (path) => included(path) && !excluded(path);
  const files = manifest.files.filter((file) => wanted(file.path));
  const directories = (manifest.emptyDirectories ?? []).filter(wanted);
  if (include?.length && files.length === 0 && directories.length === 0) {
    throw new SnapgateError(
      "NOT_FOUND",
      `No file of the snapshot matches --include ${include.join(" ")}.`,
      {
        fix: "Check the globs against `snapgate show <snapshot>` (paths are relative, e.g. deploy/prod/**)."
      }
    );
  }
  return { files, directories };
}
async function assertNamesFit(selection, target, folding, where) {
  const paths = [...selection.files.map((file) => file.path), ...selection.directories];
  const windows = process.platform === "win32";
  if (findUnrestorableNames(paths, { ...FOLDING_EVERYTHING, windows }).length === 0) return;
  const problems = findUnrestorableNames(paths, folding ?? await probeNameFolding(target));
  if (problems.length === 0) return;
  throw new SnapgateError(
    "UNSAFE_PATH",
    `Cannot restore ${where} into ${target}: its file system cannot hold ${problems.length} of its names: ${listed(problems)}. Nothing was written.`,
    {
      fix: `Restore the rest by leaving these out (--exclude '${problems[0]?.path ?? ""}' for each), and restore them into a directory on a file system that tells them apart (e.g. case-sensitive).`,
      details: { problems }
    }
  );
}
async function assertBlobsPresent(store, regular, where, trustedKeys) {
  if (regular.length <= BLOB_WINDOW) return;
  const listed2 = await store.listBlobs({ modifiedAt: false });
  const stored = new Set(listed2.map((blob) => `${blob.id}-${blob.sha256}`));
  const absent = regular.filter((file) => {
    const ref = blobRefOf(file);
    return !stored.has(`${ref.id}-${ref.sha256}`);
  });
  if (absent.length === 0) return;
  const resolve2 = rewrapResolver(store, await loadSodium(), trustedKeys);
  const found = await mapWithConcurrency(
    absent,
    16,
    async (file) => await resolve2(blobRefOf(file)) !== null
  );
  const missing = absent.filter((_, i) => !found[i]);
  if (missing.length === 0) return;
  const first = missing[0];
  throw new SnapgateError(
    "INTEGRITY",
    `The blob of ${first.path}${missing.length > 1 ? ` and ${missing.length - 1} more file(s)` : ""} in ${where} is missing from ${store.location}. Nothing was written.`,
    {
      fix: "The store lost data: restore these files from another snapshot (leave them out with --exclude), and run `snapgate verify --all`.",
      details: { kind: "missing-blob", paths: missing.map((file) => file.path) }
    }
  );
}
function extraScope(manifest, selection, options, knownInodes) {
  const snapshotDirectories = new Set(manifest.emptyDirectories ?? []);
  for (const file of manifest.files) {
    const segments = file.path.split("/");
    for (let i = 1; i < segments.length; i++)
      snapshotDirectories.add(segments.slice(0, i).join("/"));
  }
  const excluded = options.exclude?.length ? (0, import_picomatch.default)([...options.exclude], { dot: true }) : () => false;
  let inScope;
  let worthWalking;
  if (options.include?.length) {
    const included = (0, import_picomatch.default)([...options.include], { dot: true });
    inScope = (path) => included(path) && !excluded(path);
    worthWalking = () => true;
  } else {
    const roots = new Set(selection.directories);
    for (const file of selection.files) {
      const slash = file.path.lastIndexOf("/");
      roots.add(slash < 0 ? "" : file.path.slice(0, slash));
    }
    const aboveRoots = /* @__PURE__ */ new Set();
    for (const root of roots) {
      const segments = root.split("/");
      for (let i = 1; i < segments.length; i++) aboveRoots.add(segments.slice(0, i).join("/"));
    }
    const under = (path) => {
      if (roots.has("")) return true;
      for (let slash = path.indexOf("/"); slash >= 0; slash = path.indexOf("/", slash + 1))
        if (roots.has(path.slice(0, slash))) return true;
      return false;
    };
    inScope = (path) => under(path) && !excluded(path);
    worthWalking = (directory) => under(directory) || roots.has(directory) || aboveRoots.has(directory);
  }
  return {
    snapshotPaths: new Set(manifest.files.map((file) => file.path)),
    snapshotDirectories,
    inScope,
    worthWalking,
    knownInodes
  };
}

export {
  createFileOpener,
  assertIdentityOpensSnapshot,
  restoreSnapshot
};

/*
 * The planc serve dashboard: plain JavaScript, no framework, no build step, nothing from a CDN.
 * It reads /api/schedule once, /api/status and /api/metrics on every change the server streams
 * on /api/stream (server-sent events), and draws everything as SVG strings set in one go, so a
 * plan of a thousand tasks is one parse, not a thousand reflows.
 *
 * Times from the server are local date-times in the plan's zone without an offset
 * ("2027-01-20T09:00"). They are read digit by digit into "wall-clock milliseconds" (Date.UTC of
 * those digits) and formatted back with the UTC getters, so the browser's own zone never moves them.
 */
(function () {
  'use strict';

  var HOUR = 3600000;
  var DAY = 24 * HOUR;
  var MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  var WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  var FLAG_TEXT = { green: 'Green', amber: 'Amber', red: 'Red' };
  // A shape per flag as well as a colour, so the flags read without colour vision.
  var FLAG_MARK = { green: '\u25CF', amber: '\u25B2', red: '\u25A0' };
  var STATE_TEXT = { done: 'done', in_progress: 'in progress', not_started: 'not started' };

  var data = { schedule: null, status: null, metrics: null };
  var refreshTimer = null;
  var inFlight = false;
  var again = false;

  // ---- small helpers

  /** "2027-01-20T09:00[:ss]" or "2027-01-20" as wall-clock milliseconds; null stays null. */
  function wall(text) {
    if (text === null || text === undefined || text === '') {
      return null;
    }
    var m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(String(text));
    if (!m) {
      return null;
    }
    return Date.UTC(+m[1], +m[2] - 1, +m[3], m[4] ? +m[4] : 0, m[5] ? +m[5] : 0, m[6] ? +m[6] : 0);
  }

  function pad2(n) {
    return n < 10 ? '0' + n : String(n);
  }

  function fmtDate(ms) {
    if (ms === null) {
      return '\u2014';
    }
    var d = new Date(ms);
    return WEEKDAYS[d.getUTCDay()] + ' ' + d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + d.getUTCFullYear();
  }

  function fmtShort(ms) {
    if (ms === null) {
      return '\u2014';
    }
    var d = new Date(ms);
    return d.getUTCDate() + ' ' + MONTHS[d.getUTCMonth()] + ' ' + pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes());
  }

  function fmtDateTime(ms) {
    if (ms === null) {
      return '\u2014';
    }
    var d = new Date(ms);
    return fmtDate(ms) + ' ' + pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes());
  }

  function isoDay(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + '-' + pad2(d.getUTCMonth() + 1) + '-' + pad2(d.getUTCDate());
  }

  function esc(s) {
    return String(s === null || s === undefined ? '' : s)
      .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  /** Escaped text with `code` spans, as the runtime writes its messages. */
  function rich(s) {
    return esc(s).replace(/`([^`]+)`/g, '<code>$1</code>')
      .replace(/\b(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})\b/g, function (all, t) {
        return '<time datetime="' + t + '">' + fmtShort(wall(t)) + '</time>';
      });
  }

  var formats = {};

  function num(v, digits) {
    if (v === null || v === undefined) {
      return '\u2014';
    }
    var f = formats[digits];
    if (!f) { // one formatter per precision: making one per call is slow over a thousand rows
      f = formats[digits] = new Intl.NumberFormat('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    }
    return f.format(Number(v));
  }

  function flagOf(word) {
    return FLAG_TEXT[word] ? word : 'green';
  }

  function flagLabel(word) {
    var f = flagOf(word);
    return FLAG_MARK[f] + ' ' + FLAG_TEXT[f];
  }

  function hoursText(h) {
    if (h === null || h === undefined) {
      return '';
    }
    var a = Math.abs(h);
    var t = a >= 10 ? num(a, 0) : num(a, 1);
    return (h > 0 ? '+' : h < 0 ? '\u2212' : '') + t + ' h';
  }

  function setText(id, text) {
    var el = document.getElementById(id);
    if (el) {
      el.textContent = text;
    }
  }

  function setFlagClass(el, word, base) {
    el.className = base + ' flag-' + flagOf(word);
  }

  // ---- fetching

  function getJson(path) {
    return fetch(path, { cache: 'no-store', headers: { Accept: 'application/json' } }).then(function (r) {
      if (!r.ok) {
        return r.text().then(function (t) {
          throw new Error(path + ': HTTP ' + r.status + ' ' + t);
        });
      }
      return r.json();
    });
  }

  function showError(e) {
    var el = document.getElementById('error');
    if (e) {
      el.textContent = 'Cannot read the server: ' + (e.message || e);
      el.hidden = false;
    } else {
      el.hidden = true;
    }
  }

  var loading = null;

  /** The schedule (once), then status and metrics. */
  function loadAll() {
    if (loading === null) {
      loading = getJson('/api/schedule').then(function (s) {
        data.schedule = s;
        return refreshNow();
      }).catch(showError).then(function () {
        loading = null;
      });
    }
    return loading;
  }

  /** Re-reads status and metrics; a refresh asked for meanwhile runs once more afterwards. */
  function refreshNow() {
    if (inFlight) {
      again = true;
      return Promise.resolve();
    }
    inFlight = true;
    return Promise.all([getJson('/api/status'), getJson('/api/metrics')]).then(function (r) {
      data.status = r[0];
      data.metrics = r[1];
      showError(null);
      render();
    }).catch(showError).then(function () {
      inFlight = false;
      if (again) {
        again = false;
        refreshSoon();
      }
    });
  }

  function refreshSoon() {
    if (refreshTimer !== null) {
      clearTimeout(refreshTimer);
    }
    refreshTimer = setTimeout(function () {
      refreshTimer = null;
      if (data.schedule === null) {
        loadAll();
      } else {
        refreshNow();
      }
    }, 200);
  }

  function setLive(state, text) {
    var el = document.getElementById('live');
    el.className = 'live live-' + state;
    el.textContent = text;
  }

  function listen() {
    if (typeof EventSource === 'undefined') {
      setLive('off', 'no live updates (refreshing every minute)');
      loadAll();
      return;
    }
    var source = new EventSource('/api/stream');
    source.addEventListener('hello', function () {
      setLive('on', 'live');
      // The first read follows the first hello, so nothing logged in between is missed; after a
      // reconnect, whatever was logged while the connection was down is read.
      if (data.schedule === null) {
        loadAll();
      } else {
        refreshSoon();
      }
    });
    ['event', 'fired', 'flag', 'status'].forEach(function (name) {
      source.addEventListener(name, function () {
        document.body.setAttribute('data-last-stream', name);
        refreshSoon();
      });
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        // refused outright (say, too many clients): EventSource gives up, so try again later
        setLive('off', 'no live updates: retrying');
        setTimeout(listen, 30000);
      } else {
        setLive('lost', 'reconnecting\u2026'); // EventSource reconnects by itself
      }
    };
  }

  // ---- rendering

  function render() {
    var st = data.status;
    var sc = data.schedule;
    if (!st || !sc) {
      return;
    }
    var began = performance.now();
    renderHeader(sc, st);
    renderGantt(sc, st);
    renderMetrics(data.metrics, st);
    renderLists(st);
    document.body.setAttribute('data-as-of', st.asOf);
    document.body.setAttribute('data-render-ms', String(Math.round(performance.now() - began)));
    document.body.setAttribute('data-rendered', String((+(document.body.getAttribute('data-rendered') || 0)) + 1));
  }

  function renderHeader(sc, st) {
    document.title = sc.plan.name + ' \u2014 ' + FLAG_TEXT[flagOf(st.overall)] + ' \u2014 Planc';
    setText('plan-name', sc.plan.name);
    setText('as-of', 'as of ' + fmtDateTime(wall(st.asOf)));
    setText('zone', '(' + sc.plan.timezone + ')');
    var overall = document.getElementById('overall');
    overall.textContent = flagLabel(st.overall);
    setFlagClass(overall, st.overall, 'flag-badge');
    var count = { red: 0, amber: 0, green: 0 };
    var leaves = 0;
    st.tasks.forEach(function (t) {
      if (t.kind !== 'group' && !(t.contingent && t.forecastStart === null)) {
        leaves++;
        count[flagOf(t.flag)]++;
      }
    });
    setText('overall-sub', count.red + ' red \u00B7 ' + count.amber + ' amber of ' + leaves + ' tasks');
    var ff = wall(st.forecastFinish);
    var bf = wall(st.baselineFinish);
    dateTime('forecast-finish', ff);
    dateTime('baseline-finish', bf);
    var e = st.evm || {};
    setText('forecast-sub', e.ieacFinish ? 'earned schedule says ' + fmtDate(wall(e.ieacFinish)).replace(/ \d{4}$/, '') : '');
    var baseSub = document.getElementById('baseline-sub');
    baseSub.textContent = st.baseline || '';
    baseSub.title = st.baseline || '';
    var slip = document.getElementById('slip');
    var calendarDays = ff !== null && bf !== null ? Math.round((ff - bf) / DAY) : null;
    slip.textContent = st.slipHours === null ? '\u2014' : st.slipHours === 0 ? 'none' : hoursText(st.slipHours) + ' of work';
    slip.className = 'v ' + (st.slipHours > 0 ? 'bad' : 'good');
    setText('slip-sub', calendarDays === null ? '' : calendarDays === 0 ? 'finishes on the baseline day'
      : Math.abs(calendarDays) + (calendarDays > 0 ? ' calendar days late' : ' calendar days early'));
    var unit = e.unit ? ' ' + e.unit : '';
    index('spi', e.spi, e.spiFlag);
    index('cpi', e.cpi, e.cpiFlag);
    setText('spi-sub', e.sv === null || e.sv === undefined ? '' : 'SV ' + signed(e.sv) + unit);
    setText('cpi-sub', e.cv === null || e.cv === undefined ? '' : 'CV ' + signed(e.cv) + unit);
    setText('money', num(e.ac, 0) + unit);
    setText('money-sub', 'EV ' + num(e.ev, 0) + ' \u00B7 BAC ' + num(e.bac, 0)
      + (e.eac !== null && e.eac !== undefined ? ' \u00B7 EAC ' + num(e.eac, 0) : ''));
  }

  function signed(v) {
    return (v > 0 ? '+' : v < 0 ? '\u2212' : '') + num(Math.abs(v), 0);
  }

  /** A long date with the time in smaller type (text stays "Wed 5 May 2027 14:00"). */
  function dateTime(id, ms) {
    var el = document.getElementById(id);
    if (ms === null) {
      el.textContent = '\u2014';
      return;
    }
    var d = new Date(ms);
    el.innerHTML = esc(fmtDate(ms)) + ' <span class="time">' + pad2(d.getUTCHours()) + ':' + pad2(d.getUTCMinutes())
      + '</span>';
  }

  function index(id, value, flag) {
    var el = document.getElementById(id);
    el.innerHTML = (value === null || value === undefined ? '\u2014' : esc(num(value, 2)))
      + ' <span class="flag-word">' + esc(flagLabel(flag)) + '</span>';
    setFlagClass(el, flag, 'v flag-text');
  }

  /** Schedule order (the plan's tree, depth first), with the status row of each task. */
  function rows(sc, st) {
    var byId = {};
    st.tasks.forEach(function (t) {
      byId[t.id] = t;
    });
    var out = [];
    var seen = {};
    sc.tasks.forEach(function (t) {
      seen[t.id] = true;
      out.push({ plan: t, st: byId[t.id] || null });
    });
    st.tasks.forEach(function (t) {
      if (!seen[t.id]) {
        out.push({ plan: { id: t.id, title: t.id, kind: t.kind, contingent: t.contingent }, st: t });
      }
    });
    return out;
  }

  var ROW = 20;
  var AXIS = 46;
  var LABEL = 520;

  function renderGantt(sc, st) {
    var box = document.getElementById('gantt');
    var width = Math.max(900, box.clientWidth - 2);
    var list = rows(sc, st);
    var asOf = wall(st.asOf);
    var lo = wall(sc.plan.start);
    var hi = Math.max(wall(sc.plan.finish) || lo, asOf);
    list.forEach(function (r) {
      var s = r.st;
      if (!s) {
        return;
      }
      [s.baselineStart, s.forecastStart, s.actualStart].forEach(function (x) {
        var v = wall(x);
        if (v !== null && v < lo) {
          lo = v;
        }
      });
      [s.baselineFinish, s.forecastFinish, s.actualFinish].forEach(function (x) {
        var v = wall(x);
        if (v !== null && v > hi) {
          hi = v;
        }
      });
    });
    // whole days, a little air either side
    lo = Math.floor(lo / DAY) * DAY - 2 * DAY;
    hi = Math.ceil(hi / DAY) * DAY + 3 * DAY;
    var span = width - LABEL - 16;
    var scale = span / (hi - lo);
    function X(ms) {
      return LABEL + (ms - lo) * scale;
    }
    var height = list.length * ROW + 8;

    var axis = [];
    var grid = [];
    axis.push('<svg class="gantt-axis" xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + AXIS
      + '" data-from="' + isoDay(lo) + '" data-to="' + isoDay(hi) + '">');
    axis.push('<rect class="axis-bg" x="0" y="0" width="' + width + '" height="' + AXIS + '"/>');
    axis.push('<text class="col-head" x="10" y="38">Task</text><text class="col-head" x="300" y="38">State</text>'
      + '<text class="col-head" x="408" y="38">Flag</text>');
    // months: "Mar 2027" when there is room, else "Mar" (the year on January), thinned out on long plans
    var d0 = new Date(lo);
    var month = Date.UTC(d0.getUTCFullYear(), d0.getUTCMonth(), 1);
    var monthPx = 30.44 * DAY * scale;
    var monthsEvery = monthPx >= 66 ? 1 : Math.max(1, Math.ceil(36 / monthPx));
    var longMonths = monthPx >= 66;
    var lastLabelEnd = -Infinity;
    while (month < hi) {
      var md = new Date(month);
      var next = Date.UTC(md.getUTCFullYear(), md.getUTCMonth() + 1, 1);
      var mx = Math.max(X(month), LABEL);
      if (month >= lo) {
        axis.push('<line class="tick-month" x1="' + X(month).toFixed(1) + '" x2="' + X(month).toFixed(1)
          + '" y1="0" y2="' + AXIS + '"/>');
        grid.push('<line class="grid-month" x1="' + X(month).toFixed(1) + '" x2="' + X(month).toFixed(1)
          + '" y1="0" y2="' + height + '"/>');
      }
      var label = longMonths ? MONTHS[md.getUTCMonth()] + ' ' + md.getUTCFullYear()
        : md.getUTCMonth() === 0 ? String(md.getUTCFullYear()) : MONTHS[md.getUTCMonth()];
      var room = X(Math.min(next, hi)) - mx;
      if ((md.getUTCMonth() % monthsEvery === 0 || md.getUTCMonth() === 0) && mx > lastLabelEnd
          && (room > label.length * 7.5 || !longMonths)) {
        axis.push('<text class="month-label" x="' + (mx + 4).toFixed(1) + '" y="15">' + label + '</text>');
        lastLabelEnd = mx + 8 + label.length * 7.5;
      }
      month = next;
    }
    // weeks (Mondays); labels thinned out when weeks get narrow
    var firstMonday = lo + ((8 - new Date(lo).getUTCDay()) % 7) * DAY;
    var weekPx = 7 * DAY * scale;
    var every = Math.max(1, Math.ceil(34 / weekPx));
    var n = 0;
    for (var w = firstMonday; w < hi; w += 7 * DAY, n++) {
      var wx = X(w).toFixed(1);
      axis.push('<g class="tick-week" data-date="' + isoDay(w) + '" data-x="' + wx + '"><line x1="' + wx + '" x2="' + wx
        + '" y1="22" y2="' + AXIS + '"/>' + (n % every === 0 ? '<text x="' + (+wx + 3).toFixed(1) + '" y="36">'
        + new Date(w).getUTCDate() + '</text>' : '') + '</g>');
      grid.push('<line class="grid-week" x1="' + wx + '" x2="' + wx + '" y1="0" y2="' + height + '"/>');
    }
    var tx = X(asOf).toFixed(1);
    var lx = Math.max(LABEL + 44, Math.min(width - 46, +tx));
    axis.push('<g class="today-label"><rect x="' + (lx - 44).toFixed(1) + '" y="24" width="88" height="18" rx="3"/>'
      + '<text x="' + lx.toFixed(1) + '" y="37" text-anchor="middle">today ' + esc(fmtShort(asOf).replace(/ \d\d:\d\d$/, '')) + '</text></g>');
    axis.push('</svg>');

    var body = [];
    body.push('<svg class="gantt-body" xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + height
      + '" data-rows="' + list.length + '" role="img" aria-label="Gantt chart of ' + list.length + ' tasks">');
    body.push('<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
      + '<rect width="6" height="6" class="hatch-bg"/><line x1="0" y1="0" x2="0" y2="6" class="hatch-line"/></pattern></defs>');
    for (var i = 0; i < list.length; i++) {
      if (i % 2 === 1) {
        body.push('<rect class="stripe" x="0" y="' + (i * ROW) + '" width="' + width + '" height="' + ROW + '"/>');
      }
    }
    body.push(grid.join(''));
    body.push('<line class="label-sep" x1="' + (LABEL - 6) + '" x2="' + (LABEL - 6) + '" y1="0" y2="' + height + '"/>');

    for (var k = 0; k < list.length; k++) {
      body.push(row(list[k], k * ROW, X, LABEL + span));
    }
    body.push('<line id="today-line" class="today" x1="' + tx + '" x2="' + tx + '" y1="0" y2="' + height
      + '" data-at="' + esc(st.asOf) + '"><title>today: ' + esc(fmtDateTime(asOf)) + '</title></line>');
    body.push('</svg>');

    var scroller = box.querySelector('.gantt-scroll');
    var keep = scroller ? scroller.scrollTop : 0;
    box.innerHTML = '<div class="gantt-scroll">' + axis.join('') + body.join('') + '</div>';
    box.querySelector('.gantt-scroll').scrollTop = keep;
  }

  function row(r, y, X, right) {
    var t = r.plan;
    var s = r.st || {};
    var depth = t.id.split('.').length - 1;
    var kind = t.kind || s.kind || 'task';
    var flag = flagOf(s.flag);
    var state = s.state || 'not_started';
    var critical = !!s.critical;
    var contingent = !!(t.contingent || s.contingent);
    var cls = 'row kind-' + esc(kind) + ' flag-' + flag + ' state-' + esc(state) + (critical ? ' critical' : '')
      + (contingent ? ' contingent' : '');
    var out = '<g class="' + cls + '" data-id="' + esc(t.id) + '" data-flag="' + flag + '" data-state="' + esc(state) + '">';
    out += '<title>' + esc(tooltip(t, s)) + '</title>';
    out += '<rect class="hit" x="0" y="' + y + '" width="100%" height="' + ROW + '"/>';
    // labels
    var title = t.title || t.id;
    var room = Math.floor((288 - 12 - depth * 14) / 6.6);
    if (title.length > room) {
      title = title.slice(0, Math.max(4, room - 1)) + '\u2026';
    }
    var ly = y + 14;
    if (critical) {
      out += '<rect class="crit-mark" x="0" y="' + (y + 2) + '" width="4" height="' + (ROW - 4) + '"/>';
    }
    out += '<text class="label' + (kind === 'group' ? ' group' : '') + '" x="' + (10 + depth * 14) + '" y="' + ly + '">'
      + (kind === 'milestone' ? '\u25C6 ' : '') + esc(title) + (contingent ? ' (contingent)' : '') + '</text>';
    var stateText = STATE_TEXT[state] || state;
    if (state === 'in_progress' && s.progress !== null && s.progress !== undefined) {
      stateText += ' ' + num(s.progress, 0) + '%';
    }
    out += '<text class="state" x="300" y="' + ly + '">' + esc(stateText) + '</text>';
    var slip = s.slipHours ? ' ' + hoursText(s.slipHours) : '';
    out += '<text class="flag-text flag-' + flag + '" x="408" y="' + ly + '">' + FLAG_MARK[flag] + ' ' + FLAG_TEXT[flag]
      + esc(slip) + '</text>';

    var bs = wall(s.baselineStart);
    var bf = wall(s.baselineFinish);
    var fs = wall(s.forecastStart);
    var ff = wall(s.forecastFinish);
    var deadline = wall(t.deadline);
    if (deadline !== null) {
      deadline += DAY; // a deadline day ends at midnight
      var dx = X(deadline);
      if (dx >= LABEL && dx <= right) {
        out += '<path class="deadline" d="M' + dx.toFixed(1) + ' ' + (y + 2) + 'v' + (ROW - 4) + 'M' + (dx - 4).toFixed(1)
          + ' ' + (y + 2) + 'h8"/>';
      }
    }
    var progress = Math.max(0, Math.min(100, Number(s.progress) || 0));
    if (state === 'done') {
      progress = 100;
    }
    if (kind === 'milestone') {
      var cy = y + ROW / 2;
      if (bf !== null) {
        out += diamond('ms-base', X(bf), cy, 6);
      }
      if (ff !== null) {
        out += diamond('ms flag-' + flag + (state === 'done' ? ' done' : ''), X(ff), cy, 8);
      }
    } else if (kind === 'group') {
      if (bs !== null && bf !== null) {
        out += rect('base', X(bs), y + 15, X(bf) - X(bs), 3);
      }
      if (fs !== null && ff !== null) {
        var x0 = X(fs);
        var x1 = X(ff);
        out += rect('summary flag-' + flag, x0, y + 5, x1 - x0, 6);
        out += rect('summary-done', x0, y + 5, (x1 - x0) * progress / 100, 6);
        out += '<path class="summary-cap" d="M' + x0.toFixed(1) + ' ' + (y + 5) + 'h5l-5 7z"/>';
        out += '<path class="summary-cap" d="M' + x1.toFixed(1) + ' ' + (y + 5) + 'h-5l5 7z"/>';
      }
    } else {
      if (bs !== null && bf !== null) {
        out += rect('base', X(bs), y + 15, X(bf) - X(bs), 3);
      }
      if (fs !== null && ff !== null) {
        var a = X(fs);
        var b = X(ff);
        var wdt = Math.max(2, b - a);
        out += rect('bar flag-' + flag + (contingent ? ' hatched' : ''), a, y + 3, wdt, 11);
        if (progress > 0) {
          out += rect('done-fill flag-' + flag, a, y + 3, wdt * progress / 100, 11);
        }
        if (critical) {
          out += rect('crit-outline', a, y + 3, wdt, 11);
        }
      } else if (contingent) {
        out += '<text class="inactive" x="' + (LABEL + 4) + '" y="' + ly + '">not activated</text>';
      }
    }
    return out + '</g>';
  }

  function rect(cls, x, y, w, h) {
    return '<rect class="' + cls + '" x="' + x.toFixed(1) + '" y="' + y + '" width="' + Math.max(0, w).toFixed(1)
      + '" height="' + h + '"/>';
  }

  function diamond(cls, x, y, r) {
    return '<path class="' + cls + '" d="M' + x.toFixed(1) + ' ' + (y - r) + 'l' + r + ' ' + r + 'l-' + r + ' ' + r
      + 'l-' + r + ' -' + r + 'z"/>';
  }

  function tooltip(t, s) {
    var lines = [t.id + (t.title && t.title !== t.id ? ' \u2014 ' + t.title : '')];
    lines.push('State: ' + (STATE_TEXT[s.state] || s.state || '\u2014')
      + (s.state === 'in_progress' ? ' (' + num(s.progress, 0) + '%)' : '')
      + '   Flag: ' + FLAG_TEXT[flagOf(s.flag)] + (s.slipHours ? ', slip ' + hoursText(s.slipHours) : ''));
    if (s.baselineStart || s.baselineFinish) {
      lines.push('Baseline: ' + fmtDateTime(wall(s.baselineStart)) + ' \u2192 ' + fmtDateTime(wall(s.baselineFinish)));
    }
    if (s.forecastStart || s.forecastFinish) {
      lines.push('Forecast: ' + fmtDateTime(wall(s.forecastStart)) + ' \u2192 ' + fmtDateTime(wall(s.forecastFinish)));
    }
    if (s.actualStart) {
      lines.push('Actual: ' + fmtDateTime(wall(s.actualStart)) + ' \u2192 '
        + (s.actualFinish ? fmtDateTime(wall(s.actualFinish)) : 'ongoing'));
    }
    if (t.deadline) {
      lines.push('Deadline: ' + fmtDate(wall(t.deadline)));
    }
    if (s.critical) {
      lines.push('On the critical path');
    }
    if (t.assigned && t.assigned.length) {
      lines.push('Assigned: ' + t.assigned.join(', '));
    }
    return lines.join('\n');
  }

  // ---- metrics

  /** The expected value at wall time x: planStart→baseline to targetDate→target, flat after. */
  function expectedAt(m, start, x) {
    var td = wall(m.targetDate);
    if (td === null || m.baseline === null || m.target === null) {
      return null; // no line without a baseline, a target and its date (as the runtime has it)
    }
    if (td <= start) {
      return m.target;
    }
    if (x <= start) {
      return m.baseline;
    }
    if (x >= td) {
      return m.target;
    }
    return m.baseline + (m.target - m.baseline) * (x - start) / (td - start);
  }

  /** A step of 1, 2 or 5 times a power of ten that cuts `range` into about `parts`. */
  function niceStep(range, parts) {
    var raw = range / parts;
    var p = Math.pow(10, Math.floor(Math.log10(raw)));
    var f = raw / p;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
  }

  /** The flag a reading gets, the way the runtime computes it (relative distance behind the line). */
  function readingFlag(m, e, v) {
    if (e === null || e === 0 || e === undefined) {
      return 'green';
    }
    var tol = Number(m.tolerancePercent) / 100;
    var behind = (m.lowerIsBetter ? v - e : e - v) / Math.abs(e);
    return behind > 2 * tol ? 'red' : behind > tol ? 'amber' : 'green';
  }

  function renderMetrics(mx, st) {
    var box = document.getElementById('metrics');
    if (!mx || !mx.metrics.length) {
      box.innerHTML = '<p class="empty">The plan defines no metrics.</p>';
      return;
    }
    var rowsById = {};
    (st.metrics || []).forEach(function (r) {
      rowsById[r.id] = r;
    });
    var width = Math.max(320, box.clientWidth - 4);
    var html = [];
    mx.metrics.forEach(function (m) {
      html.push(metricChart(m, rowsById[m.id] || {}, wall(mx.planStart), wall(mx.asOf), width));
    });
    box.innerHTML = html.join('');
  }

  function metricChart(m, r, start, asOf, width) {
    var H = 132;
    var L = 46;
    var R = 12;
    var T = 10;
    var B = 22;
    var td = wall(m.targetDate);
    var readings = (m.readings || []).map(function (p) {
      return { at: wall(p.at), value: Number(p.value) };
    });
    // From the plan's start to a while after the last reading (or today), so the readings have
    // room; the expected line runs to its target date when that comes sooner.
    var x0 = start;
    var last = asOf;
    readings.forEach(function (p) {
      last = Math.max(last, p.at);
    });
    var x1 = last + Math.max(14 * DAY, (last - x0) * 0.5);
    if (td !== null && td > last) {
      x1 = Math.min(x1, td + 3 * DAY);
    }
    var tol = Number(m.tolerancePercent) / 100;
    var sign = m.lowerIsBetter ? 1 : -1; // the side of the line that is bad
    var xs = [x0];
    if (td !== null && td > x0 && td < x1) {
      xs.push(td);
    }
    xs.push(x1);
    var lo = Infinity;
    var hi = -Infinity;
    function see(v) {
      if (v !== null && v !== undefined && isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    var hasLine = expectedAt(m, x0, x0) !== null;
    if (hasLine) {
      xs.forEach(function (x) {
        var e = expectedAt(m, x0, x);
        see(e);
        see(e + sign * 1.3 * tol * Math.abs(e)); // the amber band shows; the red one runs off the edge
      });
    }
    readings.forEach(function (p) {
      see(p.value);
    });
    if (m.target !== null && (td === null || td <= x1)) {
      see(m.target);
    }
    if (!isFinite(lo)) {
      lo = 0;
      hi = 1;
    }
    var padY = (hi - lo) * 0.12 || Math.abs(hi) * 0.05 || 1;
    lo -= padY;
    hi += padY;
    function PX(x) {
      return L + (x - x0) * (width - L - R) / (x1 - x0);
    }
    function PY(v) {
      return T + (hi - v) * (H - T - B) / (hi - lo);
    }
    function band(k0, k1) {
      var top = xs.map(function (x) {
        var e = expectedAt(m, x0, x);
        return PX(x).toFixed(1) + ',' + PY(Math.max(lo, Math.min(hi, e + sign * k0 * tol * Math.abs(e)))).toFixed(1);
      });
      var bottom = xs.slice().reverse().map(function (x) {
        var e = expectedAt(m, x0, x);
        var v = k1 === null ? (sign < 0 ? lo : hi) : e + sign * k1 * tol * Math.abs(e);
        v = Math.max(lo, Math.min(hi, v));
        return PX(x).toFixed(1) + ',' + PY(v).toFixed(1);
      });
      return top.concat(bottom).join(' ');
    }
    var flag = flagOf(r.flag);
    var unit = m.unit ? (m.unit === '%' ? '%' : ' ' + m.unit) : '';
    var out = '<figure class="metric flag-' + flag + '" data-id="' + esc(m.id) + '" data-flag="' + flag + '">';
    out += '<figcaption><span class="m-title">' + esc(m.title || m.id) + '</span> <span class="m-value">'
      + (r.value === null || r.value === undefined ? 'no reading yet' : esc(String(r.value)) + esc(unit))
      + '</span> <span class="m-expected">'
      + (r.expected === null || r.expected === undefined ? '' : 'expected ' + esc(num(r.expected, 2)) + esc(unit) + ' \u00B7 ')
      + (m.target === null ? 'no target' : 'target ' + esc(String(m.target)) + esc(unit)
        + (td !== null ? ' by ' + esc(fmtDate(td).replace(/^\w+ /, '')) : ''))
      + '</span> <span class="flag-text flag-' + flag + '">'
      + flagLabel(flag) + '</span></figcaption>';
    out += '<svg class="metric-chart" xmlns="http://www.w3.org/2000/svg" width="' + width + '" height="' + H
      + '" role="img" aria-label="' + esc(m.title || m.id) + '">';
    out += '<title>' + esc((m.title || m.id) + (hasLine ? ': readings vs the expected line, amber beyond '
      + m.tolerancePercent + '% behind, red beyond ' + 2 * m.tolerancePercent + '%' : ': readings')) + '</title>';
    if (hasLine) {
      out += '<polygon class="band-amber" points="' + band(1, 2) + '"/>';
      out += '<polygon class="band-red" points="' + band(2, null) + '"/>';
    }
    // y axis: round values, 1-2-5 steps
    var yStep = niceStep(hi - lo, 4);
    var yDigits = Math.max(0, -Math.floor(Math.log10(yStep) + 1e-9));
    for (var v = Math.ceil(lo / yStep) * yStep; v <= hi + 1e-9; v += yStep) {
      var y = PY(v).toFixed(1);
      out += '<line class="m-grid" x1="' + L + '" x2="' + (width - R) + '" y1="' + y + '" y2="' + y + '"/>';
      out += '<text class="m-axis" x="' + (L - 4) + '" y="' + (+y + 4) + '" text-anchor="end">' + esc(num(v, yDigits))
        + '</text>';
    }
    // x axis: Mondays over a short span, month starts over a long one
    var plotW = width - L - R;
    if (x1 - x0 <= 120 * DAY) {
      var weekPx = 7 * DAY * plotW / (x1 - x0);
      var every = Math.max(1, Math.ceil(44 / weekPx));
      var monday = x0 + ((8 - new Date(x0).getUTCDay()) % 7) * DAY;
      for (var k = 0; monday < x1; k++, monday += 7 * DAY) {
        if (k % every === 0 && PX(monday) < width - R - 16) {
          var wd = new Date(monday);
          out += '<line class="m-tick" x1="' + PX(monday).toFixed(1) + '" x2="' + PX(monday).toFixed(1) + '" y1="' + (H - B)
            + '" y2="' + (H - B + 4) + '"/><text class="m-axis" x="' + PX(monday).toFixed(1) + '" y="' + (H - 6)
            + '" text-anchor="middle">' + wd.getUTCDate() + ' ' + MONTHS[wd.getUTCMonth()] + '</text>';
        }
      }
    } else {
      var d = new Date(x0);
      var mo = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
      var monthPx = 30 * DAY * plotW / (x1 - x0);
      var step = Math.max(1, Math.ceil(36 / monthPx));
      for (var j = 0; mo < x1; j++) {
        var md = new Date(mo);
        if (j % step === 0 && PX(mo) < width - R - 12) {
          out += '<text class="m-axis" x="' + PX(mo).toFixed(1) + '" y="' + (H - 6) + '" text-anchor="middle">'
            + MONTHS[md.getUTCMonth()] + '</text>';
        }
        mo = Date.UTC(md.getUTCFullYear(), md.getUTCMonth() + 1, 1);
      }
    }
    out += '<line class="m-base" x1="' + L + '" x2="' + (width - R) + '" y1="' + (H - B) + '" y2="' + (H - B) + '"/>';
    if (hasLine) {
      var line = xs.map(function (x) {
        return PX(x).toFixed(1) + ',' + PY(expectedAt(m, x0, x)).toFixed(1);
      }).join(' ');
      out += '<polyline class="expected" points="' + line + '"/>';
      if (td <= x1) {
        out += diamond('target', PX(td), +PY(m.target).toFixed(1), 5);
      }
    } else if (m.target !== null) {
      var ty = PY(m.target).toFixed(1);
      out += '<line class="target-line" x1="' + L + '" x2="' + (width - R) + '" y1="' + ty + '" y2="' + ty + '"/>';
    }
    var ax = PX(asOf).toFixed(1);
    out += '<line class="today" x1="' + ax + '" x2="' + ax + '" y1="' + T + '" y2="' + (H - B) + '"/>';
    if (readings.length > 1) {
      out += '<polyline class="readings-line" points="' + readings.map(function (p) {
        return PX(p.at).toFixed(1) + ',' + PY(p.value).toFixed(1);
      }).join(' ') + '"/>';
    }
    readings.forEach(function (p) {
      var f = readingFlag(m, expectedAt(m, x0, p.at), p.value);
      out += '<circle class="reading flag-' + f + '" cx="' + PX(p.at).toFixed(1) + '" cy="' + PY(p.value).toFixed(1)
        + '" r="4" data-at="' + esc(isoDay(p.at)) + '" data-value="' + p.value + '"><title>' + esc(fmtDateTime(p.at)) + ': '
        + esc(String(p.value)) + esc(unit) + ' (' + FLAG_TEXT[f] + ')</title></circle>';
    });
    out += '</svg></figure>';
    return out;
  }

  // ---- lists

  function renderLists(st) {
    var cs = st.contingencies || [];
    var c = cs.slice().sort(function (a, b) {
      return (b.fired ? 1 : 0) - (a.fired ? 1 : 0);
    }).map(function (x) {
      return '<li class="contingency ' + (x.fired ? 'fired' : 'armed') + '" data-id="' + esc(x.id) + '">'
        + '<span class="tag ' + (x.fired ? 'tag-fired' : 'tag-armed') + '">' + (x.fired ? 'fired' + (x.firings > 1
          ? ' \u00D7' + esc(x.firings) : '') : 'armed') + '</span> <strong>' + esc(x.id) + '</strong>'
        + (x.fired ? ' <span class="when">' + esc(fmtShort(wall(x.at))) + '</span><div class="because">because '
          + rich(x.because) + '</div>' : '') + '</li>';
    });
    document.getElementById('contingencies').innerHTML = c.length ? c.join('')
      : '<li class="empty">The plan defines no contingencies.</li>';
    var alerts = (st.alerts || []).slice().reverse().map(function (a) {
      return '<li class="alert alert-' + esc(a.kind) + '" data-contingency="' + esc(a.contingency) + '">'
        + '<span class="tag tag-' + esc(a.kind) + '">' + esc(a.kind) + (a.to ? ' \u2192 ' + esc(a.to) : '') + '</span> '
        + '<span class="message">' + rich(a.message) + '</span> <span class="when">' + esc(fmtShort(wall(a.at)))
        + ' \u00B7 ' + esc(a.contingency) + '</span></li>';
    });
    document.getElementById('alerts').innerHTML = alerts.length ? alerts.join('') : '<li class="empty">No alerts.</li>';
    var order = { red: 0, amber: 1, green: 2 };
    var devs = (st.deviations || []).slice().sort(function (a, b) {
      return order[flagOf(a.flag)] - order[flagOf(b.flag)];
    }).map(function (x) {
      return '<li class="deviation flag-' + flagOf(x.flag) + '" data-subject="' + esc(x.subject) + '"><span class="flag-text flag-'
        + flagOf(x.flag) + '">' + flagLabel(x.flag) + '</span> ' + rich(x.message) + '</li>';
    });
    document.getElementById('deviations').innerHTML = devs.length ? devs.join('')
      : '<li class="empty">No deviations: everything is on plan.</li>';
    document.getElementById('warnings').innerHTML = (st.warnings || []).map(function (w) {
      return '<li class="warning">' + rich(w) + '</li>';
    }).join('');
  }

  // ---- start

  var resizeTimer = null;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(render, 150);
  });

  document.addEventListener('DOMContentLoaded', function () {
    listen();
    // without a hello soon (the stream refused or blocked by a proxy), read anyway
    setTimeout(function () {
      if (data.schedule === null) {
        loadAll();
      }
    }, 1500);
    // the clock moves even when nothing is logged: the today line and the flags follow it
    setInterval(refreshSoon, 60000);
  });
})();

/*
 * Given to p:timeline as its extender, before the timeline is built.
 *
 * The bars come from the page's compact form (calendarBars), not from the timeline's model.
 *
 * vis-timeline builds and measures a bar as soon as it is added if the bar's time is in view,
 * whether or not its row is on screen, and it copies and converts every bar it is given: a week of
 * 2,000 devices takes seconds. So the rows are first laid out, empty, on days before the window;
 * then the timeline is given only the bars of the rows on screen and a screenful either side of
 * them (through a view of the set that holds every bar), and the view moves to the window; each
 * redraw (a scroll) gives it the bars of the rows that came near the screen.
 *
 * It also records when the bars have been drawn (milliseconds since the navigation started), so
 * that a test can report how long the page took.
 */
function calendarExtender() {
    calendarMark('calendar-extender');
    var widget = this;
    var opts = this.cfg.opts;
    var bars = calendarBars(document.getElementById('calendar-bars'));
    calendarMark('calendar-bars-read');
    var window_ = {start: opts.start, end: opts.end, min: opts.min, max: opts.max};
    var length = opts.end.getTime() - opts.start.getTime();
    this.cfg.data = [];
    opts.start = new Date(window_.start.getTime() - 2 * length);
    opts.end = new Date(window_.start.getTime() - length);
    delete opts.min;
    delete opts.max;
    var build = widget._render;
    widget._render = function () {
        calendarMark('timeline-build');
        build.apply(this, arguments);
        calendarMark('timeline-built');
        // vis-timeline's first draw is complete (onInitialDrawComplete, below) on the first redraw
        // after its initial range has settled ('rangechanged', 200 ms after it was set, so already
        // due when the build returns); but nothing redraws it then except its size check, once a
        // second: that waited 600-800 ms with nothing to do. Redraw as soon as the range settles.
        var timeline = this.instance;
        timeline.once('rangechanged', function () {
            timeline.redraw();
        });
    };
    opts.onInitialDrawComplete = function () {
        calendarMark('calendar-rows');
        var timeline = widget.instance;
        var all = new vis.DataSet(bars);
        var given = {};
        var view = new vis.DataView(all, {filter: function (bar) { return given[bar.group] === true; }});
        calendarGiveRowsNearScreen(timeline, given);
        timeline.setItems(view);
        // what the page holds is every bar (the live updates change this set; the console and the
        // browser tests read it), whichever of them the timeline has been given so far
        timeline.itemsData = all;
        calendarMark('calendar-bars-added');
        timeline.once('changed', function () {
            window.calendarDrawnAt = performance.now();
        });
        timeline.on('changed', function () {
            if (calendarGiveRowsNearScreen(timeline, given)) {
                view.refresh();
            }
        });
        timeline.setOptions({min: window_.min, max: window_.max});
        timeline.setWindow(window_.start, window_.end, {animation: false});
        calendarMark('calendar-window-set');
        // a click on a device's bars or row opens its page (its label is a link to it too)
        timeline.on('click', function (props) {
            if (props.group != null && (props.what === 'item' || props.what === 'background')) {
                window.location.href = calendarLive.deviceLink(props.group);
            }
        });
        var live = document.getElementById('live');
        if (live && window.EventSource) {
            calendarLive.start(timeline, live, window_.min, window_.max);
        }
    };
}

/**
 * The timeline's items from the page's compact bars (CompactBars on the server): five values a bar,
 * row, start and end (seconds from the first day's midnight, wall time written as UTC), kind, tooltip.
 */
function calendarBars(element) {
    var compact = JSON.parse(element ? element.textContent : '{"bars":[]}');
    var bars = compact.bars, rows = compact.rows, kinds = compact.kinds;
    var from = compact.from == null ? 0 : Date.parse(compact.from + 'Z');
    var classes = kinds.map(function (kind) { return 'no-border ' + kind; });
    var items = new Array(bars.length / 5);
    for (var i = 0, b = 0; b < bars.length; i++, b += 5) {
        items[i] = {id: i, group: rows[bars[b]], start: new Date(from + bars[b + 1] * 1000), end: new Date(from + bars[b + 2] * 1000),
            className: classes[bars[b + 3]], title: bars[b + 4], content: ''};
    }
    return items;
}

/**
 * Marks the rows on screen, and as many either side, as given (their bars go to the timeline);
 * true when that gave a row that was not given before.
 */
function calendarGiveRowsNearScreen(timeline, given) {
    var rows = timeline.itemSet ? timeline.itemSet.groupIds : [];
    var onScreen = timeline.getVisibleGroups();
    if (!rows || rows.length === 0) {
        return false;
    }
    var first = rows.length, last = -1;
    onScreen.forEach(function (id) {
        var index = rows.indexOf(id);
        if (index >= 0) {
            first = Math.min(first, index);
            last = Math.max(last, index);
        }
    });
    if (last < 0) {
        first = 0;
        last = 0;
    }
    var margin = Math.max(last - first + 1, 10);
    var added = false;
    for (var i = Math.max(0, first - margin); i <= Math.min(rows.length - 1, last + margin); i++) {
        if (given[rows[i]] !== true) {
            given[rows[i]] = true;
            added = true;
        }
    }
    return added;
}

/** A performance mark of the page's phases, for bench/CalendarPage.java (and the browser's profiler). */
function calendarMark(name) {
    if (window.performance && performance.mark) {
        performance.mark(name);
    }
}

/*
 * Live bars: the page follows GET /sessions/stream (EventSource sends the login cookie) and, without
 * a reload, adds a session's bar, changes it as it closes, is voided back open or goes missing, and
 * removes a deleted device's bars. The bar's ends follow the calendar's rules (contract §8): an open
 * session reaches to now (moved on every minute), a missing end is drawn one hour from the other.
 * A 'reload' event (an import, or changes the server no longer holds for a resume) reloads the page.
 * The timeline's dates are the display zone's wall times, written as UTC (see CalendarPage).
 */
var calendarLive = (function () {
    var HOUR = 3600000;
    var legend = {closed: 'kind-closed', open: 'kind-open', missing: 'kind-missing'};

    function wall(iso) {
        return iso == null ? null : new Date(iso.substring(0, 19) + 'Z');
    }

    function nowWall(zone) {
        var parts = {};
        new Intl.DateTimeFormat('en-GB', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
            day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'})
            .formatToParts(new Date()).forEach(function (part) { parts[part.type] = part.value; });
        return new Date(Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second));
    }

    function escape(text) {
        return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
    }

    function bar(row, zone) {
        var start = wall(row.ses_DateTimeConnection);
        var end = wall(row.ses_DateTimeDisconnection);
        var kind = row.ses_StillConnected ? 'open' : (start == null || end == null ? 'missing' : 'closed');
        if (row.ses_StillConnected) {
            end = nowWall(zone);
        } else if (start == null) {
            start = new Date(end.getTime() - HOUR);
        } else if (end == null) {
            end = new Date(start.getTime() + HOUR);
        }
        var tooltip = 'Connection: ' + (row.ses_Connection || '<missing event>')
            + '\nDisconnection: ' + (row.ses_StillConnected ? '<still connected>' : (row.ses_Disconnection || '<missing event>'))
            + '\nIP: ' + row.ses_IP;
        return {group: row.ses_MAC, start: start, end: end, open: row.ses_StillConnected,
            connection: wall(row.ses_DateTimeConnection), disconnection: wall(row.ses_DateTimeDisconnection),
            className: 'no-border ' + legend[kind], title: escape(tooltip), content: ''};
    }

    /** A set that takes changes: vis-timeline shows the rows through a read-only view of their set. */
    function writable(set) {
        return set && typeof set.add !== 'function' && set.getDataSet ? set.getDataSet() : set;
    }

    function time(value) {
        return value == null ? null : new Date(value).getTime();
    }

    /** The bar already drawn for this session: same device, same connection (or, missing it, same disconnection). */
    function existing(items, item) {
        return items.get({filter: function (old) {
            if (old.group !== item.group) {
                return false;
            }
            if (item.connection != null) {
                return time(old.start) === item.connection.getTime();
            }
            return time(old.end) === item.disconnection.getTime();
        }})[0];
    }

    function start(timeline, element, min, max) {
        var zone = element.getAttribute('data-zone');
        var onlyMac = element.getAttribute('data-mac');
        var shownFrom = time(min), shownUntil = time(max);
        var source = new EventSource(element.getAttribute('data-stream'));
        window.calendarLiveEvents = 0;
        source.addEventListener('ready', function () {
            element.textContent = 'live';
            element.className = 'live on';
        });
        source.addEventListener('session', function (message) {
            try {
                session(JSON.parse(message.data));
            } catch (e) {
                // kept for a look from the console (and the browser test), the stream goes on
                window.calendarLiveErrors = (window.calendarLiveErrors || []).concat(String(e && e.stack || e));
            }
        });
        function session(row) {
            window.calendarLiveEvents++;
            if (onlyMac && row.ses_MAC !== onlyMac) {
                return;
            }
            var item = bar(row, zone);
            var old = existing(timeline.itemsData, item);
            if (!old && (item.end.getTime() <= shownFrom || item.start.getTime() >= shownUntil)) {
                return; // not in the days shown
            }
            if (!timeline.groupsData) {
                // a page drawn with no device has no rows to add one to: drawn again, it has
                source.close();
                window.location.reload();
                return;
            }
            if (!timeline.groupsData.get(item.group)) {
                // labelled like the server's rows (CalendarPage's RowLabel): the stream carries no name
                writable(timeline.groupsData).add({id: item.group,
                    content: '<a href="' + escape(deviceLink(item.group)) + '"><span>' + escape(item.group) + '</span></a>'});
            }
            item.id = old ? old.id : 'live-' + item.group + '-' + item.start.getTime();
            writable(timeline.itemsData).update(item);
        }
        source.addEventListener('deleted', function (message) {
            var mac = JSON.parse(message.data).ses_MAC;
            window.calendarLiveEvents++;
            writable(timeline.itemsData).remove(timeline.itemsData.getIds({filter: function (item) { return item.group === mac; }}));
            if (timeline.groupsData) {
                writable(timeline.groupsData).remove(mac);
            }
        });
        source.addEventListener('reload', function () {
            source.close();
            window.location.reload();
        });
        source.onerror = function () {
            // the browser reconnects by itself, sending the last event's id
            element.textContent = 'reconnecting…';
            element.className = 'live off';
        };
        // an open session's bar reaches to now
        setInterval(function () {
            var now = nowWall(zone);
            timeline.itemsData.get({filter: function (item) { return item.open; }}).forEach(function (item) {
                writable(timeline.itemsData).update({id: item.id, end: now});
            });
        }, 60000);
    }

    /** The device page's address, relative: vis-timeline's XSS filter keeps only links starting with ./ */
    function deviceLink(mac) {
        return './device.xhtml?mac=' + encodeURIComponent(mac);
    }

    return {start: start, deviceLink: deviceLink};
})();

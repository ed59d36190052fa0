/*
 * Given to p:timeline as its extender, before the timeline is built.
 *
 * vis-timeline builds and measures a bar as soon as it is added if the bar's time is in view,
 * whether or not its row is on screen: adding a week of 500 devices in view takes seconds. So the
 * rows are first laid out, empty, on days before the window; the bars are added there, out of view,
 * which builds none of them; then the view moves to the window and builds only the bars of the
 * rows on screen, and the rest as they are scrolled to.
 *
 * It also records when the bars have been drawn (milliseconds since the navigation started), so
 * that a test can report how long the page took.
 */
function calendarExtender() {
    calendarMark('calendar-extender');
    var widget = this;
    var opts = this.cfg.opts;
    var bars = this.cfg.data;
    var window_ = {start: opts.start, end: opts.end, min: opts.min, max: opts.max};
    var length = opts.end.getTime() - opts.start.getTime();
    this.cfg.data = [];
    opts.start = new Date(window_.start.getTime() - 2 * length);
    opts.end = new Date(window_.start.getTime() - length);
    delete opts.min;
    delete opts.max;
    opts.onInitialDrawComplete = function () {
        calendarMark('calendar-rows');
        var timeline = widget.instance;
        timeline.itemsData.add(bars);
        calendarMark('calendar-bars-added');
        timeline.once('changed', function () {
            window.calendarDrawnAt = performance.now();
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

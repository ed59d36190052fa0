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
        var timeline = widget.instance;
        timeline.itemsData.add(bars);
        timeline.once('changed', function () {
            window.calendarDrawnAt = performance.now();
        });
        timeline.setOptions({min: window_.min, max: window_.max});
        timeline.setWindow(window_.start, window_.end, {animation: false});
    };
}

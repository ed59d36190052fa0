/*
 * Given to p:timeline as its extender: records when the timeline has first drawn its bars
 * (milliseconds since the navigation started), so that a test can read how long the page took.
 */
function calendarExtender() {
    this.cfg.opts.onInitialDrawComplete = function () {
        window.calendarDrawnAt = performance.now();
    };
}

/*
 * The pages' charts, drawn by Apache ECharts (vendored into the WAR at build time) from the data the
 * server wrote into data- attributes: no inline script, so the page's Content-Security-Policy holds.
 *
 * - #occupancy (calendar page): GET /sessions/occupancy's series for the shown window, as
 *   [[wall time, devices, average], ...]; bars for the distinct devices of each step, a line for the
 *   average connected.
 * - #heatmap (device page): GET /sessions/{mac}/presence's heatmap, 7 rows (Monday first) of 24
 *   wall hours, each the share of that hour the device was connected.
 *
 * The charts are kept in window.sessionsCharts, for a look from the console (and the browser test).
 */
(function () {
    if (window.performance && performance.mark) {
        performance.mark('charts-js');
    }
    var DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
    var charts = window.sessionsCharts = {};

    function hours() {
        var labels = [];
        for (var hour = 0; hour < 24; hour++) {
            labels.push((hour < 10 ? '0' : '') + hour);
        }
        return labels;
    }

    function percent(share) {
        return (share * 100).toFixed(1) + ' %';
    }

    function heatmap(element) {
        var cells = JSON.parse(element.getAttribute('data-cells'));
        var data = [];
        cells.forEach(function (day, row) {
            day.forEach(function (share, hour) {
                data.push([hour, row, share]);
            });
        });
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            grid: {left: 48, right: 96, top: 8, bottom: 44},
            tooltip: {
                position: 'top',
                formatter: function (item) {
                    var hour = item.value[0];
                    return DAYS[item.value[1]] + ' ' + hours()[hour] + ':00–' + hours()[(hour + 1) % 24] + ':00: '
                        + percent(item.value[2]);
                }
            },
            xAxis: {type: 'category', data: hours(), splitArea: {show: true}, name: 'hour', nameLocation: 'middle', nameGap: 24},
            yAxis: {type: 'category', data: DAYS, inverse: true, splitArea: {show: true}},
            visualMap: {
                min: 0, max: 1, calculable: false, orient: 'vertical', right: 8, top: 'middle', itemHeight: 160,
                text: ['always', 'never'], inRange: {color: ['#f5f7fa', '#9ecae1', '#1f3a5f']}
            },
            series: [{name: 'connected', type: 'heatmap', data: data, itemStyle: {borderColor: '#fff', borderWidth: 1},
                emphasis: {itemStyle: {borderColor: '#1f2933', borderWidth: 1}}}]
        });
        charts.heatmap = chart;
        return chart;
    }

    function occupancy(element) {
        var series = JSON.parse(element.getAttribute('data-series'));
        var chart = echarts.init(element, null, {renderer: 'canvas'});
        chart.setOption({
            animation: false,
            grid: {left: 40, right: 16, top: 28, bottom: 24},
            legend: {data: ['devices', 'average connected'], top: 0, right: 16},
            tooltip: {trigger: 'axis'},
            xAxis: {type: 'category', data: series.map(function (point) { return point[0].substring(5, 16).replace('T', ' '); })},
            yAxis: {type: 'value', minInterval: 1},
            series: [
                {name: 'devices', type: 'bar', data: series.map(function (point) { return point[1]; }),
                    itemStyle: {color: '#9ecae1'}, barCategoryGap: '10%'},
                {name: 'average connected', type: 'line', data: series.map(function (point) { return point[2]; }),
                    showSymbol: false, itemStyle: {color: '#1f3a5f'}}
            ]
        });
        charts.occupancy = chart;
        return chart;
    }

    function draw() {
        var drawn = [];
        var element = document.getElementById('heatmap');
        if (element) {
            drawn.push(heatmap(element));
        }
        element = document.getElementById('occupancy');
        if (element) {
            drawn.push(occupancy(element));
        }
        window.addEventListener('resize', function () {
            drawn.forEach(function (chart) { chart.resize(); });
        });
        window.chartsDrawn = true;
        if (window.performance && performance.mark) {
            performance.mark('charts-drawn');
        }
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();

// planwatch page behaviour: charts from each page's data, htmx error display, upload progress.
(function () {
  "use strict";

  function readData(id) {
    var node = document.getElementById(id);
    return node ? JSON.parse(node.textContent) : null;
  }

  // every form posted with the session cookie carries the session's CSRF token
  document.addEventListener("submit", function (event) {
    var form = event.target, meta = document.querySelector('meta[name="csrf-token"]');
    if (!meta || (form.method || "").toLowerCase() !== "post" || form.elements.csrf) return;
    var field = document.createElement("input");
    field.type = "hidden"; field.name = "csrf"; field.value = meta.content;
    form.appendChild(field);
  }, true);

  // a span keeps its colour in bars and lines: 1-3月 red, 上半年 blue, 1-9月 green, 全年 orange
  var SPAN_COLOURS = ["#9e1b1b", "#1565c0", "#2e7d32", "#e08600", "#6a1b9a", "#00838f"];
  // a search box filters the items of a list as one types (the entry form's indicators)
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.dataset || !box.dataset.filter) return;
    var words = box.value.trim().toLowerCase();
    document.querySelectorAll(box.dataset.filter).forEach(function (item) {
      var text = (item.dataset.search || item.textContent).toLowerCase();
      item.hidden = words !== "" && text.indexOf(words) < 0;
    });
  });

  var FONT = '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif';

  // one series per measure and year-to-date span (the page's data says which); a bar for
  // levels, a line for rates; no label sits on a bar: the tooltip tells each figure
  function historyChart(node, data) {
    var labels = node.dataset.labels ? JSON.parse(node.dataset.labels) : {};
    var bars = data.series.some(function (s) { return s.type === "bar"; });
    var spans = data.series.map(function (s) { return s.months; })
      .filter(function (m, i, all) { return all.indexOf(m) === i; }).sort(function (a, b) { return a - b; });
    var series = data.series.map(function (s) {
      var name = (labels[s.measure] || s.measure) + (s.span ? " · " + (labels[s.span] || s.span) : "");
      var line = s.type === "line";
      var colour = SPAN_COLOURS[spans.indexOf(s.months) % SPAN_COLOURS.length];
      return {
        name: name, type: s.type, yAxisIndex: s.axis, data: s.data, itemStyle: { color: colour },
        stack: line ? undefined : "levels",  // one bar per period: its span's colour
        barMaxWidth: 42, symbolSize: 8, connectNulls: true,
        lineStyle: { color: colour, type: s.measure === "share" && bars ? "dashed" : "solid" },
        label: { show: line && !bars, position: "top", formatter: "{c}" + (s.axis ? data.rate_unit : "") }
      };
    });
    var chart = echarts.init(node, null, { renderer: "canvas" });
    chart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: "axis" },
      legend: { top: 4, type: "scroll" },
      grid: { left: 56, right: 48, top: 48, bottom: 36, containLabel: true },
      xAxis: { type: "category", data: data.periods },
      yAxis: [
        { type: "value", name: labels.level_unit || data.level_unit || "", splitLine: { lineStyle: { color: "#eee" } } },
        { type: "value", name: data.rate_unit, splitLine: { show: false },
          show: data.series.some(function (s) { return s.axis === 1; }) }
      ],
      series: series
    });
    return chart;
  }

  function rankingChart(node, data) {
    var chart = echarts.init(node, null, { renderer: "canvas" });
    var colours = { behind: "#c62828", slightly_behind: "#e08600", on_track: "#2e7d32",
                    achieved: "#1565c0", unknown: "#8f959e" };
    var entries = data.entries.slice().reverse();
    chart.setOption({
      textStyle: { fontFamily: FONT },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      grid: { left: 90, right: 48, top: 16, bottom: 28 },
      xAxis: { type: "value", name: data.metric === "completion" ? "%" : "" },
      yAxis: { type: "category", data: entries.map(function (e) { return e.region; }) },
      series: [{
        type: "bar", barMaxWidth: 28, label: { show: true, position: "right" },
        markLine: data.time_progress == null ? undefined : {
          symbol: "none", silent: true, lineStyle: { color: "#1f2329", type: "solid", width: 2 },
          label: { formatter: node.dataset.timeLabel || "time", position: "end" },
          data: [{ xAxis: data.time_progress }]
        },
        data: entries.map(function (e) {
          return { value: e.value, itemStyle: { color: colours[e.status] || "#8f959e" } };
        })
      }]
    });
    return chart;
  }

  function investmentChart(node, data) {
    var chart = echarts.init(node, null, { renderer: "canvas" });
    var labels = node.dataset.labels ? JSON.parse(node.dataset.labels) : {};
    chart.setOption({
      textStyle: { fontFamily: FONT },
      color: ["#9e1b1b", "#8f959e"],
      tooltip: { trigger: "axis" },
      legend: { top: 4 },
      grid: { left: 56, right: 24, top: 48, bottom: 36 },
      xAxis: { type: "category", data: data.periods },
      yAxis: { type: "value", name: data.unit || "", splitLine: { lineStyle: { color: "#eee" } } },
      series: [
        { name: labels.completed || "completed", type: "line", symbolSize: 8, data: data.completed,
          label: { show: true } },
        { name: labels.planned || "planned", type: "line", lineStyle: { type: "dashed" },
          symbol: "none", data: data.planned }
      ]
    });
    return chart;
  }

  // whether a chart's data holds one number to draw (series, entries or progress)
  function hasPoints(data) {
    var lists = (data.series || []).map(function (s) { return s.data; })
      .concat([(data.entries || []).map(function (e) { return e.value; }), data.completed || []]);
    return lists.some(function (list) {
      return list.some(function (v) { return typeof v === "number" && isFinite(v); });
    });
  }

  // an empty chart says why, in the page's language (data-empty)
  function saysEmpty(node) {
    var said = document.createElement("p");
    said.className = "muted chart-empty";
    said.textContent = node.dataset.empty || "";
    node.replaceWith(said);
  }

  var DRAW = { ranking: rankingChart, investment: investmentChart, history: historyChart };
  var charts = [];
  function drawCharts() {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll("[data-chart]").forEach(function (node) {
      var data = readData(node.dataset.source);
      if (!data) { return; }
      if (!hasPoints(data)) { return saysEmpty(node); }
      charts.push((DRAW[node.dataset.chart] || historyChart)(node, data));
    });
  }
  window.addEventListener("resize", function () { charts.forEach(function (c) { c.resize(); }); });

  function showError(text) {
    var flash = document.getElementById("flash");
    if (!flash) { return; }
    var box = document.createElement("div");
    box.className = "error-box";
    box.setAttribute("role", "alert");
    box.textContent = text;
    flash.replaceChildren(box);
    setTimeout(function () { if (box.parentNode) { box.remove(); } }, 10000);
  }

  document.addEventListener("htmx:responseError", function (event) {
    var xhr = event.detail.xhr;
    var message = xhr.status + " " + xhr.statusText;
    try {
      var error = JSON.parse(xhr.responseText).error;
      var said = document.documentElement.lang === "zh-CN" && error.zh ? error.zh : error;
      message = said.message + (said.hint ? " — " + said.hint : "");
    } catch (ignored) { /* not the JSON error shape: show the status line */ }
    showError(message);
  });

  document.addEventListener("htmx:xhr:progress", function (event) {
    var bar = document.getElementById("upload-progress");
    if (bar && event.detail.lengthComputable) {
      bar.hidden = false;
      bar.value = Math.round((event.detail.loaded / event.detail.total) * 100);
    }
  });

  // a reviewed fact's mark in the text takes the new status colour
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll(".fact[data-fact]").forEach(function (row) {
      document.querySelectorAll('mark[data-fact="' + row.dataset.fact + '"]').forEach(function (mark) {
        mark.className = row.dataset.status;
      });
    });
  });

  // the review page's filter: which fact rows to show
  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-show]") : null;
    var facts = document.getElementById("facts");
    if (button && facts) { facts.dataset.showing = button.dataset.show; }
  });

  // on a phone the header's links fold into a menu behind one button (CSS decides the width)
  function foldMenu() {
    var header = document.querySelector("header.band"), button = header && header.querySelector(".menu-toggle");
    var menu = document.getElementById("site-menu");
    if (!button || !menu) { return; }
    button.hidden = false;
    header.classList.add("menu-ready");
    button.addEventListener("click", function () {
      var open = menu.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  document.addEventListener("DOMContentLoaded", foldMenu);
  document.addEventListener("DOMContentLoaded", drawCharts);
})();

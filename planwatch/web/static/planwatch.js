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

  function historyChart(node, data) {
    var chart = echarts.init(node, null, { renderer: "canvas" });
    var labels = node.dataset.labels ? JSON.parse(node.dataset.labels) : {};
    chart.setOption({
      textStyle: { fontFamily: FONT },
      color: ["#9e1b1b", "#1565c0"],
      tooltip: { trigger: "axis" },
      legend: { top: 4 },
      grid: { left: 64, right: 64, top: 48, bottom: 36 },
      xAxis: { type: "category", data: data.periods },
      yAxis: [
        { type: "value", name: data.value_unit || "", splitLine: { lineStyle: { color: "#eee" } } },
        { type: "value", name: data.growth_unit || "%", splitLine: { show: false } }
      ],
      series: [
        { name: labels.value || "value", type: "bar", barMaxWidth: 42, data: data.value },
        { name: labels.growth || "growth", type: "line", yAxisIndex: 1, symbolSize: 8,
          connectNulls: true, data: data.growth, label: { show: true, formatter: "{c}%" } }
      ]
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

  var DRAW = { ranking: rankingChart, investment: investmentChart, history: historyChart };
  var charts = [];
  function drawCharts() {
    if (typeof echarts === "undefined") { return; }
    document.querySelectorAll("[data-chart]").forEach(function (node) {
      var data = readData(node.dataset.source);
      if (!data) { return; }
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

  document.addEventListener("DOMContentLoaded", drawCharts);
})();

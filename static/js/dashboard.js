/* Dashboards: sortable tables and the Chart.js charts, fed by the json_script blocks of the page (no inline code). */
(function () {
  "use strict";

  function sortTable(table, column, numeric, button) {
    var body = table.tBodies[0];
    var ascending = button.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-value");
      var y = b.cells[column].getAttribute("data-value");
      var order = numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, document.documentElement.lang);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    table.querySelectorAll("button.sort").forEach(function (b) { b.removeAttribute("aria-sort"); });
    button.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    button.parentNode.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function initSorting() {
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      table.querySelectorAll("button.sort").forEach(function (button) {
        button.addEventListener("click", function () {
          sortTable(table, parseInt(button.dataset.column, 10), button.hasAttribute("data-numeric"), button);
        });
      });
    });
  }

  function chartConfig(kind, data) {
    var common = {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: { legend: { display: kind === "trend" } },
    };
    if (kind === "funnel" || kind === "ranking") {
      return {
        type: "bar",
        data: {
          labels: data.labels,
          datasets: [{ label: data.label, data: data.values, backgroundColor: "#b91c1c" }],
        },
        options: Object.assign(common, {
          indexAxis: "y",
          scales: {
            y: { ticks: { autoSkip: false } },
            x: kind === "ranking" ? { suggestedMin: 0, suggestedMax: 100, title: { display: true, text: "%" } } : {},
          },
        }),
      };
    }
    var datasets = [
      { label: data.label, data: data.values, borderColor: "#b91c1c", backgroundColor: "#b91c1c", pointRadius: 0 },
    ];
    if (data.projection) {
      datasets.push({
        label: data.projection_label, data: data.projection, borderColor: "#1f2937", borderDash: [6, 4],
        pointRadius: 2, spanGaps: true,
      });
    }
    if (data.target) {
      datasets.push({
        label: data.target_label, data: data.labels.map(function () { return data.target; }),
        borderColor: "#6b7280", borderDash: [2, 2], pointRadius: 0,
      });
    }
    return { type: "line", data: { labels: data.labels, datasets: datasets }, options: common };
  }

  function initCharts() {
    if (typeof window.Chart === "undefined") { return; }
    document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      var source = document.getElementById(canvas.dataset.chart);
      if (!source) { return; }
      var data = JSON.parse(source.textContent);
      if (canvas.dataset.kind === "ranking") {
        canvas.parentNode.style.height = Math.max(200, 22 * data.labels.length + 60) + "px";
      }
      new window.Chart(canvas, chartConfig(canvas.dataset.kind, data));
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    initSorting();
    initCharts();
  });
})();

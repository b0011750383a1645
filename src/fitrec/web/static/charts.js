// Progress charts, drawn with Chart.js, its date adapter and its annotation plugin (all
// loaded from /static/vendor/, built from npm). Data comes from the page itself:
// <script type="application/json" id="progress-data">.

const POINT = "rgba(11, 87, 208, 0.55)";
const LINE = "#083f99";
const OLD_DECLINE = "rgba(74, 74, 74, 0.12)";
const NOW_DECLINE = "rgba(164, 22, 26, 0.18)";
const DAY = 24 * 3600 * 1000;
export const RANGES = { "3m": 91 * DAY, "1y": 365 * DAY, all: null };

/** The trend segments as one line with a gap (null) wherever training paused. */
function trendLine(trend) {
  const data = [];
  for (const part of trend) {
    if (data.length) data.push({ x: Date.parse(part[0].x) - DAY, y: null });
    for (const p of part) data.push({ x: Date.parse(p.x), y: p.y });
  }
  return data;
}

/** The decline spans as annotation boxes: the current one red, older ones grey. */
function declineBoxes(declines) {
  const boxes = {};
  declines.forEach((span, i) => {
    boxes[`decline${i}`] = {
      type: "box",
      xMin: Date.parse(span.start),
      xMax: Date.parse(span.end) + DAY / 2,
      backgroundColor: span.current ? NOW_DECLINE : OLD_DECLINE,
      borderWidth: 0,
      label: span.current
        ? { display: true, content: "declining now", position: "start", color: "#a4161a", font: { size: 11 } }
        : { display: false },
    };
  });
  return boxes;
}

/** Draw one lift's e1RM points and trend on `canvas`; returns the Chart. */
export function drawE1rmChart(canvas, lift, unit) {
  return new window.Chart(canvas, {
    type: "line",
    data: {
      datasets: [
        {
          label: `Best e1RM of the session (${unit})`,
          data: lift.points.map((p) => ({ x: Date.parse(p.x), y: p.y })),
          showLine: false,
          pointRadius: 2.5,
          pointBackgroundColor: POINT,
          pointBorderWidth: 0,
        },
        {
          label: "Trend (rolling median)",
          data: trendLine(lift.trend || []),
          borderColor: LINE,
          borderWidth: 2.5,
          pointRadius: 0,
          spanGaps: false,
          tension: 0,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: { type: "time", ticks: { color: "#4a4a4a", maxRotation: 0, autoSkip: true } },
        y: { title: { display: true, text: unit }, ticks: { color: "#4a4a4a" } },
      },
      plugins: {
        legend: { display: true, labels: { boxWidth: 12, color: "#1a1a1a" } },
        annotation: { annotations: declineBoxes(lift.declines) },
      },
    },
  });
}

const xy = (points) => points.map((p) => ({ x: Date.parse(p.x), y: p.y }));
const timeAxis = () => ({ type: "time", ticks: { color: "#4a4a4a", maxRotation: 0, autoSkip: true } });

/** Weekly hard sets of one muscle group with its MEV-MRV band. */
export function drawWeeklyChart(canvas, group) {
  return new window.Chart(canvas, {
    type: "line",
    data: { datasets: [{ label: `Hard sets a week: ${group.group}`, data: xy(group.points), borderColor: LINE, pointRadius: 2, tension: 0 }] },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
      scales: { x: timeAxis(), y: { beginAtZero: true, title: { display: true, text: "sets" } } },
      plugins: {
        legend: { display: true, labels: { boxWidth: 12, color: "#1a1a1a" } },
        annotation: { annotations: { band: { type: "box", yMin: group.mev, yMax: group.mrv, backgroundColor: "rgba(11, 87, 208, 0.10)", borderWidth: 0, label: { display: true, content: `MEV ${group.mev} – MRV ${group.mrv}`, position: "start", color: "#083f99", font: { size: 11 } } } } },
      },
    },
  });
}

/** Two series on one time axis: `left` as bars or a line, `right` (1-5 or reps) as points. */
function drawTwoAxes(canvas, left, rights, leftTitle, rightTitle, rightMax) {
  const colours = ["#b35c00", "#a4161a"];
  return new window.Chart(canvas, {
    data: {
      datasets: [
        { type: "bar", label: left.label, data: xy(left.points), backgroundColor: "rgba(11, 87, 208, 0.45)", yAxisID: "y", barThickness: 3 },
        ...rights.map((r, i) => ({ type: "line", label: r.label, data: xy(r.points), yAxisID: "y1", showLine: false, pointRadius: 3, pointBackgroundColor: colours[i], borderColor: colours[i] })),
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false, parsing: false,
      scales: {
        x: timeAxis(),
        y: { beginAtZero: true, title: { display: true, text: leftTitle } },
        y1: { position: "right", beginAtZero: true, max: rightMax, grid: { drawOnChartArea: false }, title: { display: true, text: rightTitle } },
      },
      plugins: { legend: { display: true, labels: { boxWidth: 12, color: "#1a1a1a" } } },
    },
  });
}

/** Show the last `range` (a RANGES key) of every chart, fitting the e1RM axes to it. */
export function setRange(charts, range) {
  const span = RANGES[range];
  for (const chart of charts) {
    const xs = chart.data.datasets.flatMap((d) => d.data.map((p) => p.x));
    if (!xs.length) continue;
    const last = Math.max(...xs);
    const min = span === null ? undefined : last - span;
    chart.options.scales.x.min = min;
    chart.options.scales.x.max = span === null ? undefined : last + DAY;
    if (chart.$fitY) {
      const ys = chart.data.datasets[0].data.filter((p) => min === undefined || p.x >= min).map((p) => p.y);
      chart.options.scales.y.min = ys.length ? Math.floor(Math.min(...ys) * 0.95) : undefined;
      chart.options.scales.y.max = ys.length ? Math.ceil(Math.max(...ys) * 1.03) : undefined;
    }
    chart.update();
  }
  for (const button of document.querySelectorAll(".range-selector button")) {
    button.setAttribute("aria-pressed", String(button.dataset.range === range));
  }
}

function drawAll() {
  const source = document.getElementById("progress-data");
  if (!source || !window.Chart) return;
  const data = JSON.parse(source.textContent);
  const byLift = new Map(data.lifts.map((lift) => [lift.slug, lift]));
  const charts = (window.fitrecCharts = []);
  for (const canvas of document.querySelectorAll("canvas.e1rm-chart")) {
    const lift = byLift.get(canvas.dataset.lift);
    if (!lift) continue;
    const chart = drawE1rmChart(canvas, lift, data.unit);
    chart.$fitY = true;
    charts.push(chart);
  }
  const weeklyCanvas = document.getElementById("weekly-chart");
  const picker = document.getElementById("weekly-group");
  if (weeklyCanvas && picker && data.weekly.length) {
    let weekly = drawWeeklyChart(weeklyCanvas, data.weekly[0]);
    charts.push(weekly);
    picker.addEventListener("change", () => {
      const at = charts.indexOf(weekly);
      weekly.destroy();
      weekly = drawWeeklyChart(weeklyCanvas, data.weekly[Number(picker.value)]);
      charts[at] = weekly;
      const pressed = document.querySelector('.range-selector button[aria-pressed="true"]');
      setRange([weekly], pressed ? pressed.dataset.range : "all");
    });
  }
  for (const canvas of document.querySelectorAll("canvas.isolation-chart")) {
    const iso = data.isolations[Number(canvas.dataset.index)];
    charts.push(drawTwoAxes(canvas, { label: `Volume load (${data.unit})`, points: iso.volume },
      [{ label: `Best reps at ${iso.load} ${data.unit}`, points: iso.reps }], data.unit, "reps", undefined));
  }
  for (const canvas of document.querySelectorAll("canvas.pair-chart")) {
    const pair = data.pairs[Number(canvas.dataset.index)];
    charts.push(drawTwoAxes(canvas, { label: `Isolation volume (${data.unit})`, points: pair.volume },
      [{ label: "Pump (1-5)", points: pair.pump }, { label: "Exhaustion (1-5)", points: pair.exhaustion }],
      data.unit, "rating", 5));
  }
  for (const button of document.querySelectorAll(".range-selector button")) {
    button.addEventListener("click", () => setRange(window.fitrecCharts, button.dataset.range));
  }
  setRange(window.fitrecCharts, "1y");
}

drawAll();

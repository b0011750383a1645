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

/** Show the last `range` (a RANGES key) of every chart, fitting the y axis to it. */
export function setRange(charts, range) {
  const span = RANGES[range];
  for (const chart of charts) {
    const xs = chart.data.datasets[0].data.map((p) => p.x);
    const last = Math.max(...xs);
    const min = span === null ? undefined : last - span;
    chart.options.scales.x.min = min;
    chart.options.scales.x.max = span === null ? undefined : last + DAY;
    const ys = chart.data.datasets[0].data.filter((p) => min === undefined || p.x >= min).map((p) => p.y);
    chart.options.scales.y.min = ys.length ? Math.floor(Math.min(...ys) * 0.95) : undefined;
    chart.options.scales.y.max = ys.length ? Math.ceil(Math.max(...ys) * 1.03) : undefined;
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
  window.fitrecCharts = [];
  for (const canvas of document.querySelectorAll("canvas.e1rm-chart")) {
    const lift = byLift.get(canvas.dataset.lift);
    if (lift) window.fitrecCharts.push(drawE1rmChart(canvas, lift, data.unit));
  }
  for (const button of document.querySelectorAll(".range-selector button")) {
    button.addEventListener("click", () => setRange(window.fitrecCharts, button.dataset.range));
  }
  setRange(window.fitrecCharts, "1y");
}

drawAll();

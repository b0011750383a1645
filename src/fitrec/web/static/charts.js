// Progress charts, drawn with Chart.js (loaded from /static/vendor/, built from npm).
// Data comes from the page itself: <script type="application/json" id="progress-data">.

const DECLINE_FILL = "rgba(164, 22, 26, 0.14)";
const LINE = "#0b57d0";

/** A Chart.js plugin that shades each decline span behind the e1RM line. */
const declineSpans = {
  id: "declineSpans",
  beforeDatasetsDraw(chart, _args, options) {
    const spans = options.spans || [];
    const { ctx, chartArea, scales } = chart;
    ctx.save();
    ctx.fillStyle = DECLINE_FILL;
    for (const span of spans) {
      const left = Math.max(scales.x.getPixelForValue(Date.parse(span.start)), chartArea.left);
      const right = Math.min(scales.x.getPixelForValue(Date.parse(span.end)), chartArea.right);
      if (right > left) ctx.fillRect(left, chartArea.top, right - left, chartArea.bottom - chartArea.top);
    }
    ctx.restore();
  },
};

/** Draw one lift's e1RM series on `canvas`; returns the Chart. */
export function drawE1rmChart(canvas, lift, unit) {
  return new window.Chart(canvas, {
    type: "line",
    data: {
      datasets: [
        {
          label: `${lift.name} e1RM (${unit})`,
          data: lift.points.map((p) => ({ x: Date.parse(p.x), y: p.y })),
          borderColor: LINE,
          backgroundColor: LINE,
          pointRadius: 3,
          tension: 0.2,
        },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      parsing: false,
      scales: {
        x: { type: "time", time: { unit: "month" }, ticks: { color: "#4a4a4a" } },
        y: { title: { display: true, text: unit }, ticks: { color: "#4a4a4a" } },
      },
      plugins: { legend: { display: false }, declineSpans: { spans: lift.declines } },
    },
    plugins: [declineSpans],
  });
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
}

drawAll();

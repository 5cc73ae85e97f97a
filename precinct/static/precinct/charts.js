// Draws the board report's charts from the data the page carries (no inline script).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("chart-data");
  if (!source || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  const series = (chart, options) => [
    { label: data.current_label, data: chart.current, backgroundColor: "#0b3d6e", borderColor: "#0b3d6e", ...options },
    { label: data.previous_label, data: chart.previous, backgroundColor: "#9bb7d4", borderColor: "#9bb7d4", ...options },
  ];
  const legend = { legend: { position: "bottom" } };
  const categories = document.getElementById("category-chart");
  if (categories && data.categories) {
    new Chart(categories, {
      type: "bar",
      data: { labels: data.categories.labels, datasets: series(data.categories, {}) },
      options: { animation: false, indexAxis: "y", plugins: legend },
    });
  }
  document.querySelectorAll("canvas[data-trend]").forEach((canvas) => {
    const trend = data.trends[Number(canvas.dataset.trend)];
    new Chart(canvas, {
      type: "line",
      data: { labels: trend.labels, datasets: series(trend, { tension: 0 }) },
      options: { animation: false, plugins: legend, scales: { y: { beginAtZero: true } } },
    });
  });
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

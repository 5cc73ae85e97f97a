// Draws the board report's charts from the data the page carries (no inline script).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("chart-data");
  const canvas = document.getElementById("category-chart");
  if (!source || !canvas || typeof Chart === "undefined") return;
  const data = JSON.parse(source.textContent);
  new Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        { label: data.current_label, data: data.current, backgroundColor: "#0b3d6e" },
        { label: data.previous_label, data: data.previous, backgroundColor: "#9bb7d4" },
      ],
    },
    options: { animation: false, indexAxis: "y", plugins: { legend: { position: "bottom" } } },
  });
});
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});

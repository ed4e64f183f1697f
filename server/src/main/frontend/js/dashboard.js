// Charts of one workflow's figures, read from the data the page carries.
import Chart from 'chart.js/auto';

const page = document.getElementById('dashboard');
if (page) {
  const data = JSON.parse(page.dataset.figures);
  const labels = JSON.parse(page.dataset.labels);
  line('chart-instances', data.days, [
    [labels.started, data.started, '#1565c0'],
    [labels.completed, data.completed, '#2e7d32'],
  ]);
  line('chart-jobs', data.days, [
    [labels.jobsCompleted, data.jobsCompleted, '#2e7d32'],
    [labels.jobsFailed, data.jobsFailed, '#c62828'],
    [labels.incidents, data.incidents, '#ef6c00'],
  ]);
  // each workflow's own measure: a day without a completed instance stays a gap, not a zero
  (data.kpis || []).forEach((kpi) => line('chart-kpi-' + kpi.key, data.days, [[labels[kpi.key], kpi.perDay, '#6a1b9a']]));
}

function line(id, days, series) {
  const canvas = document.getElementById(id);
  if (!canvas) return;
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: days,
      datasets: series.map(([label, values, color]) => ({ label, data: values, backgroundColor: color })),
    },
    options: { animation: false, responsive: true, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { labels: { font: { size: 16 } } } } },
  });
  canvas.dataset.rendered = 'true';
}

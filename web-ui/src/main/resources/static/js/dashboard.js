// Dashboards: draws the charts from the REST API's report (the same figures as the page, the
// CSV files and the API), keeps a live campaign's figures current without reloading, switches
// the variant view, and sorts the overview table.
(function () {
  'use strict';
  const LIVE = ['SCHEDULED', 'SENDING', 'PAUSED'];
  const POLL_MS = 5000;
  // After sending, clicks and conversions keep coming until the goals are judged.
  const SETTLING_POLL_MS = 15000;
  const COLORS = { sent: '#6c757d', delivered: '#0b5563', clicks: '#d63384', conversions: '#198754', cost: '#fd7e14' };
  const charts = {};

  const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
  const oneDecimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const twoDecimals = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const FORMATS = {
    int: (v) => integer.format(v),
    pct: (v) => oneDecimal.format(v) + ' %',
    pts: (v) => oneDecimal.format(v) + ' pts',
    money: (v) => twoDecimals.format(v)
  };

  function valueAt(data, path) {
    return path.split('.').reduce((node, key) => (node == null ? undefined : node[key]), data);
  }

  function updateFigures(data) {
    document.querySelectorAll('[data-figure]').forEach((element) => {
      const value = valueAt(data, element.dataset.figure);
      if (value === undefined) {
        return;
      }
      element.textContent = value === null ? '—' : FORMATS[element.dataset.format](Number(value));
    });
  }

  function draw(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || typeof Chart === 'undefined') {
      return;
    }
    if (charts[id]) {
      charts[id].data = config.data;
      charts[id].update('none');
      return;
    }
    config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options);
    charts[id] = new Chart(canvas, config);
  }

  function hourLabel(iso) {
    return iso.substring(5, 13).replace('T', ' ') + 'h';
  }

  function drawCampaign(report) {
    const series = report.series;
    // Messages as bars (a campaign sent within the hour still shows), reactions as lines.
    draw('chart-series', {
      type: 'bar',
      data: {
        labels: series.map((p) => hourLabel(p.hour)),
        datasets: [
          { label: 'Sent', data: series.map((p) => p.sent), borderColor: COLORS.sent, backgroundColor: COLORS.sent },
          { label: 'Delivered', data: series.map((p) => p.delivered), borderColor: COLORS.delivered, backgroundColor: COLORS.delivered },
          { type: 'line', label: 'Human clicks', data: series.map((p) => p.humanHits), borderColor: COLORS.clicks, backgroundColor: COLORS.clicks, pointRadius: 4 },
          { type: 'line', label: 'Conversions', data: series.map((p) => p.conversions), borderColor: COLORS.conversions, backgroundColor: COLORS.conversions, pointRadius: 4 }
        ]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });
    const delays = report.clicksAfterDelivery;
    draw('chart-delays', {
      type: 'bar',
      data: {
        labels: delays.map((d) => d.hours === null ? 'unknown' : (d.hours >= 48 ? '48+' : d.hours + 'h')),
        datasets: [{ label: 'Unique human clickers', data: delays.map((d) => d.humanClickers), backgroundColor: COLORS.clicks }]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });
    const variants = report.variants;
    draw('chart-variants', {
      type: 'bar',
      data: {
        labels: variants.map((v) => 'Variant ' + v.label + (v.winner ? ' (winner)' : '')),
        datasets: [
          { label: 'Human CTR %', data: variants.map((v) => v.humanCtr), backgroundColor: COLORS.clicks },
          { label: 'Conversions per delivered %', data: variants.map((v) => v.delivered ? 100 * v.conversions / v.delivered : null), backgroundColor: COLORS.conversions }
        ]
      },
      options: { scales: { y: { beginAtZero: true } } }
    });
  }

  let audienceDimension = 'AGE';

  function drawAudience(report) {
    const slices = report.audience.filter((s) => s.dimension === audienceDimension);
    draw('chart-audience', {
      type: 'bar',
      data: {
        labels: slices.map((s) => s.value),
        datasets: [{ label: 'Human CTR % (blank: fewer than 20 delivered)', data: slices.map((s) => s.humanCtr), backgroundColor: COLORS.clicks }]
      },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true } } }
    });
  }

  function campaignDashboard(page) {
    let latest = null;
    document.querySelectorAll('#audience button[data-dimension]').forEach((button) => {
      button.addEventListener('click', () => {
        audienceDimension = button.dataset.dimension;
        document.querySelectorAll('#audience button[data-dimension]').forEach((b) => {
          b.classList.toggle('active', b === button);
          b.setAttribute('aria-pressed', String(b === button));
        });
        document.querySelectorAll('#audience table[data-dimension]').forEach((t) => {
          t.hidden = t.dataset.dimension !== audienceDimension;
        });
        if (latest) {
          drawAudience(latest);
        }
      });
    });
    // A shared read-only copy reads its figures through its own link.
    const shared = document.querySelector('meta[name="sms-report-url"]');
    const url = shared ? shared.content : '/api/v1/reports/campaigns/' + page.dataset.id;
    let status = page.dataset.status;
    let evaluationEndsAt = page.dataset.evaluationEndsAt ? Date.parse(page.dataset.evaluationEndsAt) : null;
    async function refresh() {
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
        if (!response.ok) {
          return;
        }
        const report = await response.json();
        latest = report;
        drawAudience(report);
        status = report.status;
        evaluationEndsAt = report.evaluationEndsAt ? Date.parse(report.evaluationEndsAt) : null;
        updateFigures(report);
        drawCampaign(report);
        const refreshed = document.getElementById('refreshed-at');
        if (refreshed && report.refreshedAt) {
          refreshed.textContent = report.refreshedAt.substring(11, 19) + ' UTC';
        }
      } finally {
        if (LIVE.includes(status)) {
          window.setTimeout(refresh, POLL_MS);
        } else if (evaluationEndsAt && evaluationEndsAt > Date.now()) {
          window.setTimeout(refresh, SETTLING_POLL_MS);
        } else {
          const live = document.getElementById('live');
          if (live) {
            live.remove();
          }
        }
      }
    }
    const table = document.getElementById('variant-table');
    const chart = document.getElementById('variant-chart');
    const tableButton = document.getElementById('variant-view-table');
    const chartButton = document.getElementById('variant-view-chart');
    function show(asChart) {
      table.hidden = asChart;
      chart.hidden = !asChart;
      tableButton.classList.toggle('active', !asChart);
      chartButton.classList.toggle('active', asChart);
      tableButton.setAttribute('aria-pressed', String(!asChart));
      chartButton.setAttribute('aria-pressed', String(asChart));
      if (asChart && charts['chart-variants']) {
        charts['chart-variants'].resize();
      }
    }
    tableButton.addEventListener('click', () => show(false));
    chartButton.addEventListener('click', () => show(true));
    refresh();
  }

  function overview(page) {
    fetch('/api/v1/reports/campaigns', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then((response) => (response.ok ? response.json() : null))
      .then((data) => {
        if (!data) {
          return;
        }
        const weeks = data.weeks;
        draw('chart-weeks', {
          type: 'bar',
          data: {
            labels: weeks.map((w) => w.week.substring(0, 10)),
            datasets: [
              { label: 'Delivered', data: weeks.map((w) => w.delivered), backgroundColor: COLORS.delivered, yAxisID: 'y' },
              { label: 'Human clickers', data: weeks.map((w) => w.humanClickers), backgroundColor: COLORS.clicks, yAxisID: 'y' },
              { type: 'line', label: 'Revenue', data: weeks.map((w) => w.revenue), borderColor: COLORS.conversions, backgroundColor: COLORS.conversions, yAxisID: 'money' },
              { type: 'line', label: 'Cost', data: weeks.map((w) => w.cost), borderColor: COLORS.cost, backgroundColor: COLORS.cost, yAxisID: 'money' }
            ]
          },
          options: { scales: { y: { beginAtZero: true, position: 'left' }, money: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false } } } }
        });
      });
    page.querySelectorAll('th.sortable').forEach((header, column) => {
      header.tabIndex = 0;
      const sort = () => {
        const body = page.querySelector('#campaign-table tbody');
        const ascending = header.getAttribute('aria-sort') !== 'ascending';
        page.querySelectorAll('th.sortable').forEach((h) => h.removeAttribute('aria-sort'));
        header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        const index = Array.from(header.parentNode.children).indexOf(header);
        const rows = Array.from(body.querySelectorAll('tr[data-campaign]'));
        const key = (row) => {
          const cell = row.children[index];
          const raw = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
          const number = Number(raw);
          return raw !== '' && !Number.isNaN(number) ? number : raw.toLowerCase();
        };
        rows.sort((a, b) => {
          const x = key(a);
          const y = key(b);
          const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach((row) => body.appendChild(row));
      };
      header.addEventListener('click', sort);
      header.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          sort();
        }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', () => {
    const campaign = document.getElementById('dashboard');
    if (campaign) {
      campaignDashboard(campaign);
    }
    const all = document.getElementById('overview');
    if (all) {
      overview(all);
    }
  });
}());

// Keeps the Generation page's timeline and approval current: the server pushes the Generation's view on every change.
(function () {
  const section = document.getElementById('timeline-section');
  if (!section) return;
  const live = document.getElementById('live');
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const path = '/ws/tenants/' + encodeURIComponent(section.dataset.tenant) + '/apps/' + encodeURIComponent(section.dataset.app)
      + '/generations/' + encodeURIComponent(section.dataset.generation);
  const socket = new WebSocket(scheme + location.host + path);
  function text(id, value) {
    const element = document.getElementById(id);
    if (element) element.textContent = value || '';
  }
  function cell(row, selector, value) {
    row.querySelector(selector).textContent = value || '';
  }
  socket.onmessage = function (event) {
    const gen = JSON.parse(event.data);
    text('phase', gen.phase);
    text('stage', gen.stage);
    text('state', gen.state);
    text('reason', gen.reason);
    text('message', gen.message);
    gen.stages.forEach(function (stage) {
      const row = document.getElementById('stage-' + stage.name);
      if (!row) return;
      row.className = 'stage-' + stage.state + (stage.retrying ? ' retrying' : '');
      cell(row, '.stage-state', stage.state + (stage.retrying ? ' (retrying)' : ''));
      cell(row, '.stage-started', stage.startedAt);
      cell(row, '.stage-finished', stage.finishedAt);
      cell(row, '.stage-message', stage.message);
    });
    if (gen.approval) {
      text('approval', gen.approval.state + (gen.approval.by ? ' by ' + gen.approval.by : '')
          + (gen.approval.at ? ' at ' + gen.approval.at : '') + (gen.approval.reason ? ': ' + gen.approval.reason : ''));
    }
    document.getElementById('decide').hidden = !gen.awaitsDecision;
  };
  socket.onclose = function (event) {
    live.textContent = '(not live: ' + (event.reason || 'connection closed') + ')';
  };
})();

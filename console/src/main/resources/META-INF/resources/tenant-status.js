// Keeps the Tenant page's status line current: the server pushes the Tenant's summary on every change.
(function () {
  const status = document.getElementById('status');
  if (!status) return;
  const live = document.getElementById('live');
  const scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
  const socket = new WebSocket(scheme + location.host + '/ws/tenants/' + encodeURIComponent(status.dataset.tenant));
  socket.onmessage = function (event) {
    const tenant = JSON.parse(event.data);
    document.getElementById('state').textContent = tenant.state;
    document.getElementById('reason').textContent = tenant.reason;
    document.getElementById('message').textContent = tenant.message;
  };
  socket.onclose = function (event) {
    live.textContent = '(not live: ' + (event.reason || 'connection closed') + ')';
  };
})();

// The chat page while the operator resolves the newest words: ask the console until it has, then show the preview.
(function () {
  const answer = document.getElementById('answer');
  if (!answer || answer.dataset.state !== 'WAITING') return;
  const url = '/api/tenants/' + encodeURIComponent(answer.dataset.tenant) + '/chat/' + encodeURIComponent(answer.dataset.app);
  let asked = 0;
  function ask() {
    asked++;
    fetch(url, { headers: { Accept: 'application/json' } }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    }).then(function (chat) {
      if (chat.state !== 'WAITING') {
        location.reload();
      } else if (asked < 120) {
        setTimeout(ask, 1000);
      } else {
        document.getElementById('answer-text').textContent = 'The operator has not answered in two minutes; reload this page later.';
      }
    }).catch(function () {
      document.getElementById('answer-text').textContent = 'The console cannot be reached; reload this page.';
    });
  }
  setTimeout(ask, 500);
})();

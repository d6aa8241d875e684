// The first-run form: sends the one-time token from the link with the first administrator's details.
(function () {
  'use strict';
  var form = document.getElementById('setup');
  var message = document.getElementById('message');
  var token = new URLSearchParams(window.location.search).get('token') || '';
  // the token stays in this page only: drop it from the address bar and the history
  window.history.replaceState(null, '', window.location.pathname);
  if (!token) {
    message.textContent = 'This page needs the set-up link that ./uip up printed (it ends with ?token=...).';
    document.getElementById('submit').disabled = true;
  }
  var name = document.getElementById('workspace-name');
  var id = document.getElementById('workspace-id');
  var idEdited = false;
  id.addEventListener('input', function () { idEdited = true; });
  name.addEventListener('input', function () {
    if (!idEdited) {
      id.value = name.value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
    }
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (!form.reportValidity()) {
      return;
    }
    var button = document.getElementById('submit');
    button.disabled = true;
    message.textContent = 'Creating…';
    fetch('/auth/setup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({
        token: token,
        email: document.getElementById('email').value,
        password: document.getElementById('password').value,
        workspace: { id: id.value, name: name.value }
      })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.status === 201) {
          form.hidden = true;
          document.getElementById('done').hidden = false;
          document.getElementById('done-text').textContent = 'Signed in as ' + (body.user && body.user.email) + ', administrator of '
              + (body.workspace && (body.workspace.name || body.workspace.id)) + '.';
          return;
        }
        button.disabled = response.status === 401;
        message.textContent = (body.message || ('The gateway answered ' + response.status + '.'))
            + (response.status === 401 ? ' Restart the gateway with no user to get a new link.' : '');
      });
    }).catch(function () {
      button.disabled = false;
      message.textContent = 'The gateway cannot be reached. Is ./uip up running?';
    });
  });
}());

// LTI client-side platform storage (lti_storage_target): keeps the login state in the LMS's own
// window when the browser refuses cookies in the iframe. The page's #lti-storage element says what
// to do: mode "put" stores the state at login and goes on to the platform; mode "get" reads it back
// at launch, and only if it matches asks the tool to let the launch serve pages.
(function () {
  'use strict';
  var box = document.getElementById('lti-storage');
  if (!box) {
    return;
  }
  var data = box.dataset;
  var TIMEOUT_MS = 1000;

  function platformWindow() {
    if (data.target === '_parent') {
      return window.parent;
    }
    if (data.target === '_top') {
      return window.top;
    }
    try {
      return window.parent.frames[data.target] || null;
    } catch (e) {
      return null;
    }
  }

  // Sends one message and calls done(reply) with the matching reply, or done(null) after a second.
  function ask(subject, fields, done) {
    var target = platformWindow();
    if (!target || target === window) {
      done(null);
      return;
    }
    var id = 'child-cop-' + Date.now() + '-' + Math.random().toString(36).slice(2);
    var message = { subject: subject, message_id: id };
    Object.keys(fields).forEach(function (name) {
      message[name] = fields[name];
    });
    var timer = setTimeout(function () {
      window.removeEventListener('message', receive);
      done(null);
    }, TIMEOUT_MS);
    function receive(event) {
      var reply = event.data;
      if (event.source !== target || (data.origin !== '*' && event.origin !== data.origin)) {
        return;
      }
      if (!reply || reply.message_id !== id || reply.subject !== subject + '.response') {
        return;
      }
      clearTimeout(timer);
      window.removeEventListener('message', receive);
      done(reply.error ? null : reply);
    }
    window.addEventListener('message', receive);
    target.postMessage(message, data.origin);
  }

  function supports(capabilities, subject) {
    var supported = (capabilities && capabilities.supported_messages) || [];
    return supported.some(function (entry) {
      return entry && entry.subject === subject;
    });
  }

  function store() {
    var goOn = function () {
      window.location.replace(data.next);
    };
    ask('lti.capabilities', {}, function (capabilities) {
      if (!supports(capabilities, 'lti.put_data')) {
        goOn();
        return;
      }
      ask('lti.put_data', { key: data.key, value: data.value }, goOn);
    });
  }

  function failed() {
    document.getElementById('lti-status').textContent = '';
    document.getElementById('lti-failed').hidden = false;
  }

  function check() {
    ask('lti.get_data', { key: data.key }, function (reply) {
      if (!reply || reply.value !== data.value) {
        failed();
        return;
      }
      fetch('/lti/launch/binding', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ session: data.session, secret: data.secret })
      })
        .then(function (response) {
          return response.ok ? response.json() : Promise.reject(response.status);
        })
        .then(function (answer) {
          window.location.replace(answer.location);
        })
        .catch(failed);
    });
  }

  if (data.mode === 'put') {
    store();
  } else if (data.mode === 'get') {
    check();
  }
})();

// LTI Dynamic Registration 1.0: tell the LMS (which opened /lti/register in an iframe or a pop-up)
// that the registration is over, so it closes its dialog and shows the new tool. At once when the
// registration took effect; after the button when the page has something to read first (a
// registration awaiting approval). The message carries nothing secret, hence '*'.
(function () {
  var finish = document.getElementById('finish-registration');
  if (!finish) {
    return;
  }
  function close() {
    (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  }
  finish.addEventListener('click', close);
  if (finish.getAttribute('data-close') === 'at-once') {
    close();
  }
})();

// LTI Dynamic Registration 1.0: when the LMS administrator has read the result, tell the LMS
// (which opened /lti/register in an iframe or a pop-up) that the registration is over, so it
// closes the dialog and shows the new tool. The message carries nothing secret, hence '*'.
(function () {
  var finish = document.getElementById('finish-registration');
  if (!finish) {
    return;
  }
  finish.addEventListener('click', function () {
    (window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
  });
})();

// A form that came back refused: focus moves to the field to fix (or to the message when the act
// itself was refused), since browsers ignore autofocus inside a frame of another site (the LMS).
(function () {
  var target = document.querySelector('[aria-invalid="true"]') || document.getElementById('problem');
  if (target) {
    target.focus();
  }
})();

// Runs before the page paints, so a dark theme does not flash light first.
(function () {
  var saved = null;
  try { saved = localStorage.getItem('twin.theme'); } catch (e) { /* storage disabled */ }
  document.documentElement.setAttribute('data-theme', saved === 'dark' ? 'dark' : 'light');
})();

// Light/dark theme, kept in localStorage so it survives reloads and new tabs.
const KEY = 'twin.theme';
const listeners = [];

export function currentTheme() {
  return document.documentElement.getAttribute('data-theme') === 'dark' ? 'dark' : 'light';
}

export function setTheme(theme) {
  document.documentElement.setAttribute('data-theme', theme);
  try { localStorage.setItem(KEY, theme); } catch (e) { /* storage disabled: theme lasts this page */ }
  listeners.forEach((f) => f(theme));
}

export function onThemeChange(f) {
  listeners.push(f);
}

export function installToggle(button) {
  const label = () => { button.textContent = currentTheme() === 'dark' ? 'Light' : 'Dark'; };
  label();
  button.addEventListener('click', () => {
    setTheme(currentTheme() === 'dark' ? 'light' : 'dark');
    label();
  });
}

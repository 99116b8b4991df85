/** The stylesheet the three UIs share: small screens first, no web fonts. */
export const UI_STYLES = `
:root {
  --ink: #1b2330;
  --muted: #5b6676;
  --line: #d6dce4;
  --paper: #ffffff;
  --wash: #f3f5f8;
  --brand: #1f4fa3;
  --brand-ink: #ffffff;
  --ok: #1d6b3a;
  --ok-wash: #e4f4ea;
  --warn: #8a5a00;
  --warn-wash: #fff4d9;
  --bad: #a1252a;
  --bad-wash: #fde8e8;
  --radius: 0.5rem;
  color-scheme: light;
}

*,
*::before,
*::after {
  box-sizing: border-box;
}

body {
  margin: 0;
  font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  color: var(--ink);
  background: var(--wash);
}

.top {
  background: var(--brand);
  color: var(--brand-ink);
}

.nav,
.top > .brand {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.25rem 1rem;
  max-width: 48rem;
  margin: 0 auto;
  padding: 0.75rem 1rem;
}

.top a {
  color: var(--brand-ink);
  text-decoration: none;
  padding: 0.25rem 0;
  border-bottom: 2px solid transparent;
}

.top a[aria-current='page'] {
  border-bottom-color: var(--brand-ink);
}

.brand {
  font-weight: 700;
  margin-right: auto;
}

.brand span {
  font-weight: 400;
  opacity: 0.85;
}

.page {
  max-width: 48rem;
  margin: 0 auto;
  padding: 1rem;
}

h1 {
  font-size: 1.6rem;
  margin: 0.5rem 0 1rem;
}

h2 {
  font-size: 1.2rem;
  margin: 0 0 0.75rem;
}

h3 {
  font-size: 1rem;
  margin: 1rem 0 0.5rem;
}

.panel {
  background: var(--paper);
  border: 1px solid var(--line);
  border-radius: var(--radius);
  padding: 1rem;
  margin-bottom: 1rem;
}

.hint {
  color: var(--muted);
  margin-top: 0;
}

form {
  display: grid;
  gap: 0.75rem;
}

.fields {
  display: grid;
  gap: 0.75rem;
  grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr));
}

.wide {
  grid-column: 1 / -1;
}

fieldset {
  border: 1px solid var(--line);
  border-radius: var(--radius);
  margin: 0;
  padding: 0.75rem;
  min-width: 0;
}

legend {
  font-weight: 600;
  padding: 0 0.25rem;
}

label {
  display: grid;
  gap: 0.25rem;
  font-weight: 600;
  font-size: 0.95rem;
}

input,
select,
textarea,
button {
  font: inherit;
}

input,
select,
textarea {
  width: 100%;
  min-height: 2.75rem;
  padding: 0.5rem 0.6rem;
  border: 1px solid #9aa5b4;
  border-radius: 0.375rem;
  background: var(--paper);
  color: var(--ink);
  font-weight: 400;
}

input:focus-visible,
select:focus-visible,
textarea:focus-visible,
button:focus-visible,
a:focus-visible {
  outline: 3px solid #7aa7ff;
  outline-offset: 1px;
}

button {
  min-height: 2.75rem;
  padding: 0.5rem 1.1rem;
  border: 1px solid var(--brand);
  border-radius: 0.375rem;
  background: var(--brand);
  color: var(--brand-ink);
  font-weight: 600;
  cursor: pointer;
  justify-self: start;
}

button.secondary {
  background: var(--paper);
  color: var(--brand);
}

button.danger {
  background: var(--bad);
  border-color: var(--bad);
}

button:disabled {
  opacity: 0.6;
  cursor: progress;
}

.actions {
  margin-top: 0.75rem;
  display: flex;
  flex-wrap: wrap;
  gap: 0.5rem;
}

.alert {
  border-radius: var(--radius);
  padding: 0.75rem 1rem;
  margin: 0.75rem 0 0;
  border: 1px solid;
}

.alert p,
.alert ul {
  margin: 0;
}

.alert ul {
  padding-left: 1.25rem;
  margin-top: 0.25rem;
}

.alert-title {
  font-weight: 600;
}

.alert-error {
  background: var(--bad-wash);
  border-color: var(--bad);
  color: var(--bad);
}

.alert-ok {
  background: var(--ok-wash);
  border-color: var(--ok);
  color: var(--ok);
}

.alert-warn {
  background: var(--warn-wash);
  border-color: var(--warn);
  color: var(--warn);
}

.alert-info {
  background: var(--wash);
  border-color: var(--line);
}

.reference {
  font-size: 0.85rem;
  color: var(--muted);
}

.list {
  list-style: none;
  padding: 0;
  margin: 0.75rem 0 0;
  display: grid;
  gap: 0.5rem;
}

.card {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 0.5rem 1rem;
  border: 1px solid var(--line);
  border-radius: var(--radius);
  padding: 0.75rem;
  background: var(--paper);
}

.card[aria-current='true'] {
  border-color: var(--brand);
  box-shadow: 0 0 0 2px var(--brand) inset;
}

.card p {
  margin: 0;
}

.muted {
  color: var(--muted);
}

.locator {
  margin: 0;
  font: 700 1.6rem/1.2 ui-monospace, SFMono-Regular, Menlo, monospace;
  letter-spacing: 0.08em;
}

input.code {
  text-transform: uppercase;
  font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
}

.badge {
  display: inline-block;
  border-radius: 999px;
  padding: 0.1rem 0.7rem;
  font-weight: 600;
  font-size: 0.9rem;
  background: var(--wash);
  border: 1px solid var(--line);
}

.badge-ok {
  background: var(--ok-wash);
  border-color: var(--ok);
  color: var(--ok);
}

.badge-warn {
  background: var(--warn-wash);
  border-color: var(--warn);
  color: var(--warn);
}

.badge-bad {
  background: var(--bad-wash);
  border-color: var(--bad);
  color: var(--bad);
}

dl {
  display: grid;
  grid-template-columns: max-content 1fr;
  gap: 0.25rem 1rem;
  margin: 0.75rem 0 0;
}

dt {
  color: var(--muted);
}

dd {
  margin: 0;
  overflow-wrap: anywhere;
}

table {
  width: 100%;
  border-collapse: collapse;
  font-size: 0.95rem;
}

th,
td {
  text-align: left;
  padding: 0.4rem 0.5rem 0.4rem 0;
  border-bottom: 1px solid var(--line);
  vertical-align: top;
}

code {
  font-family: ui-monospace, SFMono-Regular, Menlo, monospace;
  overflow-wrap: anywhere;
}

[hidden] {
  display: none !important;
}

@media (max-width: 30rem) {
  .page {
    padding: 0.75rem;
  }

  .panel {
    padding: 0.75rem;
  }

  .fields {
    grid-template-columns: 1fr;
  }

  h1 {
    font-size: 1.35rem;
  }

  button {
    width: 100%;
  }

  dl {
    grid-template-columns: 1fr;
  }

  dd {
    margin-bottom: 0.5rem;
  }
}
`;

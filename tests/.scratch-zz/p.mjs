import { JSDOM } from 'jsdom';
for (const n of [2000, 4000, 8000, 16000]) {
  let html = '';
  for (let i = 0; i < n; i++) html += `<h2>Section ${i}</h2><p>${'Lorem ipsum dolor sit amet, café 武汉. '.repeat(8)}</p><ul><li>one</li><li>two</li><li>three</li></ul>`;
  const w = new JSDOM('').window;
  let t = performance.now();
  const b = w.document.createElement('body'); b.innerHTML = html;
  const t1 = performance.now() - t; t = performance.now();
  const d = new JSDOM(`<body>${html}`);
  const t2 = performance.now() - t; t = performance.now();
  const tpl = w.document.createElement('template'); tpl.innerHTML = html;
  const t3 = performance.now() - t;
  console.log(n, html.length, 'innerHTML', t1.toFixed(0), 'new JSDOM', t2.toFixed(0), 'template', t3.toFixed(0));
}

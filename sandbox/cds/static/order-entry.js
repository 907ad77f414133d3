// The sandbox EHR's order-entry page: runs the hooks through the sandbox (/cds/api/*), renders the cards as an EHR
// does (summary, indicator, source, detail, suggestions, links, override reasons) and signs. All card text is
// inserted as text (textContent), never as HTML: the detail's markdown is rendered by a tiny parser below.

const $ = (id) => document.getElementById(id);
const form = $('order-form');
const patientSel = $('cds-patient');
const medSel = $('cds-medication');
const status = $('cds-status');
const INDICATOR = { critical: 'Critical', warning: 'Warning', info: 'Info' };

/** Decisions for the cards of the last order-sign: uuid -> { outcome, reason?, suggestion? }. */
let signCards = [];
let decisions = new Map();
let draftId = crypto.randomUUID();

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'text') node.textContent = v;
    else if (k === 'class') node.className = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c) node.append(c);
  return node;
}

/** Inline markdown: **bold** and backslash escapes; everything else is text. */
function inline(text) {
  const out = [];
  let buf = '';
  let bold = null;
  const flush = () => {
    if (!buf) return;
    (bold ?? out).push(document.createTextNode(buf));
    buf = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) buf += text[++i];
    else if (c === '*' && text[i + 1] === '*') {
      flush();
      if (bold) {
        out.push(el('strong', {}, bold));
        bold = null;
      } else bold = [];
      i++;
    } else buf += c;
  }
  flush();
  if (bold) out.push(...bold);
  return out;
}

/** Block markdown: paragraphs and "- " lists. */
function markdown(text) {
  const box = el('div', { class: 'cds-detail' });
  let list = null;
  for (const line of text.split('\n')) {
    if (line.startsWith('- ')) {
      list ??= box.appendChild(el('ul'));
      list.append(el('li', {}, inline(line.slice(2))));
    } else {
      list = null;
      if (line.trim()) box.append(el('p', {}, inline(line)));
    }
  }
  return box;
}

function linkFor(link, patient) {
  // A smart link is launched by the EHR with its own launch context: the sandbox's /launch does exactly that.
  const href = link.type === 'smart' ? `/launch?patient=${encodeURIComponent(patient)}` : link.url;
  return el('a', { href, class: 'cds-link' }, [link.label]);
}

function renderCard(card, patient, forSign) {
  const article = el('article', {
    class: `cds-card cds-${card.indicator}`,
    'aria-label': `${INDICATOR[card.indicator]} alert`,
  });
  article.append(el('p', { class: 'cds-indicator', text: INDICATOR[card.indicator] ?? card.indicator }));
  article.append(el('h3', { text: card.summary }));
  article.append(markdown(card.detail ?? ''));
  const src = el('p', { class: 'cds-source' }, ['Source: ']);
  src.append(
    card.source?.url
      ? el('a', { href: card.source.url, rel: 'noopener noreferrer', target: '_blank' }, [card.source.label])
      : (card.source?.label ?? ''),
  );
  article.append(src);
  const decided = el('p', { class: 'cds-decided', role: 'status' });
  for (const s of card.suggestions ?? []) {
    const b = el('button', { type: 'button', class: 'secondary' }, [`Accept: ${s.label}`]);
    b.addEventListener('click', () => {
      decisions.set(card.uuid, { outcome: 'accepted', suggestion: s.uuid });
      decided.textContent = `Accepted. The EHR would now: ${s.actions.map((a) => a.description).join(' ')}`;
    });
    article.append(el('div', {}, [b]));
  }
  for (const l of card.links ?? []) article.append(el('p', {}, [linkFor(l, patient)]));
  if (card.overrideReasons?.length && forSign) {
    const id = `reason-${card.uuid}`;
    const select = el('select', { id }, [
      el('option', { value: '', text: 'Choose a reason' }),
      ...card.overrideReasons.map((r, i) => el('option', { value: String(i), text: r.display ?? r.code })),
    ]);
    const button = el('button', { type: 'button', class: 'secondary' }, ['Override']);
    button.addEventListener('click', () => {
      const reason = card.overrideReasons[Number(select.value)];
      if (!select.value || !reason) return void (decided.textContent = 'Choose an override reason first.');
      decisions.set(card.uuid, { outcome: 'overridden', reason });
      decided.textContent = `Overridden: ${reason.display ?? reason.code}.`;
    });
    article.append(
      el('div', { class: 'cds-override' }, [el('label', { for: id, text: 'Override reason' }), select, button]),
    );
  }
  article.append(decided);
  return article;
}

function render(target, cards, patient, forSign = false) {
  target.replaceChildren(
    ...(cards.length
      ? cards.map((c) => renderCard(c, patient, forSign))
      : [el('p', { class: 'cds-none', text: 'No alerts.' })]),
  );
}

async function runHook(hook) {
  const body = {
    hook,
    patient: patientSel.value,
    medication: medSel.value || undefined,
    draftId,
    prefetch: $('cds-prefetch').checked,
  };
  const res = await fetch('/cds/api/hook', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const out = await res.json();
  if (!res.ok || out.status !== 200) throw new Error(`the CDS service answered ${out.status ?? res.status}`);
  return out.response.cards ?? [];
}

async function feedback(cards) {
  const now = new Date().toISOString();
  const items = cards
    .filter((c) => decisions.has(c.uuid))
    .map((c) => {
      const d = decisions.get(c.uuid);
      return d.outcome === 'accepted'
        ? { card: c.uuid, outcome: 'accepted', acceptedSuggestions: [{ id: d.suggestion }], outcomeTimestamp: now }
        : { card: c.uuid, outcome: 'overridden', overrideReason: { reason: d.reason }, outcomeTimestamp: now };
    });
  if (!items.length) return;
  await fetch('/cds/api/feedback', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ hook: 'order-sign', feedback: items }),
  });
}

function busy(text) {
  status.textContent = text;
}

async function guarded(work) {
  try {
    await work();
  } catch (e) {
    busy(`Could not reach the CDS service: ${e.message}`);
  }
}

patientSel.addEventListener('change', () =>
  guarded(async () => {
    signCards = [];
    $('chart-cards').replaceChildren();
    $('order-cards').replaceChildren();
    if (!patientSel.value) return;
    busy('Checking the chart…');
    render($('chart-cards'), await runHook('patient-view'), patientSel.value);
    if (medSel.value) render($('order-cards'), await runHook('order-select'), patientSel.value);
    busy('Chart checked.');
  }),
);

medSel.addEventListener('change', () =>
  guarded(async () => {
    draftId = crypto.randomUUID();
    signCards = [];
    decisions = new Map();
    if (!patientSel.value || !medSel.value) return;
    busy('Checking the order…');
    render($('order-cards'), await runHook('order-select'), patientSel.value);
    busy('Order checked.');
  }),
);

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void guarded(async () => {
    if (!patientSel.value || !medSel.value) return busy('Choose a patient and a medicine first.');
    const review = 'Review the critical alerts: accept a suggestion or choose an override reason, then sign again.';
    if (!signCards.length) {
      busy('Signing: checking the order…');
      signCards = await runHook('order-sign');
      decisions = new Map();
      render($('order-cards'), signCards, patientSel.value, true);
      if (signCards.some((c) => c.indicator === 'critical')) return busy(review);
    } else if (signCards.some((c) => c.indicator === 'critical' && !decisions.has(c.uuid))) return busy(review);
    await feedback(signCards);
    busy(`Order signed: ${medSel.selectedOptions[0].textContent} (sandbox: the order is not stored).`);
    signCards = [];
  });
});

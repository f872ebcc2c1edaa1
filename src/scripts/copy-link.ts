/** <cittc-copy-link>: shows its button once JavaScript runs, and copies data-url on click. */
class CopyLink extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    const status = this.querySelector('.copy-status');
    if (!button || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(this.dataset.url ?? location.href);
      if (status) status.textContent = this.dataset.copied ?? '';
    });
  }
}

if (!customElements.get('cittc-copy-link')) customElements.define('cittc-copy-link', CopyLink);

import type { Trilingual } from '../src/schema/labels';

const L = (it: string, zh: string, en: string): Trilingual => ({ it, zh, en });

/** Texts of the admin page itself and of the editor components, in the editor's language. */
export const adminLabels = {
  figure: L('Figura', '图片', 'Figure'),
  figureImage: L('Immagine', '图片文件', 'Image'),
  figureAlt: L('Testo alternativo', '替代文字', 'Alt text'),
  figureAltHint: L(
    "Descrivi l'immagine per chi non la vede (vuoto solo se decorativa).",
    '为看不到图片的读者描述图片（仅装饰性图片可留空）。',
    'Describe the image for people who cannot see it (empty only if decorative).',
  ),
  figureCaption: L('Didascalia', '图片说明', 'Caption'),
  callout: L('Riquadro', '提示框', 'Callout'),
  calloutType: L('Tipo', '类型', 'Type'),
  calloutText: L('Testo', '内容', 'Text'),
  calloutInfo: L('Nota', '提示', 'Note'),
  calloutWarning: L('Attenzione', '注意', 'Warning'),
  calloutSuccess: L('Fatto', '完成', 'Done'),
  cta: L('Pulsante di invito', '行动按钮', 'Call to action'),
  ctaHref: L('Indirizzo (https://, mailto: o /percorso/)', '链接（https://、mailto: 或站内路径）', 'Link (https://, mailto: or /path/)'),
  ctaLabel: L('Testo del pulsante', '按钮文字', 'Button text'),
  adminLanguage: L('Lingua dell’interfaccia', '界面语言', 'Interface language'),
} satisfies Record<string, Trilingual>;

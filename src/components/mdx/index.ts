import Callout from './Callout.astro';
import CtaLink from './CtaLink.astro';
import Figure from './Figure.astro';

/**
 * The components an MDX body may use without importing them. The CMS offers an editor
 * component for each (cms/editor-components.ts), so editors never type JSX.
 */
export const mdxComponents = { Figure, Callout, CtaLink };

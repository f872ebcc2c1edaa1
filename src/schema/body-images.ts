import { defineHastPlugin } from 'satteri';

/**
 * Images in content bodies (Markdown images, <Figure>): Astro's image pipeline re-encodes them
 * as WebP in the widths a reader's screen needs, like covers (src/components/ResponsiveImage),
 * instead of one file as wide as the upload. Runs before Astro's own image plugin, which hands
 * these properties to getImage().
 */
export const BODY_IMAGE_WIDTHS = [480, 960, 1440];
export const BODY_IMAGE_SIZES = '(min-width: 72rem) 70rem, 100vw';

export const bodyImages = defineHastPlugin({
  name: 'cittc-body-images',
  element: {
    filter: ['img'],
    visit(node, ctx) {
      if (node.properties?.widths !== undefined) return;
      ctx.setProperty(node, 'widths', BODY_IMAGE_WIDTHS);
      ctx.setProperty(node, 'sizes', BODY_IMAGE_SIZES);
    },
  },
});

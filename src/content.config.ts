import { defineCollection } from 'astro:content';
import { collectionNames, type CollectionName } from './schema/collections';
import { contentLoader } from './schema/loader';
import { collectionSchema } from './schema/zod';

// Connects the loaders over content/ to the schemas generated from src/schema. Nothing else.
function collection(name: CollectionName) {
  return defineCollection({
    loader: contentLoader(name),
    schema: ({ image }) => collectionSchema(name, image),
  });
}

export const collections = Object.fromEntries(collectionNames.map((name) => [name, collection(name)])) as {
  [K in CollectionName]: ReturnType<typeof collection>;
};

import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { collectionNames, type CollectionName } from './schema/collections';
import { contentLoader } from './schema/loader';
import { vocabularyNames, termSchema, type VocabularyName } from './schema/vocabularies';
import { collectionSchema } from './schema/zod';

// Connects the loaders over content/ to the schemas generated from src/schema. Nothing else.
function collection(name: CollectionName) {
  return defineCollection({
    loader: contentLoader(name),
    schema: ({ image }) => collectionSchema(name, image),
  });
}

// Vocabularies: one YAML file per term, content/<vocabulary>/<key>.yml.
function vocabularyCollection(name: VocabularyName) {
  return defineCollection({ loader: glob({ pattern: '*.{yml,yaml}', base: `./content/${name}` }), schema: termSchema });
}

export const collections = {
  ...(Object.fromEntries(collectionNames.map((name) => [name, collection(name)])) as {
    [K in CollectionName]: ReturnType<typeof collection>;
  }),
  ...(Object.fromEntries(vocabularyNames.map((name) => [name, vocabularyCollection(name)])) as {
    [K in VocabularyName]: ReturnType<typeof vocabularyCollection>;
  }),
};

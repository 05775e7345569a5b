// The meta tag by which a published folder (scripts/publish.ts) names the dataset its page opens
// (src/data/datasetUrl.ts reads it). Its own module: the publish script runs in Node.
export const DATASET_META = 'dateline-dataset';

/**
 * The one markdown pipeline configuration, shared by the lesson renderer and
 * the link checker, so an anchor the checker accepts is an id the page has.
 */
import rehypeKatex from "rehype-katex";
import rehypeSlug from "rehype-slug";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";

export const remarkPlugins = [remarkGfm, remarkMath];
/** rehype-slug (github-slugger) gives headings their ids; KaTeX renders math on the server. */
export const rehypePlugins = [rehypeSlug, rehypeKatex];

import type { Root } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkMdx from 'remark-mdx'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import type { VFile } from 'vfile'
import { unravelComponentParagraphs } from '@/lib/mdx/unravel-components'

// One frozen parser per format, reused for every file (building one per call measured slower).
const parsers = {
  mdx: unified().use(remarkParse).use(remarkMdx).use(remarkGfm).freeze(),
  md: unified().use(remarkParse).use(remarkGfm).freeze(),
}

/** The answer dialect: Markdown with GFM, plus MDX's JSX for .mdx files. Throws MDX's syntax errors as VFileMessages. */
export function parseAnswerBody(file: VFile, format: 'mdx' | 'md'): Root {
  const tree = parsers[format].parse(file) as Root
  unravelComponentParagraphs(tree)
  return tree
}

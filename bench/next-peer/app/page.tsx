import { article } from './article'

export default function Home() {
  return (
    <article>
      <header>
        <h1>{article.title}</h1>
        <p>
          By {article.author} · <time dateTime={article.published}>{article.publishedLabel}</time>
        </p>
      </header>
      {article.sections.map((section) => (
        <section key={section.heading}>
          <h2>{section.heading}</h2>
          {section.paragraphs.map((paragraph) => (
            <p key={paragraph.slice(0, 40)}>{paragraph}</p>
          ))}
        </section>
      ))}
    </article>
  )
}

import { usePageTitle } from '../components/use-page-title';

/** A reserved route whose page has not been built yet. */
export function ComingSoon({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <section className="page">
      <h1>{title}</h1>
      <p>This page is coming soon.</p>
    </section>
  );
}

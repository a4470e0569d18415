import { Link } from "wouter";
import { useDocumentTitle } from "../components/use-document-title.ts";

/** The page for an unknown address or a term or project the API does not know. */
export function NotFoundPage({ what = "page", detail }: { what?: string; detail?: string }) {
  useDocumentTitle("Not found");
  return (
    <div className="page narrow not-found">
      <h1>This {what} does not exist</h1>
      <p>{detail ?? "The address may be mistyped, or the page may have moved."}</p>
      <p>
        <Link href="/" className="button button-primary">
          Go to all programs
        </Link>
      </p>
    </div>
  );
}

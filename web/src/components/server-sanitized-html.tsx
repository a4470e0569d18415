/**
 * Shows HTML that the server rendered from Markdown and sanitized (rehype-sanitize): the one
 * place the web UI sets inner HTML. Never pass it anything that did not come from those
 * `...Html` fields of the API.
 */
export function ServerSanitizedHtml({ html, className }: { html: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: the API sanitizes these fields; this component exists to name that trust.
  return <div className={className ? `prose ${className}` : "prose"} dangerouslySetInnerHTML={{ __html: html }} />;
}

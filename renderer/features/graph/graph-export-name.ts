/** "Yuancheng Group" → "yuancheng-group-graph": a file name that survives every file system. */
export function exportFileName(title: string, extension: 'png' | 'svg'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'case'}-graph.${extension}`;
}

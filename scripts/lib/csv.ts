/** CSV as Bulk API 2.0 reads and writes it (RFC 4180: quoted fields, doubled quotes, LF or CRLF line ends). */

export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    let i = 0;
    let fieldStarted = false;
    while (i < text.length) {
        const c = text[i];
        if (quoted) {
            if (c === '"') {
                if (text[i + 1] === '"') {
                    field += '"';
                    i += 2;
                    continue;
                }
                quoted = false;
                i++;
                continue;
            }
            field += c;
            i++;
            continue;
        }
        if (c === '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            i++;
        } else if (c === ',') {
            row.push(field);
            field = '';
            fieldStarted = false;
            i++;
        } else if (c === '\n' || c === '\r') {
            row.push(field);
            rows.push(row);
            row = [];
            field = '';
            fieldStarted = false;
            i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
        } else {
            field += c;
            fieldStarted = true;
            i++;
        }
    }
    if (quoted) throw new Error('CSV: unterminated quoted field');
    if (fieldStarted || row.length) {
        row.push(field);
        rows.push(row);
    }
    return rows;
}

function quote(value: string): string {
    return /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

export function formatCsv(rows: string[][]): string {
    return rows.map((row) => row.map(quote).join(',')).join('\n') + '\n';
}

/** Rows (after the header) as objects keyed by the header's column names. */
export function csvToObjects(text: string): { columns: string[]; rows: Record<string, string>[] } {
    const [columns = [], ...data] = parseCsv(text);
    return {
        columns,
        rows: data
            .filter((r) => r.length > 1 || r[0] !== '')
            .map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i] ?? ''])))
    };
}
